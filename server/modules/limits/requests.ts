import { rateLimited } from './service.js';

// What every no-login door counts by: the address a request came from, and a per-instance brake
// above the shared limits.

/**
 * The address a request came from, as counted: an IPv6 client usually holds a whole /64, so
 * its first four groups count as one address; an IPv4-mapped address counts as the IPv4 one.
 */
export function addressKey(ip: string | null): string {
  if (!ip) return 'unknown';
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  return `${ipv6Groups(ip.split('%')[0]!).slice(0, 4).join(':')}::/64`;
}

function ipv6Groups(ip: string): string[] {
  const [head = '', tail] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  if (tail === undefined) return h;
  const t = tail ? tail.split(':') : [];
  return [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
}

/**
 * A per-instance brake against floods (@fastify/rate-limit route config), above the shared limits
 * that do the counting. Its refusal also says when to try again.
 */
export function perInstanceBrake(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req: unknown, c: { ttl: number }) =>
        rateLimited(
          { allowed: false, retryAfterSec: Math.ceil(c.ttl / 1000), remaining: 0 },
          { zh: '请求', en: 'requests' },
        ),
    },
  };
}
