/**
 * Whose bucket a public lookup takes from. A signed-in caller is limited per account (citizens behind
 * one NAT do not share a limit); an anonymous one per network address. The address must come from
 * the gateway (`clientAddress` on the context): a subgraph only ever sees the gateway's socket.
 * Without it, all anonymous callers share one bucket — safe for the database, unfair to callers.
 */
import { isIP } from 'node:net';
import type { BaseContext } from '../../shared/federation/context';

/** The caller's network address as the gateway saw it, once the gateway forwards it. */
export interface ClientAddressed {
  clientAddress?: string;
}

export const SHARED_ANONYMOUS_KEY = 'anonymous';

export function rateLimitKey(ctx: BaseContext & ClientAddressed): string {
  if (ctx.principal.role !== 'ANONYMOUS') return `principal:${ctx.principal.id}`;
  const address = ctx.clientAddress ? networkOf(ctx.clientAddress) : undefined;
  return address ? `address:${address}` : SHARED_ANONYMOUS_KEY;
}

/**
 * IPv4 addresses as they are; IPv6 ones by their /64 network, since one subscriber usually holds a
 * whole /64 and could otherwise rotate through fresh addresses. Not an address: undefined.
 */
export function networkOf(raw: string): string | undefined {
  const address = raw.trim().replace(/^::ffff:(?=\d+\.)/i, '');
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return undefined;
  // An embedded IPv4 tail (64:ff9b::1.2.3.4) is two groups; only the first four groups matter here.
  const plain = address.toLowerCase().split('%')[0].replace(/\d+\.\d+\.\d+\.\d+$/, '0:0');
  const [head, tail = ''] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = plain.includes('::') && tail ? tail.split(':') : [];
  const groups = plain.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
