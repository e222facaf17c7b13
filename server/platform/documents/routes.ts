import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/index.js';
import type { Db } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import type { UnitDirectory } from '../units/index.js';
import { normalizeVerificationCode } from './codes.js';
import { revokeDocument, verifyDocumentCode, verifyPdfBytes } from './register.js';

/**
 * Public verification of issued documents (by the code printed beside the QR, or by
 * uploading the PDF), and revocation by the issuing unit's staff.
 */
export async function verifyRoutes(
  app: FastifyInstance,
  deps: { db: Db; units: UnitDirectory; uploadLimit: number },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const withIssuer = <T extends { issuerUnitId: string }>(v: T) => ({
    ...v,
    issuerName: deps.units.get(v.issuerUnitId)?.fullName ?? v.issuerUnitId,
  });

  r.get(
    '/verify/:code',
    {
      config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Xác minh giấy tờ theo mã (công khai)',
        params: z.object({ code: z.string().min(4).max(40) }),
      },
    },
    async (req) => {
      const code = normalizeVerificationCode(req.params.code);
      const v = code ? await verifyDocumentCode(deps.db, code) : null;
      if (!v)
        throw new AppError('NOT_FOUND', t('Không tìm thấy giấy tờ với mã này', 'No document with this code'));
      return withIssuer(v);
    },
  );

  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: deps.uploadLimit },
    (_req, body, done) => done(null, body),
  );
  r.post(
    '/verify/pdf',
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      bodyLimit: deps.uploadLimit,
      schema: { tags, summary: 'Xác minh tệp PDF: có đúng là bản do hệ thống cấp (công khai)' },
    },
    async (req) => {
      const body = req.body as Buffer | undefined;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new AppError(
          'VALIDATION',
          t(
            'Gửi nội dung tệp PDF (Content-Type: application/pdf)',
            'Send the PDF bytes (Content-Type: application/pdf)',
          ),
        );
      const v = await verifyPdfBytes(deps.db, new Uint8Array(body));
      if (!v)
        throw new AppError(
          'NOT_FOUND',
          t(
            'Tệp này không phải bản do hệ thống cấp, hoặc đã bị sửa đổi',
            'This file was not issued by the system, or it was altered',
          ),
        );
      return withIssuer(v);
    },
  );

  r.post(
    '/documents/:code/revoke',
    {
      config: { auth: { permission: 'documents.revoke' } },
      schema: {
        tags,
        summary: 'Thu hồi giấy tờ đã cấp',
        params: z.object({ code: z.string().min(4).max(40) }),
        body: z.strictObject({ reason: z.string().trim().min(5).max(500) }),
      },
    },
    async (req) => {
      const code = normalizeVerificationCode(req.params.code);
      const v = code ? await verifyDocumentCode(deps.db, code) : null;
      if (!v)
        throw new AppError('NOT_FOUND', t('Không tìm thấy giấy tờ với mã này', 'No document with this code'));
      req.access.require('documents.revoke', v.issuerUnitId);
      return deps.db.transaction().execute(async (tx) => {
        const res = await revokeDocument(tx, v.code, req.principal!.userId, req.body.reason);
        if (!res.alreadyRevoked) {
          await appendAudit(tx, {
            actorId: req.principal!.userId,
            actorKind: req.principal!.kind,
            unitId: v.issuerUnitId,
            action: 'document.revoked',
            objectType: 'document',
            objectId: v.code,
            requestId: req.id,
            ip: req.ip,
            details: { reason: req.body.reason },
          });
        }
        return res;
      });
    },
  );
}
