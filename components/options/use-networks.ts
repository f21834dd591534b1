import { useCallback, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../lib/errors';
import { requestOrigins } from '../../lib/host-access';
import { sendMessage } from '../../lib/messaging/client';
import { sourceHostPattern } from '../../lib/networks';
import type { RefreshOutcome } from '../../lib/refresh';
import type { SourceInfo, SourceInput } from '../../lib/sources';
import { useAsyncEffect } from '../use-async-effect';
import type { OriginToConfirm } from './use-options';

/** The account being added or edited, as typed. */
export interface SourceDraft extends SourceInput {
  apiKey: string;
}

export type NetworkSave =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'saved'; outcome: RefreshOutcome }
  | { state: 'failed'; error: ErrorInfo; field: string | null }
  | { state: 'confirm'; origin: OriginToConfirm };

/**
 * The settings page's "Networks": the publisher's accounts besides the first, and adding,
 * editing ("Save and test": a failing test saves nothing), refreshing and removing them.
 */
export function useNetworks(refreshedAt: number | undefined) {
  const [sources, setSources] = useState<SourceInfo[] | null>(null);
  const [changes, setChanges] = useState(0);
  const [draft, setDraft] = useState<SourceDraft | null>(null);
  const [save, setSave] = useState<NetworkSave>({ state: 'idle' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: listed again after each refresh and each change made here
  useAsyncEffect(() => sendMessage('listSources', {}), setSources, [refreshedAt, changes]);
  const reload = useCallback(() => setChanges((n) => n + 1), []);

  function submit(approveOrigin?: string) {
    if (!draft) return;
    const { apiKey, ...source } = draft;
    // The browser's permission question must come from the click itself: asked before anything is awaited.
    const pattern = sourceHostPattern(source.kind, { feedUrl: source.feedUrl, host: source.host });
    const asked = pattern ? requestOrigins([pattern]).catch(() => false) : Promise.resolve(true);
    setSave({ state: 'testing' });
    void asked
      .then(() => sendMessage('saveSource', { source, apiKey: apiKey.trim() || undefined, approveOrigin }))
      .then(
        (outcome) => {
          if (outcome.ok) {
            setSave({ state: 'saved', outcome });
            setDraft(null);
            reload();
          } else if (outcome.confirmOrigin) {
            const { confirmOrigin } = outcome;
            setSave({ state: 'confirm', origin: { origin: confirmOrigin, host: new URL(confirmOrigin).host } });
          } else {
            setSave({ state: 'failed', error: outcome.error, field: outcome.field ?? null });
          }
        },
        (error: unknown) =>
          setSave({
            state: 'failed',
            error: { code: 'failed', message: String((error as Error)?.message ?? error) },
            field: null,
          }),
      );
  }

  return {
    sources,
    draft,
    save,
    /** Start adding an account of this kind, or editing one. */
    edit(next: SourceDraft | null) {
      setDraft(next);
      setSave({ state: 'idle' });
    },
    update: (patch: Partial<SourceDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d)),
    submit,
    cancelConfirm: () => setSave({ state: 'idle' }),
    async remove(id: string) {
      await sendMessage('removeSource', { id });
      reload();
    },
    async refresh(id: string) {
      await sendMessage('refreshSource', { id });
      reload();
    },
    async revealKey(id: string): Promise<string> {
      return (await sendMessage('revealSourceKey', { id })).apiKey;
    },
  };
}
