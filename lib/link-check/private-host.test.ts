import { describe, expect, it } from 'vitest';
import { isPrivateHost, privateHostOf } from './private-host';

describe('private addresses (never requested, whatever a hop says)', () => {
  it.each([
    'localhost',
    'LOCALHOST.',
    'admin.localhost',
    'printer.local',
    'nas.local.',
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '0.1.2.3',
    '[::1]',
    '::1',
    '[::]',
    '[fc00::1]',
    '[fd12:3456::1]',
    '[fe80::1]',
    '[febf:ffff::1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:c0a8:101]',
    '[::ffff:10.1.2.3]',
    '[::127.0.0.1]',
    // Other spellings of 127.0.0.1 the URL parser reads as it (so does the browser's).
    '2130706433',
    '0x7f.1',
    '0x7f000001',
    '017700000001',
    '127.1',
    '0',
  ])('refuses %s', (host) => {
    expect(isPrivateHost(host)).toBe(true);
  });

  it.each([
    'offers.go2affise.com',
    'trk.example',
    'app.adjust.test',
    '8.8.8.8',
    '11.0.0.1',
    '126.255.255.255',
    '128.0.0.1',
    '172.15.255.255',
    '172.32.0.1',
    '192.167.1.1',
    '192.169.0.1',
    '169.253.1.1',
    '169.255.0.1',
    '[2001:db8::1]',
    '[fe00::1]',
    '[fec0::1]',
    '[::ffff:8.8.8.8]',
    // Names: where they lead is the resolver's business, out of an extension's sight.
    '192.168.1.1.nip.io',
    'localhost.example.com',
    'local',
    'mylocalhost',
  ])('allows %s', (host) => {
    expect(isPrivateHost(host)).toBe(false);
  });

  it('reads the host of a URL as the browser will request it', () => {
    expect(privateHostOf('http://2130706433/admin')).toBe('127.0.0.1');
    expect(privateHostOf('https://0x7f.1:8443/x')).toBe('127.0.0.1');
    expect(privateHostOf('http://[::ffff:127.0.0.1]/')).toBe('[::ffff:7f00:1]');
    expect(privateHostOf('http://192.168.1.1./')).toBe('192.168.1.1');
    expect(privateHostOf('https://offers.go2affise.com/click')).toBeNull();
    expect(privateHostOf('market://details?id=com.spotify.music')).toBeNull();
    expect(privateHostOf('not a url')).toBeNull();
  });
});
