import { describe, expect, it } from 'vitest';
import { defaultSettings } from './defaults';
import { ApiKeySchema, readSettings, settingsProblems } from './schema';

const FEED = 'https://feed.example.com/offers?apikey={apiKey}';
const valid = { ...defaultSettings(FEED), country: 'us', subId: ' campaign-7 ' };

describe('settingsProblems: what the settings page says next to each field', () => {
  it('has nothing to say about valid settings', () => {
    expect(settingsProblems(valid)).toEqual({});
  });

  it.each([
    ['refreshMinutes', 2.5, 'Whole minutes only'],
    ['refreshMinutes', 4, 'At least 5 minutes'],
    ['refreshMinutes', 241, 'At most 240 minutes'],
    ['refreshMinutes', 'soon', 'Enter a number of minutes'],
    ['clickId', 'x'.repeat(201), 'At most 200 characters'],
    ['subId', 'x'.repeat(201), 'At most 200 characters'],
    ['clickIdParam', 'click id', 'Letters, digits, _ . - only'],
    ['subIdParam', '', 'Letters, digits, _ . - only'],
    ['country', 'USA', 'Two letters, e.g. US'],
    ['alertPayoutDrop', -1, 'At least 0 %'],
    ['alertPayoutDrop', 101, 'At most 100 %'],
    ['alertPayoutDrop', 'ten', 'Enter a percentage'],
    ['watchedCountries', 'US;GB', 'Two-letter codes, e.g. US, GB'],
    [
      'feedUrl',
      'http://feed.example.com/?k={apiKey}',
      'The feed URL must start with https:// (your key would travel unencrypted)',
    ],
    ['feedUrl', 'https://feed.example.com/offers', 'Put {apiKey} where the key goes, e.g. …/offers?apikey={apiKey}'],
    ['feedUrl', 'feed.example.com', 'Enter a full address starting with https://'],
  ])('%s = %j → "%s"', (field, value, message) => {
    expect(settingsProblems({ ...valid, [field]: value })).toEqual({ [field]: message });
  });

  it('accepts the edges of each range', () => {
    for (const [field, value] of [
      ['refreshMinutes', 5],
      ['refreshMinutes', 240],
      ['alertPayoutDrop', 0],
      ['alertPayoutDrop', 100],
      ['clickId', 'x'.repeat(200)],
      ['watchedCountries', 'us, gb fr'],
      ['country', ''],
      ['feedUrl', ''],
    ] as const) {
      expect(settingsProblems({ ...valid, [field]: value }), field).toEqual({});
    }
  });
});

describe('readSettings: stored settings made safe field by field', () => {
  const defaults = defaultSettings(FEED);

  it('trims text and upper-cases countries', () => {
    const { settings, repaired } = readSettings({ ...valid, watchedCountries: ' us, gb ' }, defaults);
    expect(settings).toMatchObject({ country: 'US', subId: 'campaign-7', watchedCountries: 'US, GB' });
    expect(repaired).toEqual([]);
  });

  it('replaces only the invalid fields by their defaults, and names them', () => {
    const { settings, repaired } = readSettings(
      { ...valid, refreshMinutes: 1, badgeCorner: 'middle', feedUrl: 'javascript:alert(1)' },
      defaults,
    );
    expect(settings).toEqual({
      ...defaults,
      country: 'US',
      subId: 'campaign-7',
    });
    expect(repaired.sort()).toEqual(['badgeCorner', 'feedUrl', 'refreshMinutes']);
  });

  it('reads missing fields (an older version) as defaults without calling them repaired', () => {
    expect(readSettings({ refreshMinutes: 60 }, defaults)).toEqual({
      settings: { ...defaults, refreshMinutes: 60 },
      repaired: [],
    });
    expect(readSettings('not an object', defaults)).toEqual({ settings: defaults, repaired: [] });
  });
});

describe('ApiKeySchema', () => {
  it('trims a pasted key', () => {
    expect(ApiKeySchema.parse('  abc123\n')).toBe('abc123');
  });
  it.each([
    ['ab c', 'An API key has no spaces'],
    ['k'.repeat(513), 'That is too long for an API key'],
  ])('rejects %j: "%s"', (key, message) => {
    const parsed = ApiKeySchema.safeParse(key);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});
