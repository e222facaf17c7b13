import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';

/**
 * Security headers with a strict CSP, cookies, and per-client rate limits. The headers are
 * computed once at start (not per request) and set before the handler runs, so a plugin
 * that needs a different policy for its own pages (the API docs UI) can still override it.
 */
export function securityHeaders(extraFormActions: string[] = []): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    `form-action ${["'self'", ...extraFormActions].join(' ')}`,
  ].join('; ');
  return {
    'content-security-policy': csp,
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
}

export async function registerSecurity(
  app: FastifyInstance,
  opts: { ratePerMinute: number; extraFormActions?: string[] },
) {
  await app.register(cookie);
  const headers = securityHeaders(opts.extraFormActions);
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
  await app.register(rateLimit, {
    global: true,
    max: opts.ratePerMinute,
    timeWindow: '1 minute',
    allowList: (req) => ['/health', '/ready', '/metrics'].includes(req.url),
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
}
