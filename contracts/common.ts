import { z } from 'zod';

/** Every error the API returns has this shape. `message` is in the request's language (Accept-Language). */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
  requestId: z.string(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './http-names.js';
