import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** Security headers with a strict CSP, cookies, and per-client rate limits. */
export async function registerSecurity(
  app: FastifyInstance,
  opts: { ratePerMinute: number; extraFormActions?: string[] },
) {
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", ...(opts.extraFormActions ?? [])],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(rateLimit, {
    global: true,
    max: opts.ratePerMinute,
    timeWindow: '1 minute',
    allowList: (req) => ['/health', '/ready', '/metrics'].includes(req.url),
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
}
