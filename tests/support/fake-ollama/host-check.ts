import { BlockList, isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { splitHostPort } from '../../../src/shared/ollama-host';

/**
 * Ollama's `allowedHostsMiddleware` (server/routes.go), its DNS-rebinding defence when it listens
 * on loopback: the `Host` header must be a loopback, private, unspecified or local IP, `localhost`,
 * the machine's host name, or a name under .localhost, .local or .internal. Anything else gets a
 * 403 with an empty body.
 */

const allowedRanges = new BlockList();
allowedRanges.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
allowedRanges.addSubnet('10.0.0.0', 8, 'ipv4'); // private
allowedRanges.addSubnet('172.16.0.0', 12, 'ipv4');
allowedRanges.addSubnet('192.168.0.0', 16, 'ipv4');
allowedRanges.addAddress('0.0.0.0', 'ipv4'); // unspecified
allowedRanges.addAddress('::1', 'ipv6');
allowedRanges.addAddress('::', 'ipv6');
allowedRanges.addSubnet('fc00::', 7, 'ipv6'); // unique local (Go's IsPrivate)

function isLocalInterfaceAddress(ip: string): boolean {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.address === ip) return true;
  }
  return false;
}

function allowedName(host: string): boolean {
  const name = host.toLowerCase();
  if (name === '' || name === 'localhost') return true;
  if (name === hostname().toLowerCase()) return true;
  return ['localhost', 'local', 'internal'].some((tld) => name.endsWith(`.${tld}`));
}

export function isAllowedHostHeader(hostHeader: string | undefined): boolean {
  const header = hostHeader ?? '';
  const host = splitHostPort(header)?.host ?? header;
  const family = isIP(host);
  if (family !== 0) {
    const type = family === 4 ? 'ipv4' : 'ipv6';
    // An IPv4-mapped IPv6 address is checked as the IPv4 address it carries.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host)?.[1];
    if (mapped && allowedRanges.check(mapped, 'ipv4')) return true;
    if (allowedRanges.check(host, type) || isLocalInterfaceAddress(host)) return true;
  }
  return allowedName(host);
}
