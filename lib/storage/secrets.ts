import { type Rates, readStoredRates } from '../currency';
import { PRIMARY_SOURCE_ID, readSources, type Source } from '../sources';
import { mainDb as db } from './db';

/** What only the background (and the settings page, through it) may know or act on. */
/** Where a source's key is kept: the first source's where it always was. */
const keyName = (sourceId: string) => (sourceId === PRIMARY_SOURCE_ID ? 'apiKey' : `apiKey:${sourceId}`);

export const secrets = {
  /** A source's API key ('' when none); the first source's by default. */
  async loadApiKey(sourceId = PRIMARY_SOURCE_ID): Promise<string> {
    const key = await (await db()).get('secrets', keyName(sourceId));
    return typeof key === 'string' ? key : '';
  },
  async saveApiKey(apiKey: string, sourceId = PRIMARY_SOURCE_ID): Promise<void> {
    await (await db()).put('secrets', apiKey, keyName(sourceId));
  },
  async deleteApiKey(sourceId: string): Promise<void> {
    await (await db()).delete('secrets', keyName(sourceId));
  },

  /** The sources the publisher added besides the first (checked on read). */
  async loadSources(): Promise<Source[]> {
    return readSources(await (await db()).get('secrets', 'sources'));
  },
  async saveSources(sources: Source[]): Promise<void> {
    await (await db()).put('secrets', sources, 'sources');
  },

  /** The settings in force, as last applied on this computer (raw: read through readSettings). */
  async loadSettings(): Promise<unknown> {
    return (await (await db()).get('secrets', 'settings')) ?? null;
  },
  async saveSettings(settings: unknown): Promise<void> {
    await (await db()).put('secrets', settings, 'settings');
  },

  /** The exchange rates last fetched by the daily refresh (checked on read); null when none. */
  async loadRates(): Promise<Rates | null> {
    return readStoredRates(await (await db()).get('secrets', 'rates'), Date.now());
  },
  async saveRates(rates: Rates): Promise<void> {
    await (await db()).put('secrets', rates, 'rates');
  },

  /** Feed origins the publisher approved by saving them on the settings page. */
  async loadApprovedOrigins(): Promise<string[]> {
    const origins = await (await db()).get('secrets', 'approvedOrigins');
    return Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string') : [];
  },
  async approveOrigin(origin: string): Promise<void> {
    const origins = await secrets.loadApprovedOrigins();
    if (!origins.includes(origin)) await (await db()).put('secrets', [...origins, origin], 'approvedOrigins');
  },
  async revokeOrigin(origin: string): Promise<void> {
    const origins = await secrets.loadApprovedOrigins();
    await (await db()).put(
      'secrets',
      origins.filter((o) => o !== origin),
      'approvedOrigins',
    );
  },
};
