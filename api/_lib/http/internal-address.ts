// Addresses a fetch steered by someone else (a calendar host's redirect) must never reach: this machine,
// its private networks and the cloud's metadata service. Literal forms are checked, names after DNS.
import dns from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { isLoopbackHost } from './loopback-host.ts';

const internal = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) {
  internal.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) internal.addSubnet(network, prefix, 'ipv6');

/** An IPv4-mapped IPv6 address (`::ffff:7f00:1`, as URL writes `::ffff:127.0.0.1`) as its IPv4, else null. */
function mappedIpv4(address: string): string | null {
  const dotted = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [high, low] = [Number.parseInt(hex[1]!, 16), Number.parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether an IP address (no brackets) is internal. */
export function isInternalIp(address: string): boolean {
  const mapped = mappedIpv4(address);
  if (mapped) return internal.check(mapped, 'ipv4');
  const version = isIP(address);
  return version === 4 ? internal.check(address, 'ipv4') : version === 6 ? internal.check(address, 'ipv6') : false;
}

/**
 * Whether `hostname` (as URL.hostname gives it) is, or resolves to, an internal address. A name that
 * does not resolve is not internal: the fetch that follows fails on its own. The lookup gives up with
 * `signal` (the caller's deadline): the system resolver may wait far longer.
 */
export async function isInternalHost(hostname: string, signal?: AbortSignal): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (isLoopbackHost(host) || host.endsWith('.localhost')) return true;
  if (isIP(host)) return isInternalIp(host);
  signal?.throwIfAborted();
  const lookup = dns.promises.lookup(host, { all: true }).then((addresses) => addresses.some(({ address }) => isInternalIp(address)), () => false);
  if (!signal) return lookup;
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([lookup, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
