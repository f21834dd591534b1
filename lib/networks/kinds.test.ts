import { describe, expect, it } from 'vitest';
import type { FeedError } from '../feed';
import { apiHostProblem, NETWORK_KINDS, offerPageRequest, sourceAddressProblem, sourceHostPattern } from '.';

describe('offerPageRequest', () => {
  it('asks Affise for a page of 500 with the key in the API-Key header only', () => {
    expect(offerPageRequest('affise', { host: 'https://api-mynetwork.affise.com/', apiKey: 'k3y/+&' }, 3)).toEqual({
      url: 'https://api-mynetwork.affise.com/3.0/partner/offers?page=3&limit=500',
      headers: { Accept: 'application/json', 'API-Key': 'k3y/+&' },
    });
    expect(offerPageRequest('affise', { host: 'partners.example.com:8443', apiKey: 'k' }, 1).url).toBe(
      'https://partners.example.com:8443/3.0/partner/offers?page=1&limit=500',
    );
  });

  it('asks Everflow on its own host, EU accounts on the EU one, with the key in X-Eflow-API-Key', () => {
    expect(offerPageRequest('everflow', { apiKey: 'ef-key' }, 2)).toEqual({
      url: 'https://api.eflow.team/v1/affiliates/offersrunnable?page=2&page_size=500',
      headers: { Accept: 'application/json', 'X-Eflow-API-Key': 'ef-key' },
    });
    expect(offerPageRequest('everflow', { host: 'API-EU.eflow.team', apiKey: 'k' }, 1).url).toBe(
      'https://api-eu.eflow.team/v1/affiliates/offersrunnable?page=1&page_size=500',
    );
  });

  it('puts the CarrierAppTraffic key in its feed URL, encoded', () => {
    expect(
      offerPageRequest(
        'carrierapptraffic',
        { feedUrl: 'https://feed.example.com/offers?key={apiKey}', apiKey: 'a b&c' },
        1,
      ),
    ).toEqual({ url: 'https://feed.example.com/offers?key=a%20b%26c', headers: { Accept: 'application/json' } });
  });

  it('refuses to build a request for an address its kind does not allow', () => {
    const refuse = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as FeedError).code;
      }
      return 'built';
    };
    expect(refuse(() => offerPageRequest('affise', { host: 'http://api-x.affise.com', apiKey: 'k' }, 1))).toBe(
      'no-feed-url',
    );
    expect(refuse(() => offerPageRequest('affise', { apiKey: 'k' }, 1))).toBe('no-feed-url');
    expect(refuse(() => offerPageRequest('everflow', { host: 'api.eflow.team.evil.test', apiKey: 'k' }, 1))).toBe(
      'no-feed-url',
    );
    expect(
      refuse(() => offerPageRequest('carrierapptraffic', { feedUrl: 'https://feed.example.com/o', apiKey: 'k' }, 1)),
    ).toBe('no-feed-url');
  });
});

describe('API addresses', () => {
  it('takes an Affise host over https, or plain http to this computer for testing', () => {
    expect(apiHostProblem('https://api-mynetwork.affise.com')).toBeNull();
    expect(apiHostProblem('api-mynetwork.affise.com')).toBeNull();
    expect(apiHostProblem('http://127.0.0.1:8080')).toBeNull();
    expect(apiHostProblem('http://api-mynetwork.affise.com')).toBe(
      'The API address must start with https:// (your key would travel unencrypted)',
    );
  });

  it('refuses look-alikes, store hosts, paths and nonsense, in words', () => {
    expect(apiHostProblem('https://api-mynetwork.affise.com@evil.test')).toBe(
      'The API address cannot contain a user name or password',
    );
    expect(apiHostProblem('https://play.google.com')).toBe('The API address cannot be a store address');
    expect(apiHostProblem('https://api-x.affise.com/3.0/partner/offers')).toBe(
      'Enter only the address, without a path, e.g. https://api-yournetwork.affise.com',
    );
    expect(apiHostProblem('')).toBe('Enter the network’s API address, e.g. https://api-yournetwork.affise.com');
    expect(apiHostProblem('ftp://files.example.com')).toBe(
      'Enter the network’s API address, e.g. https://api-yournetwork.affise.com',
    );
  });

  it('checks each kind’s address by its own rules', () => {
    expect(sourceAddressProblem('everflow', {})).toBeNull();
    expect(sourceAddressProblem('everflow', { host: 'https://api-eu.eflow.team' })).toBeNull();
    expect(sourceAddressProblem('everflow', { host: 'api.everflow.io' })).toBe(
      'Choose api.eflow.team, or api-eu.eflow.team for an EU account',
    );
    expect(sourceAddressProblem('carrierapptraffic', { feedUrl: '' })).toBe(
      'Enter the feed URL, with {apiKey} where the key goes',
    );
    expect(sourceAddressProblem('carrierapptraffic', { feedUrl: 'https://feed.example.com/?k={apiKey}' })).toBeNull();
    expect(sourceAddressProblem('affise', { host: 'https://apps.apple.com' })).toBe(
      'The API address cannot be a store address',
    );
  });

  it('names the host permission each source needs', () => {
    expect(sourceHostPattern('affise', { host: 'https://api-x.affise.com:8443' })).toBe('https://api-x.affise.com/*');
    expect(sourceHostPattern('everflow', {})).toBe('https://api.eflow.team/*');
    expect(sourceHostPattern('carrierapptraffic', { feedUrl: 'https://feed.example.com/o?k={apiKey}' })).toBe(
      'https://feed.example.com/*',
    );
    expect(sourceHostPattern('affise', { host: 'http://evil.test' })).toBeNull();
  });
});

describe('NETWORK_KINDS', () => {
  it('names each network and says where its key travels', () => {
    expect(NETWORK_KINDS).toEqual({
      carrierapptraffic: {
        label: 'CarrierAppTraffic',
        address: 'feed-url',
        hosts: [],
        keyHeader: null,
        pageSize: null,
      },
      affise: { label: 'Affise', address: 'host', hosts: [], keyHeader: 'API-Key', pageSize: 500 },
      everflow: {
        label: 'Everflow',
        address: 'fixed-host',
        hosts: ['api.eflow.team', 'api-eu.eflow.team'],
        keyHeader: 'X-Eflow-API-Key',
        pageSize: 500,
      },
    });
  });
});
