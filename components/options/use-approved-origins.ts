import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/client';

/** The feed servers the key may go to: the build's, and those the publisher approved (revocable). */
export function useApprovedOrigins(refreshedAt: number | undefined) {
  const [origins, setOrigins] = useState<{ build: string | null; approved: string[] } | null>(null);
  const load = useCallback(() => sendMessage('approvedOrigins', {}).then(setOrigins, () => undefined), []);
  // Again after each refresh: a save may have approved one.
  useEffect(() => {
    void load();
  }, [load, refreshedAt]);
  return {
    origins,
    async revoke(origin: string) {
      await sendMessage('revokeOrigin', { origin });
      await load();
    },
  };
}
