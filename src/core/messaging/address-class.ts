/**
 * Is an IP address one a merchant's webhook must not reach: loopback, private (RFC 1918, unique local),
 * link-local (cloud metadata 169.254.169.254), carrier-grade NAT, unspecified, multicast or reserved? Kept
 * pure: the caller resolves host names and asks for each address.
 */
export function isNonPublicAddress(address: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) return nonPublicV4(v4.slice(1, 5).map(Number));
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (!a.includes(':')) return true; // not an address: refuse
  const mapped = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(a);
  if (mapped) return isNonPublicAddress(mapped[1]!);
  if (a === '::' || a === '::1') return true;
  const first = parseInt(a.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (a.startsWith('64:ff9b:') || a.startsWith('2001:db8:')) return true; // NAT64, documentation
  return false;
}

function nonPublicV4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return true;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}
