import { useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/client';
import { readSyncedSettings, type SyncedSettings } from '../../lib/settings/proposal';
import { settingsItem, syncedSettingsItem } from '../../lib/storage/items';
import { useStorageItem } from '../use-storage-item';

/**
 * Settings that came through storage.sync and steer links or the key, not in force here: the
 * settings page shows them and applies them only on the publisher's confirmation.
 */
export function useSettingsProposal(): {
  proposal: SyncedSettings | null;
  keepMine(): Promise<void>;
  keeping: boolean;
} {
  const applied = useStorageItem(settingsItem);
  const synced = useStorageItem(syncedSettingsItem);
  const [keeping, setKeeping] = useState(false);
  const read = applied && synced !== undefined ? readSyncedSettings(applied, synced) : null;
  return {
    proposal: read && read.proposed.length > 0 ? read : null,
    keeping,
    async keepMine() {
      setKeeping(true);
      try {
        await sendMessage('keepMySettings', {});
      } finally {
        setKeeping(false);
      }
    },
  };
}
