import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../lib/errors';
import type { RejectedOffer } from '../../lib/feed';
import { missingOrigins, requestOrigins } from '../../lib/host-access';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/client';
import type { RefreshOutcome } from '../../lib/refresh';
import {
  type Draft,
  fieldOfError,
  fromDraft,
  type SaveOutcome,
  type SettingKey,
  toDraft,
} from '../../lib/settings/fields';
import { ApiKeySchema, settingsProblems } from '../../lib/settings/schema';
import { database } from '../../lib/storage/database';
import { DEFAULT_SETTINGS, settingsItem, statusItem, summaryItem } from '../../lib/storage/items';
import { chosenLanguage, rememberLanguage } from '../start-page';
import { useAsyncEffect } from '../use-async-effect';
import { useStorageItem } from '../use-storage-item';

export type Busy = 'save' | 'demo' | 'refresh' | null;

/** A failed save or test, said beside the field it is about. */
export interface SaveProblem {
  error: ErrorInfo;
  field: SettingKey | 'apiKey' | null;
  /** The key or feed URL typed was not kept: the saved ones are still in use. */
  notSaved: boolean;
}

/** A feed server never approved: the publisher confirms by its name before the key goes there. */
export interface OriginToConfirm {
  origin: string;
  host: string;
}

/** Everything the settings page loads and does: the draft, "Save and test", the demo, refresh. */
export function useOptions() {
  const saved = useStorageItem(settingsItem);
  const status = useStorageItem(statusItem);
  const summary = useStorageItem(summaryItem);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [apiKey, setApiKey] = useState('');
  const [keyInfo, setKeyInfo] = useState<{ hasKey: boolean; masked: string } | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [result, setResult] = useState<RefreshOutcome | null>(null);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [confirm, setConfirm] = useState<OriginToConfirm | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [skipped, setSkipped] = useState<RejectedOffer[]>([]);

  useEffect(() => {
    if (saved && !draft) setDraft(toDraft(saved));
  }, [saved, draft]);
  useAsyncEffect(() => sendMessage('apiKeyInfo', {}), setKeyInfo, []);
  // The skipped offers' reasons are feed text: they live in IndexedDB, with the offers. Read
  // again whenever a refresh brings a new snapshot.
  const fetchedAt = summary?.fetchedAt;
  useAsyncEffect(
    () => (fetchedAt === undefined ? undefined : database.loadPreview()),
    (preview) => setSkipped(preview?.rejected ?? []),
    [fetchedAt],
  );
  const feedUrl = draft?.feedUrl ?? saved?.feedUrl ?? '';
  useAsyncEffect(() => missingOrigins(feedUrl), setMissing, [feedUrl]);

  const settings = draft ? fromDraft(draft) : null;
  const problems: Partial<Record<SettingKey | 'apiKey', string>> = {
    ...(settings ? settingsProblems(settings) : {}),
    ...keyProblem(apiKey),
  };
  const canSave = !!draft && Object.keys(problems).length === 0 && busy === null;
  const dirty = !!apiKey.trim() || (!!settings && !!saved && JSON.stringify(settings) !== JSON.stringify(saved));

  const update = useCallback((patch: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setConfirm(null);
  }, []);

  async function run(kind: Exclude<Busy, null>, action: () => Promise<SaveOutcome>, typed = false) {
    setBusy(kind);
    setResult(null);
    setProblem(null);
    try {
      const outcome = await action();
      if (outcome.ok) {
        setResult(outcome);
        if (typed) setApiKey('');
        // Another language chosen: every page speaks it from its next start; this one at once.
        if (settings && settings.language !== (chosenLanguage() ?? 'auto')) {
          rememberLanguage(settings.language);
          location.reload();
        }
      } else if (outcome.confirmOrigin) {
        setConfirm({ origin: outcome.confirmOrigin, host: new URL(outcome.confirmOrigin).host });
      } else {
        setProblem({ error: outcome.error, field: outcome.field ?? fieldOfError(outcome.error.code), notSaved: typed });
      }
      setKeyInfo(await sendMessage('apiKeyInfo', {}));
    } catch (error) {
      setProblem({
        error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
        field: null,
        notSaved: typed,
      });
    } finally {
      setBusy(null);
    }
  }

  /** "Save and test"; `approveOrigin` once the publisher confirmed a new feed server by name. */
  function save(approveOrigin?: string) {
    if (!canSave || !settings) return;
    setConfirm(null);
    // The permission prompt must open inside the click: ask before anything is awaited.
    const asked = missing.length ? requestOrigins(missing) : Promise.resolve(true);
    const typedKey = apiKey.trim() ? apiKey.trim() : undefined;
    const steers = typedKey !== undefined || settings.feedUrl !== saved?.feedUrl;
    void run(
      'save',
      async () => {
        await asked.catch(() => false);
        setMissing(await missingOrigins(settings.feedUrl));
        return sendMessage('saveSettings', { settings, apiKey: typedKey, approveOrigin });
      },
      steers,
    );
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
    /** Something typed is not saved yet. */
    dirty,
    busy,
    result,
    problem,
    confirm,
    missing,
    update,
    save,
    cancelConfirm: () => setConfirm(null),
    /** The feed URL the build came with (the network's). */
    defaultFeedUrl: DEFAULT_SETTINGS.feedUrl,
    async grantAccess() {
      await requestOrigins(missing);
      setMissing(await missingOrigins(feedUrl));
    },
    async revealKey() {
      const { apiKey: key } = await sendMessage('revealApiKey', {});
      setApiKey(key);
    },
    tryDemo: () => run('demo', () => sendMessage('loadDemo', {})),
    refreshNow: () => run('refresh', () => sendMessage('refresh', {})),
  };
}

function keyProblem(apiKey: string): { apiKey?: string } {
  if (!apiKey) return {};
  const parsed = ApiKeySchema.safeParse(apiKey);
  return parsed.success ? {} : { apiKey: parsed.error.issues[0]?.message ?? t('optionsInvalidKey') };
}
