import { describe, expect, it } from 'vitest';
import {
  buildTrackingLink,
  isClickIdPlaceholder,
  linkSegments,
  networkParamProblem,
  subIdStatus,
  trackingLinkFor,
} from './tracking-link';

const base = 'https://trk.example.com/click?offer_id=42&aff_id=7';

describe('buildTrackingLink', () => {
  it('sets both parameters at once exactly as setting one, then the other, would (any mix of query, fragment and macros)', () => {
    const pieces = ['?', '&', '#', '=', 'aff_sub', 'aff_sub2', '=1', '#clickid#', 'x', '%41', '&&'];
    const values = ['', ' ', 'c1', '{clickid}', '#clickid#', 'a&b', '[SUB]', 'é #'];
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 3000; n++) {
      let url = 'https://t.example/c';
      for (let i = next() % 7; i > 0; i--) url += pieces[next() % pieces.length];
      const clickId = values[next() % values.length] as string;
      const subId = values[next() % values.length] as string;
      const oneThenOther = buildTrackingLink(buildTrackingLink(url, { clickId }), { subId });
      expect(buildTrackingLink(url, { clickId, subId }), JSON.stringify({ url, clickId, subId })).toBe(oneThenOther);
    }
  });

  it('appends the click ID as aff_sub by default', () => {
    expect(buildTrackingLink(base, { clickId: 'abc123' })).toBe(`${base}&aff_sub=abc123`);
  });

  it('replaces an existing aff_sub whatever its placeholder', () => {
    for (const placeholder of ['[CLICK_ID]', '{click_id}', '', 'old']) {
      const url = `https://t.example/c?aff_sub=${placeholder}&offer=1`;
      expect(buildTrackingLink(url, { clickId: 'X' })).toBe('https://t.example/c?aff_sub=X&offer=1');
    }
  });

  it('keeps every other byte: order, odd encoding and the fragment', () => {
    const url = 'https://t.example/c?b=%7Bx%7D&a=1+2&empty=&flag#frag?aff_sub=no';
    expect(buildTrackingLink(url, { clickId: 'c1', subId: 's 1' })).toBe(
      'https://t.example/c?b=%7Bx%7D&a=1+2&empty=&flag&aff_sub=c1&aff_sub2=s%201#frag?aff_sub=no',
    );
  });

  it('inserts tracker macros as-is and percent-encodes anything else', () => {
    for (const macro of ['{clickid}', '{{click_id}}', '[CLICK_ID]', '#clickid#']) {
      expect(buildTrackingLink(base, { clickId: macro })).toBe(`${base}&aff_sub=${macro}`);
    }
    expect(buildTrackingLink(base, { clickId: 'a&b=c #d' })).toBe(`${base}&aff_sub=a%26b%3Dc%20%23d`);
    expect(buildTrackingLink(base, { clickId: '{not a macro}' })).toBe(`${base}&aff_sub=%7Bnot%20a%20macro%7D`);
  });

  it('encodes a value that only starts or ends like a macro, so it cannot add parameters', () => {
    expect(buildTrackingLink(base, { clickId: '{x}&aff_id=666' })).toBe(`${base}&aff_sub=%7Bx%7D%26aff_id%3D666`);
    expect(buildTrackingLink(base, { clickId: 'evil&[x]' })).toBe(`${base}&aff_sub=evil%26%5Bx%5D`);
    expect(buildTrackingLink(base, { clickId: '#a#&b=1' })).toBe(`${base}&aff_sub=%23a%23%26b%3D1`);
  });

  it('keeps a #clickid# macro inside the query when a sub ID is set after it', () => {
    expect(buildTrackingLink(base, { clickId: '#clickid#', subId: 'pub9' })).toBe(
      `${base}&aff_sub=#clickid#&aff_sub2=pub9`,
    );
    expect(buildTrackingLink('https://t.example/c?aff_sub=#click#&o=1#frag', { clickId: 'K', subId: 's' })).toBe(
      'https://t.example/c?aff_sub=K&o=1&aff_sub2=s#frag',
    );
    expect(buildTrackingLink('https://t.example/c?aff_sub=#click##frag', { subId: 's' })).toBe(
      'https://t.example/c?aff_sub=#click#&aff_sub2=s#frag',
    );
  });

  it('uses custom parameter names, e.g. sub1 on platforms that use sub1…sub5', () => {
    const url = 'https://t.example/c?sub1={clickid}&o=1';
    expect(buildTrackingLink(url, { clickId: 'K', clickIdParam: 'sub1', subId: 'pub9', subIdParam: 'sub2' })).toBe(
      'https://t.example/c?sub1=K&o=1&sub2=pub9',
    );
  });

  it('leaves the URL as the network sent it when the click ID or sub ID is empty', () => {
    expect(buildTrackingLink(base, { clickId: '', subId: '' })).toBe(base);
    expect(buildTrackingLink(base, { clickId: '   ' })).toBe(base);
    expect(buildTrackingLink('https://t.example/c?aff_sub=[CLICK_ID]', { clickId: '' })).toBe(
      'https://t.example/c?aff_sub=[CLICK_ID]',
    );
    expect(buildTrackingLink('https://t.example/c?o=1&aff_sub2=preset', { clickId: 'c', subId: '' })).toBe(
      'https://t.example/c?o=1&aff_sub2=preset&aff_sub=c',
    );
    expect(buildTrackingLink('https://t.example/c?o=1&aff_sub=x', {})).toBe('https://t.example/c?o=1&aff_sub=x');
  });

  it('trims the click ID before setting it', () => {
    expect(buildTrackingLink(base, { clickId: '  abc  ' })).toBe(`${base}&aff_sub=abc`);
  });

  it('adds a query to a URL without one and keeps a fragment last', () => {
    expect(buildTrackingLink('https://t.example/c#top', { clickId: 'z' })).toBe('https://t.example/c?aff_sub=z#top');
    expect(buildTrackingLink('https://t.example/c?', { clickId: 'z' })).toBe('https://t.example/c?aff_sub=z');
    expect(buildTrackingLink('https://t.example/c?o=1&', { clickId: 'z' })).toBe('https://t.example/c?o=1&aff_sub=z');
  });

  it('tells a fragment that looks like a macro from a macro value', () => {
    expect(buildTrackingLink('https://t.example/c?o=1#top#', { clickId: 'K' })).toBe(
      'https://t.example/c?o=1&aff_sub=K#top#',
    );
    expect(buildTrackingLink('https://t.example/c?x=#frag=#m#', { clickId: 'K' })).toBe(
      'https://t.example/c?x=&aff_sub=K#frag=#m#',
    );
  });

  it('replaces a bare parameter the network sent without a value', () => {
    expect(buildTrackingLink('https://t.example/c?aff_sub&o=1', { clickId: 'K' })).toBe(
      'https://t.example/c?aff_sub=K&o=1',
    );
  });

  it('leaves another parameter with a broken %-escape alone', () => {
    expect(buildTrackingLink('https://t.example/c?a%zz=1&o=2', { clickId: 'K' })).toBe(
      'https://t.example/c?a%zz=1&o=2&aff_sub=K',
    );
  });

  it('matches the parameter by its decoded name', () => {
    expect(buildTrackingLink('https://t.example/c?aff%5Fsub=old&o=1', { clickId: 'new' })).toBe(
      'https://t.example/c?aff_sub=new&o=1',
    );
    expect(buildTrackingLink('https://t.example/c?aff_subx=1&xaff_sub=2', { clickId: 'n' })).toBe(
      'https://t.example/c?aff_subx=1&xaff_sub=2&aff_sub=n',
    );
  });

  it('keeps one click ID when the network sent the parameter twice', () => {
    expect(buildTrackingLink('https://t.example/c?aff_sub=a&o=1&aff_sub=b', { clickId: 'z' })).toBe(
      'https://t.example/c?aff_sub=z&o=1',
    );
  });
});

