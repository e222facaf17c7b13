import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarOverrideSchema } from '../../../contracts/admin.js';
import { appendAudit } from '../audit/index.js';
import type { Db } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import type { WorkingCalendar } from './calendar.js';
import { addOverride, removeOverride, yearView } from './repository.js';

/**
 * The working-day calendar over HTTP. Reading is public (holidays are public facts, and
 * citizens check appointment dates); changing it is national: the Government decides
 * the days off for the whole country.
 */
export interface CalendarHolder {
  get(): WorkingCalendar;
  reload(): Promise<void>;
}

const Year = z.coerce.number().int().min(2013).max(2100);

export async function calendarRoutes(app: FastifyInstance, deps: { db: Db; calendar: CalendarHolder }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  r.get(
    '/years/:year',
    {
      config: { auth: 'public' },
      schema: { tags, summary: 'Ngày nghỉ, ngày làm bù trong năm', params: z.object({ year: Year }) },
    },
    async (req) => ({
      year: req.params.year,
      days: await yearView(deps.db, req.params.year),
    }),
  );

  r.get(
    '/deadline',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Tính hạn giải quyết (ngày làm việc hoặc ngày) từ thời điểm tiếp nhận',
        querystring: z.object({
          receivedAt: z.iso.datetime({ offset: true }),
          amount: z.coerce.number().int().min(0).max(365),
          unit: z.enum(['working_days', 'calendar_days']).default('working_days'),
        }),
      },
    },
    async (req) => {
      const cal = deps.calendar.get();
      const at = new Date(req.query.receivedAt);
      const due =
        req.query.unit === 'working_days'
          ? cal.addWorkingDays(at, req.query.amount)
          : cal.addCalendarDays(at, req.query.amount);
      return {
        receivedAt: at.toISOString(),
        countingStart: cal.countingStart(at),
        due,
        unit: req.query.unit,
        amount: req.query.amount,
      };
    },
  );

  r.post(
    '/overrides',
    {
      config: { auth: { permission: 'calendar.manage' } },
      schema: {
        tags,
        summary: 'Thêm ngày nghỉ hoặc ngày làm bù theo quyết định',
        body: CalendarOverrideSchema,
      },
    },
    async (req, reply) => {
      req.access.require('calendar.manage', 'VN');
      const saved = await deps.db.transaction().execute(async (tx) => {
        const o = await addOverride(tx, { ...req.body, createdBy: req.principal!.userId });
        await appendAudit(tx, {
          actorId: req.principal!.userId,
          actorKind: 'staff',
          unitId: 'VN',
          action: 'calendar.override_added',
          objectType: 'calendar_day',
          objectId: req.body.date,
          requestId: req.id,
          ip: req.ip,
          details: req.body,
        });
        return o;
      });
      await deps.calendar.reload();
      return reply.status(201).send(saved);
    },
  );

  r.delete(
    '/overrides/:date',
    {
      config: { auth: { permission: 'calendar.manage' } },
      schema: { tags, summary: 'Xoá một ngày đã nhập', params: z.object({ date: z.iso.date() }) },
    },
    async (req, reply) => {
      req.access.require('calendar.manage', 'VN');
      await deps.db.transaction().execute(async (tx) => {
        const removed = await removeOverride(tx, req.params.date);
        if (!removed) throw new AppError('NOT_FOUND', t('Không có ngày này trong danh sách', 'No such day'));
        await appendAudit(tx, {
          actorId: req.principal!.userId,
          actorKind: 'staff',
          unitId: 'VN',
          action: 'calendar.override_removed',
          objectType: 'calendar_day',
          objectId: req.params.date,
          requestId: req.id,
          ip: req.ip,
        });
      });
      await deps.calendar.reload();
      return reply.status(204).send();
    },
  );
}
