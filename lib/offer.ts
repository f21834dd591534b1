import type { Offer } from './feed';

/** Does the offer take traffic from this country? An offer that lists no geos takes any. */
export function acceptsCountry(offer: Pick<Offer, 'geos'>, country: string): boolean {
  return offer.geos.length === 0 || offer.geos.includes(country.toUpperCase());
}

/** True when the offer's expiry has passed at `now`. */
export function isExpired(offer: Pick<Offer, 'expiresAt'>, now: number): boolean {
  return offer.expiresAt !== null && offer.expiresAt <= now;
}

/** Soon enough to warn about: within three days. */
export function isExpiringSoon(offer: Pick<Offer, 'expiresAt'>, now: number): boolean {
  return offer.expiresAt !== null && offer.expiresAt > now && offer.expiresAt - now <= 3 * 86_400_000;
}

/** Payout for display: "$1.25 CPA", "€0.80 CPA", "12.00 PLN CPA"; "—" when unknown. */
export function formatPayout(payout: Offer['payout']): string {
  if (!payout) return '—';
  const symbol: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };
  const amount = payout.amount.toFixed(payout.amount < 0.1 && payout.amount > 0 ? 3 : 2);
  const sign = symbol[payout.currency];
  return sign ? `${sign}${amount} ${payout.type}` : `${amount} ${payout.currency} ${payout.type}`;
}

/** Cap for display: "no cap" for 0. */
export function formatCap(cap: number): string {
  return cap > 0 ? cap.toLocaleString('en-US') : 'no cap';
}

/** Caps for display: "cap 50/day · 1,000/mo", "cap 1,000/mo", "no cap". */
export function formatCaps(caps: { daily: number; monthly: number }): string {
  const parts = [caps.daily ? `${formatCap(caps.daily)}/day` : '', caps.monthly ? `${formatCap(caps.monthly)}/mo` : ''];
  const text = parts.filter(Boolean).join(' · ');
  return text ? `cap ${text}` : 'no cap';
}

/** "US, GB, DE +12" — compact list of countries; "all countries" when none are listed. */
export function formatGeos(geos: string[], shown = 4): string {
  if (geos.length === 0) return 'all countries';
  const head = geos.slice(0, shown).join(', ');
  return geos.length > shown ? `${head} +${geos.length - shown}` : head;
}

/** "expires in 3 days", "expired 2 days ago", "" when no expiry. */
export function formatExpiry(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return '';
  const diff = expiresAt - now;
  const words = formatDuration(Math.abs(diff));
  return diff > 0 ? `expires in ${words}` : `expired ${words} ago`;
}

/** "5 min", "2 h", "3 days". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** Feed text sometimes carries HTML; show it as the plain text a person would read. */
export function plainText(text: string): string {
  return text
    .replace(/<\s*(br|\/p|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Only http(s) links are ever shown or opened. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
