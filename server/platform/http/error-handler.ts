import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode, t } from '../errors/app-error.js';
import { pickLanguage } from '../i18n/language.js';

/**
 * Maps every error to the one response shape `{ error: { code, message, details? }, requestId }`,
 * in the request's language. Unknown errors become INTERNAL (500) with no internals leaked.
 */
export function languageOf(req: FastifyRequest) {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  return pickLanguage(req.headers['accept-language'], typeof q === 'string' ? q : null);
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const lang = languageOf(req);
  const body: Record<string, unknown> = { code: err.code, message: err.localized(lang) };
  if (err.data) body.details = err.data;
  return reply.status(err.status).send({ error: body, requestId: req.id });
}

function fromFastifyError(err: FastifyError): AppError | null {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      path: `${err.validationContext ?? 'body'}${v.instancePath || ''}`.replace(/\//g, '.'),
      message: v.message,
      code:
        v.params?.issue && typeof v.params.issue === 'object'
          ? (v.params.issue as { code?: string }).code
          : undefined,
    }));
    return new AppError(
      'VALIDATION',
      t(
        issues.map((i) => `${i.path}: ${translateIssue(i.code, i.message ?? '', 'vi')}`).join('; '),
        issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      ),
      { issues },
    );
  }
  const code = err.code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return new AppError('BAD_REQUEST', t('Thân yêu cầu JSON rỗng', 'Empty JSON body'));
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return new AppError('BAD_REQUEST', t('Độ dài nội dung không khớp', 'Content length mismatch'));
  if (err instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return new AppError('BAD_REQUEST', t('JSON không đúng cú pháp', 'Malformed JSON'));
  if (err.statusCode === 429) return new AppError('RATE_LIMITED');
  if (err.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (err.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError('BAD_REQUEST', t('Yêu cầu không được chấp nhận', err.message));
  }
  return null;
}

const VI_ISSUES: Record<string, string> = {
  invalid_type: 'sai kiểu dữ liệu',
  too_small: 'quá ngắn hoặc quá nhỏ',
  too_big: 'quá dài hoặc quá lớn',
  invalid_format: 'sai định dạng',
  unrecognized_keys: 'có trường không được phép',
  invalid_value: 'giá trị không được phép',
  custom: 'không hợp lệ',
};

function translateIssue(code: string | undefined, message: string, lang: 'vi' | 'en'): string {
  if (lang === 'en') return message;
  // Messages already written in Vietnamese in the schema are kept as they are.
  if (/[àáảãạăâđêôơư]/i.test(message)) return message;
  return (code && VI_ISSUES[code]) || 'không hợp lệ';
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendError(req, reply, err);
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return sendError(req, reply, new AppError('INTERNAL'));
    }
    const mapped = fromFastifyError(err);
    if (mapped) return sendError(req, reply, mapped);
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, new AppError('INTERNAL'));
  });
}

export const statusOf = (code: ErrorCode) => ERROR_CODES[code].status;
