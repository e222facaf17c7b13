import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Serves the built web app; unknown non-API GETs get index.html (client-side routes). */
export async function registerStaticWeb(app: FastifyInstance, distDir: string) {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build:web`');
    return null;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
  });
  const html = fs.readFileSync(index);
  const sendIndex = (_req: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, sendIndex);
  // Long-lived caching for hashed assets.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
  });
  return sendIndex;
}

export const wantsHtml = (req: FastifyRequest) =>
  req.method === 'GET' &&
  !req.url.startsWith('/api/') &&
  !req.url.startsWith('/oidc') &&
  (req.headers.accept ?? '').includes('text/html');
