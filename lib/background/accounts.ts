import { FeedError } from '../errors';
import { t, tp } from '../i18n';
import type { Handlers } from '../messaging/listener';
import type { SaveOutcome } from '../settings/defaults';
import { maskApiKey } from '../settings/secret';
import {
  MAX_SOURCES,
  newSourceId,
  PRIMARY_SOURCE_ID,
  type Source,
  type SourceInfo,
  type SourceInput,
  sourceName,
  sourceProblems,
} from '../sources';
import { database } from '../storage/database';
import { loadSettings } from '../storage/items';
import type { createOffers } from './offers';
import { addressOf, originOf } from './source-refresh';
import type { createSources } from './sources';

interface Deps {
  offers: ReturnType<typeof createOffers>;
  sources: ReturnType<typeof createSources>;
  isApproved(origin: string): Promise<boolean>;
}

/**
 * The publisher's network accounts (the settings page's "Networks"): list, add or edit with
 * "Save and test" (a failing test saves nothing, as for the first source's key), and remove with
 * its offers, change log and key. The first source is the settings' feed and key, edited above.
 */
export function createAccounts({ offers, sources, isApproved }: Deps) {
  async function listSources(): Promise<SourceInfo[]> {
    const [all, snapshot] = await Promise.all([sources.sourcesOf('real'), offers.snapshot().catch(() => null)]);
    const showing = (await database.currentWorld()) === 'real';
    return Promise.all(
      all.map(async (source) => {
        const key = await database.loadApiKey(source.id);
        const facts = showing ? snapshot?.sources[source.id] : undefined;
        return {
          id: source.id,
          kind: source.kind,
          label: source.label,
          name: sourceName(source),
          ...(source.feedUrl === undefined ? {} : { feedUrl: source.feedUrl }),
          ...(source.host === undefined ? {} : { host: source.host }),
          primary: source.id === PRIMARY_SOURCE_ID,
          hasKey: key !== '',
          masked: maskApiKey(key),
          status: await sources.statusOf(source.id),
          offerCount: facts?.offerCount ?? 0,
          fetchedAt: facts?.fetchedAt ?? null,
        };
      }),
    );
  }

  async function saveSource(request: {
    source: SourceInput;
    apiKey?: string;
    approveOrigin?: string;
  }): Promise<SaveOutcome & { id?: string }> {
    const input = request.source;
    const problems = sourceProblems(input);
    if (problems.address) return { ok: false, error: new FeedError('no-feed-url').toInfo(), field: 'feedUrl' };
    const added = await database.loadSources();
    const existing = input.id ? added.find((s) => s.id === input.id) : undefined;
    if (input.id && !existing) return { ok: false, error: { code: 'failed', message: t('accountGone') } };
    if (!existing && added.length >= MAX_SOURCES) {
      return { ok: false, error: { code: 'failed', message: tp('accountTooMany', MAX_SOURCES) } };
    }
    const id =
      existing?.id ??
      newSourceId(
        input.kind,
        added.map((s) => s.id),
      );
    const source: Source = {
      id,
      kind: existing?.kind ?? input.kind,
      label: input.label || sourceName({ kind: input.kind, label: '' }),
      ...(input.kind === 'carrierapptraffic' ? { feedUrl: input.feedUrl ?? '' } : { host: input.host ?? '' }),
    };
    const apiKey = request.apiKey ?? (existing ? await database.loadApiKey(id) : '');
    if (!apiKey) return { ok: false, error: new FeedError('no-key').toInfo(), field: 'apiKey', id };
    const { settings } = await loadSettings();
    const origin = originOf(source, addressOf(source, { settings }));
    const fixedHost = source.kind === 'everflow';
    if (origin && !fixedHost && !(await isApproved(origin)) && request.approveOrigin !== origin) {
      const error = new FeedError('confirm-origin', { detail: new URL(origin).host }).toInfo();
      return { ok: false, error, confirmOrigin: origin, id };
    }
    const commit = async () => {
      if (origin && !fixedHost && !(await isApproved(origin))) await database.approveOrigin(origin);
      await database.saveApiKey(apiKey, id);
      const others = (await database.loadSources()).filter((s) => s.id !== id);
      await database.saveSources([...others, source]);
    };
    const outcome = await sources.refresherOf(id).refresh({
      trial: { apiKey, settings, source, commit, approvedOrigin: request.approveOrigin },
    });
    if (outcome.ok) await sources.mirrorSourceNames();
    return { ...outcome, id };
  }

  const handlers = {
    listSources,
    saveSource,
    async removeSource({ id }) {
      if (id === PRIMARY_SOURCE_ID) return { ok: false as const };
      await database.saveSources((await database.loadSources()).filter((s) => s.id !== id));
      await database.deleteApiKey(id);
      await sources.dropSource(id);
      await sources.mirrorSourceNames();
      return { ok: true as const };
    },
    revealSourceKey: async ({ id }) => ({ apiKey: await database.loadApiKey(id) }),
    refreshSource: ({ id }) => sources.refresherOf(id).refresh(),
  } satisfies Partial<Handlers>;

  return { handlers };
}
