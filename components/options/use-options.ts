import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RejectedOffer } from '../../lib/feed';
import { missingOrigins, requestOrigins } from '../../lib/host-access';
import { sendMessage } from '../../lib/messaging/client';
import type { RefreshOutcome } from '../../lib/refresh';
import { type Draft, fromDraft, toDraft } from '../../lib/settings/fields';
import { ApiKeySchema, settingsProblems } from '../../lib/settings/schema';
import { database } from '../../lib/storage/database';
import { settingsItem, statusItem, summaryItem } from '../../lib/storage/items';
import { useStorageItem } from '../use-storage-item';

/** Everything the options page loads and does, in one place. */
export function useOptions() {
  const saved = useStorageItem(settingsItem);
  const status = useStorageItem(statusItem);
  const summary = useStorageItem(summaryItem);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [apiKey, setApiKey] = useState('');
  const [keyInfo, setKeyInfo] = useState<{ hasKey: boolean; masked: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'demo' | 'refresh' | null>(null);
  const [result, setResult] = useState<RefreshOutcome | { ok: false; error: { message: string } } | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [skipped, setSkipped] = useState<RejectedOffer[]>([]);

  useEffect(() => {
    if (saved && !draft) setDraft(toDraft(saved));
  }, [saved, draft]);
  useEffect(() => {
    void sendMessage('apiKeyInfo', {}).then(setKeyInfo);
  }, []);
  // The skipped offers' reasons are feed text: they live in IndexedDB, with the offers.
  useEffect(() => {
    void database.loadPreview().then((preview) => setSkipped(preview?.rejected ?? []));
  }, [summary?.fetchedAt]);
  const feedUrl = draft?.feedUrl ?? saved?.feedUrl ?? '';
  useEffect(() => {
    void missingOrigins(feedUrl).then(setMissing);
  }, [feedUrl]);

  const settings = draft ? fromDraft(draft) : null;
  const problems = { ...(draft ? settingsProblems(settings) : {}), ...keyProblem(apiKey) };
  const canSave = !!draft && Object.keys(problems).length === 0 && busy === null;

  const update = useCallback((patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d)), []);

  async function run(kind: 'save' | 'demo' | 'refresh', action: () => Promise<RefreshOutcome>) {
    setBusy(kind);
    setResult(null);
    try {
      setResult(await action());
    } catch (error) {
      setResult({ ok: false, error: { message: error instanceof Error ? error.message : String(error) } });
    } finally {
      setBusy(null);
    }
  }

  return {
    draft,
    apiKey,
    setApiKey,
    keyInfo,
    status,
    summary,
    skipped,
    problems,
    canSave,
    busy,
    result,
    missing,
    update,
    async grantAccess() {
      await requestOrigins(missing);
      setMissing(await missingOrigins(feedUrl));
    },
    async revealKey() {
      const { apiKey: key } = await sendMessage('revealApiKey', {});
      setApiKey(key);
    },
    save() {
      if (!canSave || !settings) return;
      // The permission prompt must open inside the click: ask before anything is awaited.
      const asked = missing.length ? requestOrigins(missing) : Promise.resolve(true);
      void run('save', async () => {
        await asked.catch(() => false);
        setMissing(await missingOrigins(settings.feedUrl));
        const outcome = await sendMessage('saveSettings', {
          settings,
          apiKey: apiKey.trim() ? apiKey.trim() : undefined,
        });
        setKeyInfo(await sendMessage('apiKeyInfo', {}));
        setApiKey('');
        return outcome;
      });
    },
    tryDemo: () => run('demo', () => sendMessage('loadDemo', {})),
    refreshNow: () => run('refresh', () => sendMessage('refresh', {})),
  };
}

function keyProblem(apiKey: string): { apiKey?: string } {
  if (!apiKey) return {};
  const parsed = ApiKeySchema.safeParse(apiKey);
  return parsed.success ? {} : { apiKey: parsed.error.issues[0]?.message ?? 'Invalid key' };
}
