import { EMPTY_STATUS, type RefreshStatus } from '../refresh/status';
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

  /** Feed origins the publisher approved by saving them on the settings page. */
  async loadApprovedOrigins(): Promise<string[]> {
    const origins = await (await db()).get('secrets', 'approvedOrigins');
    return Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string') : [];
  },
  async approveOrigin(origin: string): Promise<void> {
    const origins = await secrets.loadApprovedOrigins();
    if (!origins.includes(origin)) await (await db()).put('secrets', [...origins, origin], 'approvedOrigins');
  },

  /** The background's own refresh state (the copy in storage.local is for display only). */
  async loadStatus(): Promise<RefreshStatus> {
    const stored = (await (await db()).get('meta', 'status')) as RefreshStatus | undefined;
    return { ...EMPTY_STATUS, ...stored };
  },
  async saveStatus(status: RefreshStatus): Promise<void> {
    await (await db()).put('meta', status, 'status');
  },
};
