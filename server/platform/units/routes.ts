import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, t } from '../errors/app-error.js';
import type { UnitDirectory, UnitInfo } from './directory.js';

/** Administrative units are public master data: anyone may browse and search them. */
const toUnit = (u: UnitInfo) => ({
  id: u.id,
  code: u.code,
  level: u.level,
  type: u.type,
  name: u.name,
  fullName: u.fullName,
  parentId: u.parentId,
  validFrom: u.validFrom,
  validTo: u.validTo,
});

const AsOf = z.iso.date().optional();

export async function unitRoutes(app: FastifyInstance, deps: { units: UnitDirectory }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['units'];
  const get = (id: string) => {
    const u = deps.units.get(id);
    if (!u)
      throw new AppError(
        'NOT_FOUND',
        t(`Không có đơn vị hành chính mã ${id}`, `No administrative unit ${id}`),
      );
    return u;
  };

  r.get(
    '/',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Tìm đơn vị hành chính (có dấu hoặc không dấu)',
        querystring: z.object({
          q: z.string().trim().min(1).max(100),
          level: z.enum(['country', 'province', 'district', 'commune']).optional(),
          asOf: AsOf,
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (req) => ({
      items: deps.units
        .search(req.query.q, { limit: req.query.limit, level: req.query.level, asOf: req.query.asOf })
        .map(toUnit),
    }),
  );

  r.get(
    '/:id',
    {
      config: { auth: 'public' },
      schema: { tags, summary: 'Một đơn vị hành chính', params: z.object({ id: z.string().max(20) }) },
    },
    async (req) => {
      const u = get(req.params.id);
      return {
        ...toUnit(u),
        ancestors: deps.units.ancestors(u.id).map(toUnit),
        successors: deps.units
          .successors(u.id)
          .map((s) => ({ ...toUnit(s.unit), portion: s.portion, isSplit: s.isSplit })),
      };
    },
  );

  r.get(
    '/:id/children',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Các đơn vị trực thuộc',
        params: z.object({ id: z.string().max(20) }),
        querystring: z.object({ asOf: AsOf }),
      },
    },
    async (req) => ({
      items: deps.units.children(get(req.params.id).id, { asOf: req.query.asOf }).map(toUnit),
    }),
  );
}
