import { db } from './db';

/** What only the background (and the settings page, through it) may know or act on. */
export const secrets = {
  async loadApiKey(): Promise<string> {
    const key = await (await db()).get('secrets', 'apiKey');
    return typeof key === 'string' ? key : '';
  },
  async saveApiKey(apiKey: string): Promise<void> {
    await (await db()).put('secrets', apiKey, 'apiKey');
  },

  /** The settings in force, as last applied on this computer (raw: read through readSettings). */
  async loadSettings(): Promise<unknown> {
    return (await (await db()).get('secrets', 'settings')) ?? null;
  },
  async saveSettings(settings: unknown): Promise<void> {
    await (await db()).put('secrets', settings, 'settings');
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
