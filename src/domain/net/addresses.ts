/**
 * Which IP addresses and host names are public (reachable on the internet) and which belong to this machine, a
 * private network or a special range. Pure: no DNS, no sockets. Used to keep the server from fetching addresses it
 * was not meant to reach (SSRF), e.g. an SSO issuer of http://127.0.0.1 or https://10.0.0.1.
 */

/** IPv4 ranges that are not public (RFC 6890 special-purpose registry, plus multicast and reserved). */
const IPV4_NOT_PUBLIC: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

/** Four numbers of a dotted IPv4 address in its one canonical form (as `new URL` writes it), or undefined. */
export function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^(0|[1-9]\d{0,2})$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

const ipv4Number = (bytes: readonly number[]) => ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;

function ipv4IsPublic(bytes: readonly number[]): boolean {
  const n = ipv4Number(bytes);
  return !IPV4_NOT_PUBLIC.some(([base, bits]) => {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return ((n & mask) >>> 0) === ((ipv4Number(parseIpv4(base)!) & mask) >>> 0);
  });
}

/** The eight 16-bit groups of an IPv6 address (with or without brackets, a trailing dotted IPv4 allowed), or undefined. */
export function parseIpv6(text: string): number[] | undefined {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (s.includes('%')) return undefined; // zone ids only exist for link-local use
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return undefined;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    // A trailing dotted IPv4 (::ffff:127.0.0.1) becomes its two groups.
    const v4 = parseIpv4(last);
    if (!v4) return undefined;
    s = `${s.slice(0, lastColon + 1)}${((v4[0]! << 8) + v4[1]!).toString(16)}:${((v4[2]! << 8) + v4[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const group = (g: string) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN);
  const head = halves[0] ? halves[0].split(':').map(group) : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':').map(group) : [];
  const known = head.length + rest.length;
  if ([...head, ...rest].some((g) => Number.isNaN(g))) return undefined;
  if (halves.length === 1 && known !== 8) return undefined;
  if (halves.length === 2 && known > 7) return undefined;
  return [...head, ...Array<number>(8 - known).fill(0), ...rest];
}

function ipv6IsPublic(g: readonly number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedV4 = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff) return ipv4IsPublic(embeddedV4); // ::ffff:a.b.c.d, IPv4-mapped
    if (g5 === 0) return false; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return ipv4IsPublic(embeddedV4); // NAT64
  if (g0 === 0x2002) return ipv4IsPublic([g1 >> 8, g1 & 0xff, g2 >> 8, g2 & 0xff]); // 6to4
  if ((g0 & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return false; // site-local (deprecated) fec0::/10
  if ((g0 & 0xff00) === 0xff00) return false; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return false; // documentation
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return false; // discard-only 100::/64
  if (g0 === 0x2001 && g1 < 0x0200) return false; // IETF protocol assignments (Teredo, benchmarking, ORCHID...)
  return true;
}

/** Whether `text` is an IP address literal (IPv4 dotted, or IPv6 with or without brackets). */
export function isIpLiteral(text: string): boolean {
  return parseIpv4(text) !== undefined || parseIpv6(text) !== undefined;
}

/** Whether an IP address is public; false for loopback, private, link-local, CGNAT, documentation, multicast and reserved ranges. Not an address: false. */
export function isPublicAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4) return ipv4IsPublic(v4);
  const v6 = parseIpv6(address);
  return v6 !== undefined && ipv6IsPublic(v6);
}

/** Loopback: 127.0.0.0/8, ::1, ::ffff:127.x and the name localhost (also *.localhost, RFC 6761). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = parseIpv4(h);
  if (v4) return v4[0] === 127;
  const v6 = parseIpv6(h);
  if (!v6) return false;
  if (v6.slice(0, 7).every((g) => g === 0) && v6[7] === 1) return true;
  return v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff && v6[6]! >> 8 === 127;
}

/** Name suffixes that never name a public host (RFC 6761, RFC 6762, RFC 8375 and common private zones). */
const PRIVATE_NAME_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'lan', 'home', 'home.arpa', 'corp', 'private', 'test', 'invalid', 'example', 'onion', 'arpa'];

/**
 * Whether a host name (as `new URL(...).hostname` gives it) can be a public host: an IP literal in a public range,
 * or a DNS name with at least one dot, valid labels and no private or special top-level name. It says nothing
 * about what the name resolves to: check that where DNS is at hand.
 */
export function isPublicHostName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === '') return false;
  if (isIpLiteral(h)) return isPublicAddress(h);
  const labels = h.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(l) || /^xn--[a-z0-9-]{1,59}$/.test(l))) return false;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return false; // numeric top-level: an address in disguise
  return !PRIVATE_NAME_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
}
