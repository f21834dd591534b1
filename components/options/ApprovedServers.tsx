interface Props {
  origins: { build: string | null; approved: string[] } | null;
  onRevoke(origin: string): void;
}

/** Where the key may be sent, and the way to take an approval back. */
export function ApprovedServers({ origins, onRevoke }: Props) {
  if (!origins) return null;
  const host = (origin: string) => new URL(origin).host;
  return (
    <div class="approved-servers">
      <h3>Servers your key may be sent to</h3>
      <ul>
        {origins.build && (
          <li>
            {host(origins.build)} <span class="muted">(CarrierAppTraffic’s feed, built in)</span>
          </li>
        )}
        {origins.approved.map((origin) => (
          <li key={origin}>
            {host(origin)}{' '}
            <button
              type="button"
              class="btn link"
              onClick={() => onRevoke(origin)}
              aria-label={`Revoke ${host(origin)}`}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      {origins.approved.length === 0 && <p class="muted">No other server approved.</p>}
    </div>
  );
}
