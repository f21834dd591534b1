import { describe, expect, it } from 'vitest';
import { formatExpiryDay } from './format';

// vitest runs in UTC (vitest.config.ts), the zone these days are written in.
const now = Date.UTC(2026, 10, 27, 9, 30);

describe('formatExpiryDay: the expiry date a list sorted by expiry shows', () => {
  it('says the day an offer expires, with the year only when it is another', () => {
    expect(formatExpiryDay(Date.UTC(2026, 11, 3, 23, 59), now)).toBe('expires 3 Dec');
    expect(formatExpiryDay(Date.UTC(2027, 0, 15), now)).toBe('expires 15 Jan 2027');
  });

  it('says expired from the moment it expires, and no expiry when there is none', () => {
    expect(formatExpiryDay(now, now)).toBe('expired');
    expect(formatExpiryDay(Date.UTC(2026, 10, 1), now)).toBe('expired');
    expect(formatExpiryDay(null, now)).toBe('no expiry');
  });
});
