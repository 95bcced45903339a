/**
 * The client's IP address, for the per-IP rate limits and AppSync's `identity.sourceIp`. It is the
 * socket's peer, since any client can write an X-Forwarded-For header. Only when the peer is one
 * of the configured proxies (TRUSTED_PROXIES) is the header read, from the right: the first hop
 * that is not a trusted proxy is the client.
 */
import { BlockList, isIP } from 'node:net';

/** An IPv4 address as Node reports it on a dual-stack socket (`::ffff:10.0.0.1`), unwrapped. */
const plain = (address: string): string => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

const family = (address: string): 'ipv4' | 'ipv6' | undefined => ({ 4: 'ipv4', 6: 'ipv6' }) [isIP(address)] as 'ipv4' | 'ipv6' | undefined;

/** Why an entry of TRUSTED_PROXIES is not an address or a CIDR range; undefined when it is one. */
export function proxyEntryProblem(entry: string): string | undefined {
  const [address, prefix, extra] = entry.split('/');
  const kind = family(address);
  if (!kind || extra !== undefined) return `"${entry}" is not an IP address or CIDR range`;
  if (prefix === undefined) return undefined;
  const bits = Number(prefix);
  const max = kind === 'ipv4' ? 32 : 128;
  return /^\d+$/.test(prefix) && bits <= max ? undefined : `"${entry}" has a prefix length outside 0–${max}`;
}

export class TrustedProxies {
  private readonly list = new BlockList();
  private readonly empty: boolean;

  /** `entries` are addresses or CIDR ranges, already checked with proxyEntryProblem. */
  constructor(entries: readonly string[]) {
    this.empty = entries.length === 0;
    for (const entry of entries) {
      const [address, prefix] = entry.split('/');
      const kind = family(address)!;
      if (prefix === undefined) this.list.addAddress(address, kind);
      else this.list.addSubnet(address, Number(prefix), kind);
    }
  }

  private trusts(address: string): boolean {
    const kind = family(address);
    return !this.empty && !!kind && this.list.check(address, kind);
  }

  clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined): string {
    const peer = plain(socketAddress ?? '');
    if (!this.trusts(peer) || !forwardedFor) return peer;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(plain).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      // A hop that is not an address was written by someone we do not trust: stop at the last trusted one.
      if (!family(hops[i])) return i === hops.length - 1 ? peer : hops[i + 1];
      if (!this.trusts(hops[i])) return hops[i];
    }
    // Every hop is a trusted proxy: the left-most is as close to the client as we can tell.
    return hops[0] ?? peer;
  }
}