describe('subIdStatus', () => {
  const offer = (include: string[], exclude: string[]) => ({ subIds: { include, exclude } });

  it('accepts any sub ID when both lists are empty', () => {
    expect(subIdStatus(offer([], []), 'pub1')).toBe('ok');
  });
  it('flags an excluded sub ID', () => {
    expect(subIdStatus(offer([], ['pub1', 'pub2']), ' pub2 ')).toBe('excluded');
  });
  it('flags a sub ID missing from a non-empty include list', () => {
    expect(subIdStatus(offer(['a', 'b'], []), 'c')).toBe('not-included');
    expect(subIdStatus(offer(['a', 'b'], []), '')).toBe('not-included');
    expect(subIdStatus(offer(['a', 'b'], []), 'b')).toBe('ok');
  });
  it('lets exclusion win over inclusion', () => {
    expect(subIdStatus(offer(['a'], ['a']), 'a')).toBe('excluded');
  });
});

describe("trackingLinkFor: the network's own parameters stay its own", () => {
  const settings = { clickId: 'ATTACKER-777', clickIdParam: 'aff_id', subId: 'evil', subIdParam: 'pid' };
  const link = 'https://trk.example.com/click?offer_id=42&aff_id=7&pid=abc';

  it('never overwrites a parameter the link carries with a value of its own', () => {
    expect(trackingLinkFor({ trackingUrl: link }, settings)).toBe(link);
    expect(trackingLinkFor({ trackingUrl: `${link}&partner=p9` }, { ...settings, clickIdParam: 'partner' })).toBe(
      `${link}&partner=p9`,
    );
  });

  it('sets such a name where the link leaves it empty or to a placeholder, or does not carry it', () => {
    for (const [url, expected] of [
      ['https://t.example/c?aff_id=&o=1', 'https://t.example/c?aff_id=ATTACKER-777&o=1'],
      ['https://t.example/c?aff_id={aff_id}', 'https://t.example/c?aff_id=ATTACKER-777'],
      ['https://t.example/c?o=1', 'https://t.example/c?o=1&aff_id=ATTACKER-777'],
    ]) {
      expect(trackingLinkFor({ trackingUrl: url as string }, { ...settings, subId: '' })).toBe(expected);
    }
  });

  it("always sets the publisher's own parameters, whatever value the network preset", () => {
    const url = 'https://t.example/c?aff_id=7&aff_sub=default&sub2=x';
    expect(
      trackingLinkFor(
        { trackingUrl: url },
        { clickId: 'c1', clickIdParam: 'aff_sub', subId: 's1', subIdParam: 'sub2' },
      ),
    ).toBe('https://t.example/c?aff_id=7&aff_sub=c1&sub2=s1');
  });

  it('says which link uses a parameter for itself, for the settings page', () => {
    expect(networkParamProblem('aff_id', ['https://t.example/c?o=1', link])).toBe(
      "Your network's links already use aff_id for a value of their own (aff_id=7): choose another parameter, e.g. aff_sub",
    );
    expect(networkParamProblem('aff_sub', [link])).toBeNull();
    expect(networkParamProblem('clickref', ['https://t.example/c?clickref=net'])).toBeNull();
  });
});

