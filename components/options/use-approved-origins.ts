import { useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/client';
import { useAsyncEffect } from '../use-async-effect';

type Origins = { build: string | null; approved: string[] };

/** The feed servers the key may go to: the build's, and those the publisher approved (revocable). */
export function useApprovedOrigins(refreshedAt: number | undefined) {
  const [origins, setOrigins] = useState<Origins | null>(null);
  const [revocations, setRevocations] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after each refresh (a save may have approved one) and each revocation
  useAsyncEffect(() => sendMessage('approvedOrigins', {}), setOrigins, [refreshedAt, revocations]);
  return {
    origins,
    async revoke(origin: string) {
      await sendMessage('revokeOrigin', { origin });
      setRevocations((n) => n + 1);
    },
  };
}
