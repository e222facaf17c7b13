import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import { jobCounts } from '../jobs/index.js';
import { type Db, ping } from '../db/database.js';

/** /health (alive), /ready (database answers), /metrics (Prometheus). */
export function registerObservability(app: FastifyInstance, deps: { db: Db; dbKind: string }) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'tuphap_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobs = new client.Gauge({
    name: 'tuphap_jobs',
    help: 'Background jobs by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      try {
        const c = await jobCounts(deps.db);
        for (const [k, v] of Object.entries(c)) this.set({ status: k }, v);
      } catch {
        /* database down: /ready reports it */
      }
    },
  });
  void jobs;
  new client.Gauge({
    name: 'tuphap_info',
    help: 'Build and database kind',
    labelNames: ['db'] as const,
    registers: [registry],
  }).set({ db: deps.dbKind }, 1);

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    duration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/health', { config: { auth: 'public' }, logLevel: 'warn', schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/ready',
    { config: { auth: 'public' }, logLevel: 'warn', schema: { hide: true } },
    async (_req, reply) => {
      try {
        await ping(deps.db);
        return { status: 'ready', database: deps.dbKind };
      } catch {
        return reply.status(503).send({ status: 'not_ready', database: deps.dbKind });
      }
    },
  );
  app.get(
    '/metrics',
    { config: { auth: 'public' }, logLevel: 'warn', schema: { hide: true } },
    async (_req, reply) => {
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
}
