import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, sql } from '../db/database.js';
import type { UnitDirectory } from '../units/index.js';
import { verifyAuditChain } from './audit-log.js';
import { auditPersonalDataRead } from './personal-data.js';

/**
 * Reading the audit log: an auditor sees entries about their own units' subtree;
 * only a national auditor sees entries with no unit. Verifying the chain is national.
 */
export async function auditRoutes(app: FastifyInstance, deps: { db: Db; units: UnitDirectory }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  r.get(
    '/',
    {
      config: { auth: { permission: 'audit.read' } },
      schema: {
        tags,
        summary: 'Nhật ký kiểm toán / audit log',
        querystring: z.object({
          unitId: z.string().max(20).optional(),
          objectType: z.string().max(50).optional(),
          objectId: z.string().max(100).optional(),
          actorId: z.string().max(100).optional(),
          action: z.string().max(100).optional(),
          beforeSeq: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      if (q.unitId) req.access.require('audit.read', q.unitId);
      const scopes = req.access.scopesFor('audit.read');
      const national = scopes.includes('VN');
      const paths = scopes.map((s) => deps.units.get(s)?.path).filter((p): p is string => !!p);
      let query = deps.db
        .selectFrom('platform.audit_log as a')
        .leftJoin('platform.admin_units as u', 'u.id', 'a.unit_id')
        .selectAll('a');
      if (q.unitId) query = query.where('u.path', 'like', `${deps.units.get(q.unitId)!.path}%`);
      else if (!national) query = query.where((eb) => eb.or(paths.map((p) => eb('u.path', 'like', `${p}%`))));
      if (q.objectType) query = query.where('a.object_type', '=', q.objectType);
      if (q.objectId) query = query.where('a.object_id', '=', q.objectId);
      if (q.actorId) query = query.where('a.actor_id', '=', q.actorId);
      if (q.action) query = query.where('a.action', '=', q.action);
      if (q.beforeSeq) query = query.where('a.seq', '<', String(q.beforeSeq));
      const rows = await query.orderBy('a.seq', 'desc').limit(q.limit).execute();
      // Reading the log is itself recorded: it names people and what was done to their data.
      await auditPersonalDataRead(deps.db, req, {
        action: 'audit.read',
        objectType: 'audit_log',
        unitId: q.unitId ?? null,
        purpose: 'Tra cứu nhật ký kiểm toán',
        details: { filter: q, returned: rows.length },
      });
      return { items: rows };
    },
  );

  r.post(
    '/verify',
    {
      config: { auth: { permission: 'audit.verify' } },
      schema: { tags, summary: 'Kiểm tra chuỗi băm / verify the hash chain' },
    },
    async (req) => {
      req.access.require('audit.verify', 'VN');
      const report = await verifyAuditChain(deps.db);
      const count = await sql<{ n: string }>`select count(*) as n from platform.audit_log`.execute(deps.db);
      return { ...report, total: Number(count.rows[0].n) };
    },
  );
}
