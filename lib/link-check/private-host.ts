/**
 * Hosts a link check never requests, whatever a hop says (DESIGN §4): a tracker must not be able
 * to point the publisher's browser at their router, a local service or a cloud metadata address.
 * Loopback and "this host" (localhost, *.localhost, 127/8, 0/8, ::1, ::), link-local (169.254/16,
 * fe80::/10, *.local), private networks (10/8, 172.16/12, 192.168/16, fc00::/7), and IPv6's
 * spellings of an IPv4 address (::ffff:a.b.c.d, ::a.b.c.d).
 *
 * The rule is on the URL's host as written, once the URL parser has read it (2130706433, 0x7f.1,
 * 127.1 and 017700000001 all read 127.0.0.1, as they do for the browser). A name that resolves to
 * a private address (DNS rebinding, a LAN resolver) is out of reach: Chrome gives an extension no
 * way to ask where a name leads before it connects (there is no dns API; Firefox's can only ask,
 * and the connection may resolve again), so named hosts are allowed.
 */

/** True when a link check must not request this host (a URL's `hostname`: "192.168.1.1", "[::1]"). */
export function isPrivateHost(hostname: string): boolean {
  const host = canonicalHost(hostname);
  if (host === null) return true; // not a host a request could go to: nothing to allow
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local')) return true;
  if (name.startsWith('[')) return isPrivateIpv6(name.slice(1, -1));
  const ipv4 = ipv4Octets(name);
  return ipv4 !== null && isPrivateIpv4(ipv4);
}

/** The private host a request to `url` would go to, as the browser reads it; null when there is none. */
export function privateHostOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  return isPrivateHost(hostname) ? hostname.replace(/\.$/, '') : null;
}

/** The host as the URL parser writes it (lower case, IPv4 in dotted decimal, IPv6 compressed); null for no host. */
function canonicalHost(hostname: string): string | null {
  const text = hostname.trim();
  if (!text || /[/?#@\\\s]/.test(text)) return null;
  const bracketed = text.includes(':') && !text.startsWith('[') ? `[${text}]` : text;
  try {
    return new URL(`http://${bracketed}/`).hostname;
  } catch {
    return null;
  }
}

/** The four numbers of a dotted-decimal IPv4 address, or null for a name. */
function ipv4Octets(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && (b as number) >= 16 && (b as number) <= 31) ||
    (a === 192 && b === 168)
  );
}

/** `address` is the parser's compressed form ("::ffff:7f00:1"), without brackets. */
function isPrivateIpv6(address: string): boolean {
  const groups = ipv6Groups(address);
  if (!groups) return true;
  const [first] = groups as [number];
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return true;
  const zeroPrefix = groups.slice(0, 5).every((group) => group === 0);
  // ::a.b.c.d (:: and ::1 among them) and ::ffff:a.b.c.d carry an IPv4 address.
  if (zeroPrefix && (groups[5] === 0 || groups[5] === 0xffff)) {
    const [high, low] = [groups[6] as number, groups[7] as number];
    return isPrivateIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  return false;
}

/** The eight 16-bit groups of an IPv6 address in hex, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const read = (half: string | undefined) => (half ? half.split(':') : []);
  const head = read(halves[0]);
  const tail = read(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.map((group) => Number.parseInt(group, 16));
}