describe('isClickIdPlaceholder: no tracker macro set yet', () => {
  it.each(['[CLICK_ID]', ' [click_id] ', '', '   '])('%j is still the placeholder', (clickId) => {
    expect(isClickIdPlaceholder(clickId)).toBe(true);
  });

  it.each(['{clickid}', '{{click_id}}', '#clickid#', '[CLICKID]', 'abc123'])(
    '%j is a click ID of its own',
    (clickId) => {
      expect(isClickIdPlaceholder(clickId)).toBe(false);
    },
  );
});

describe('linkSegments: the link with its click-ID and sub-ID parameters marked', () => {
  const params = { clickIdParam: 'aff_sub', subIdParam: 'aff_sub2' };

  it('marks aff_sub and aff_sub2 and keeps the rest as it is', () => {
    expect(linkSegments('https://t.example/c?o=1&aff_sub=[CLICK_ID]&aff_sub2=pub7#top', params)).toEqual([
      { text: 'https://t.example/c?o=1&', param: null },
      { text: 'aff_sub=[CLICK_ID]', param: 'click-id' },
      { text: '&', param: null },
      { text: 'aff_sub2=pub7', param: 'sub-id' },
      { text: '#top', param: null },
    ]);
  });

  it('marks a parameter at the start of the query and custom names', () => {
    expect(
      linkSegments('https://t.example/c?sub1={clickid}&o=1&sub2=pub9', { clickIdParam: 'sub1', subIdParam: 'sub2' }),
    ).toEqual([
      { text: 'https://t.example/c?', param: null },
      { text: 'sub1={clickid}', param: 'click-id' },
      { text: '&o=1&', param: null },
      { text: 'sub2=pub9', param: 'sub-id' },
    ]);
  });

  it('keeps a #clickid# macro inside its parameter, and ignores look-alikes in the fragment', () => {
    expect(linkSegments('https://t.example/c?aff_sub=#clickid#&o=1#aff_sub2=x', params)).toEqual([
      { text: 'https://t.example/c?', param: null },
      { text: 'aff_sub=#clickid#', param: 'click-id' },
      { text: '&o=1#aff_sub2=x', param: null },
    ]);
  });

  it('leaves a link without those parameters in one piece', () => {
    expect(linkSegments('https://t.example/c?aff_sub3=x&aff_subway=1', params)).toEqual([
      { text: 'https://t.example/c?aff_sub3=x&aff_subway=1', param: null },
    ]);
    expect(linkSegments('https://t.example/c', params)).toEqual([{ text: 'https://t.example/c', param: null }]);
  });
});
