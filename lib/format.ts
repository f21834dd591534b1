import type { Caps, Offer, Platform } from './offer';

/** How every surface writes an offer's facts, so the popup, the badge and the changes agree. */

const CURRENCY_SIGNS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

/** "$1.25", "€0.80", "12.00 PLN"; "—" when unknown. */
export function formatAmount(payout: Pick<NonNullable<Offer['payout']>, 'amount' | 'currency'> | null): string {
  if (!payout) return '—';
  const amount = payout.amount.toFixed(payout.amount < 0.1 && payout.amount > 0 ? 3 : 2);
  const sign = CURRENCY_SIGNS[payout.currency];
  return sign ? `${sign}${amount}` : `${amount} ${payout.currency}`;
}

/** Payout for display: "$1.25 CPA", "€0.80 CPA", "12.00 PLN CPA"; "—" when unknown. */
export function formatPayout(payout: Offer['payout']): string {
  return payout ? `${formatAmount(payout)} ${payout.type}` : '—';
}

/** "Android", "iOS", "" when unknown. */
export function formatPlatform(platform: Platform | null): string {
  return platform === 'ios' ? 'iOS' : platform === 'android' ? 'Android' : '';
}

/** "50/day · 1,000/month", "1,000/month", "no cap". */
export function formatCaps(caps: Caps): string {
  const parts: string[] = [];
  if (caps.daily > 0) parts.push(`${caps.daily.toLocaleString('en-US')}/day`);
  if (caps.monthly > 0) parts.push(`${caps.monthly.toLocaleString('en-US')}/month`);
  return parts.length ? parts.join(' · ') : 'no cap';
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

/**
 * When an offer stops, as a date for a list sorted by expiry: "expires 3 Dec" (the publisher's
 * time zone; "3 Dec 2027" in another year), "expired" once it has, "no expiry" when it has none.
 */
export function formatExpiryDay(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'no expiry';
  return expiresAt <= now ? 'expired' : `expires ${formatDay(expiresAt, now)}`;
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Nov" in the publisher's time zone; "3 Nov 2025" in another year. */
export function formatDay(at: number, now: number): string {
  const date = new Date(at);
  const day = `${date.getDate()} ${MONTHS[date.getMonth()]}`;
  return date.getFullYear() === new Date(now).getFullYear() ? day : `${day} ${date.getFullYear()}`;
}

/** "09:30" in the publisher's time zone. */
export function formatClock(at: number): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "1 offer", "2,345 offers". */
export function countText(count: number, noun = 'offer'): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
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
