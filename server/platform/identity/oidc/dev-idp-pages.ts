import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Interaction } from 'oidc-provider';
import { z } from 'zod';
import { DEV_CITIZENS, type DevCitizen, findDevCitizen, GENDER_LABELS } from './dev-citizens.js';
import { DEV_IDP_CLIENT_NAME, DEV_IDP_MOUNT, DEV_IDP_SCOPE_CLAIMS, type DevIdp } from './dev-idp.js';
import { escapeHtml, page } from './html.js';

/**
 * The development provider's interaction pages, served by the platform under
 * /oidc/interaction/:uid: choose a demo citizen, then consent to the claims asked for.
 * The interaction itself is oidc-provider's (its signed, path-scoped, SameSite=Lax cookies
 * tie it to the browser, so a cross-site form post finds no interaction). No scripts.
 */
const CLAIM_LABELS: Record<string, string> = {
  name: 'Họ, chữ đệm và tên (full name)',
  personal_id: 'Số định danh cá nhân (personal identification number)',
  birthdate: 'Ngày, tháng, năm sinh (date of birth)',
  gender: 'Giới tính (sex)',
  phone_number: 'Số điện thoại (phone number)',
};

const HEADER = 'Nhà cung cấp định danh thử nghiệm (giống VNeID)';
const DEMO_NOTICE = `<p class="notice">Đây là nhà cung cấp định danh <strong>thử nghiệm</strong> của bản minh hoạ, không phải
VNeID. Các công dân dưới đây là người giả định. <span class="en">Development identity provider for the demo — not VNeID;
these citizens are invented.</span></p>`;

const formatDate = (iso: string) => iso.split('-').reverse().join('/');

function citizenLine(c: DevCitizen) {
  return `<span class="name">${escapeHtml(c.name)}</span>
<span class="meta">Số định danh: <span data-personal-id>${escapeHtml(c.personalId)}</span> · Sinh ngày ${escapeHtml(formatDate(c.birthdate))} · ${escapeHtml(GENDER_LABELS[c.gender])}</span>`;
}

function loginPage(uid: string, error?: string) {
  const base = `${DEV_IDP_MOUNT}/interaction/${escapeHtml(uid)}`;
  const choices = DEV_CITIZENS.map(
    (c) => `<label class="choice"><input type="radio" name="citizen" value="${escapeHtml(c.sub)}" required>
<span>${citizenLine(c)}</span></label>`,
  ).join('\n');
  return page(
    'Đăng nhập bằng định danh điện tử',
    `<h1>Đăng nhập bằng định danh điện tử</h1>
<p class="en">Sign in with your electronic identity</p>
${DEMO_NOTICE}
<p><strong>${escapeHtml(DEV_IDP_CLIENT_NAME)}</strong> đề nghị bạn đăng nhập. Chọn một công dân minh hoạ:</p>
${error ? `<p class="notice">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${base}/login">
<fieldset>${choices}</fieldset>
<div class="actions"><button class="primary" type="submit">Tiếp tục / Continue</button></div>
</form>
<form method="post" action="${base}/abort">
<div class="actions"><button class="secondary" type="submit">Huỷ đăng nhập / Cancel</button></div>
</form>`,
    HEADER,
  );
}

function consentPage(uid: string, details: Interaction) {
  const base = `${DEV_IDP_MOUNT}/interaction/${escapeHtml(uid)}`;
  const scopes = details.prompt.details.missingOIDCScope ?? String(details.params.scope ?? '').split(' ');
  const claims = new Set([
    ...scopes.flatMap((s) => DEV_IDP_SCOPE_CLAIMS[s] ?? []),
    ...(details.prompt.details.missingOIDCClaims ?? []),
  ]);
  const items = [...claims]
    .filter((c) => CLAIM_LABELS[c])
    .map((c) => `<li>${escapeHtml(CLAIM_LABELS[c])}</li>`);
  const citizen = details.session?.accountId ? findDevCitizen(details.session.accountId) : undefined;
  return page(
    'Đồng ý chia sẻ thông tin',
    `<h1>Đồng ý chia sẻ thông tin</h1>
<p class="en">Consent to share your information</p>
${citizen ? `<p>Bạn đang đăng nhập với tư cách:<br>${citizenLine(citizen)}</p>` : ''}
<p><strong>${escapeHtml(DEV_IDP_CLIENT_NAME)}</strong> đề nghị được nhận các thông tin sau của bạn:</p>
<ul class="claims">${items.join('') || '<li>Mã định danh tài khoản (account identifier)</li>'}</ul>
<form method="post" action="${base}/confirm">
<div class="actions">
<button class="primary" type="submit" name="decision" value="allow">Đồng ý / Allow</button>
<button class="secondary" type="submit" name="decision" value="deny">Từ chối / Deny</button>
</div>
</form>`,
    HEADER,
  );
}

function expiredPage() {
  return page(
    'Phiên đăng nhập đã hết hạn',
    `<h1>Phiên đăng nhập đã hết hạn</h1>
<p class="en">This sign-in has expired or is not valid.</p>
<p>Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng quay lại Cổng Tư pháp số và đăng nhập lại.</p>
<div class="actions"><a class="button primary" href="/">Về trang chủ / Home</a></div>`,
    HEADER,
  );
}

const sendHtml = (reply: FastifyReply, html: string, status = 200) =>
  reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);

export async function devIdpInteractionRoutes(app: FastifyInstance, idp: DevIdp) {
  const { provider } = idp;
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 8192 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  const params = z.object({ uid: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });
  const config = { auth: 'public' as const, rateLimit: { max: 60, timeWindow: '1 minute' } };
  const schema = { hide: true, params };

  /** The interaction this browser is in, or null (after answering with the expiry page). */
  const current = async (req: FastifyRequest, reply: FastifyReply) => {
    const { uid } = req.params as { uid: string };
    try {
      const details = await provider.interactionDetails(req.raw, reply.raw);
      if (details.uid === uid) return details;
    } catch (err) {
      if ((err as { name?: string }).name !== 'SessionNotFound') throw err;
    }
    sendHtml(reply, expiredPage(), 400);
    return null;
  };

  const finish = async (
    req: FastifyRequest,
    reply: FastifyReply,
    result: Record<string, unknown>,
    merge = true,
  ) => {
    const to = await provider.interactionResult(req.raw, reply.raw, result, {
      mergeWithLastSubmission: merge,
    });
    return reply.header('cache-control', 'no-store').redirect(to, 303);
  };

  r.get('/oidc/interaction/:uid', { config, schema }, async (req, reply) => {
    const details = await current(req, reply);
    if (!details) return reply;
    if (details.prompt.name === 'login') return sendHtml(reply, loginPage(details.uid));
    if (details.prompt.name === 'consent') return sendHtml(reply, consentPage(details.uid, details));
    return sendHtml(reply, expiredPage(), 400);
  });

  r.post(
    '/oidc/interaction/:uid/login',
    { config, schema: { ...schema, body: z.object({ citizen: z.string().max(100).optional() }) } },
    async (req, reply) => {
      const details = await current(req, reply);
      if (!details) return reply;
      if (details.prompt.name !== 'login') return sendHtml(reply, expiredPage(), 400);
      const citizen = req.body.citizen ? findDevCitizen(req.body.citizen) : undefined;
      if (!citizen)
        return sendHtml(
          reply,
          loginPage(details.uid, 'Vui lòng chọn một công dân. / Please choose a citizen.'),
          400,
        );
      return finish(req, reply, { login: { accountId: citizen.sub } }, false);
    },
  );

  r.post(
    '/oidc/interaction/:uid/confirm',
    { config, schema: { ...schema, body: z.object({ decision: z.enum(['allow', 'deny']) }) } },
    async (req, reply) => {
      const details = await current(req, reply);
      if (!details) return reply;
      if (details.prompt.name !== 'consent') return sendHtml(reply, expiredPage(), 400);
      if (req.body.decision === 'deny') {
        return finish(
          req,
          reply,
          { error: 'access_denied', error_description: 'End-User refused consent' },
          false,
        );
      }
      const accountId = details.session?.accountId;
      const clientId = details.params.client_id;
      if (!accountId || !clientId) return sendHtml(reply, expiredPage(), 400);
      const grant =
        (details.grantId && (await provider.Grant.find(details.grantId))) ||
        new provider.Grant({ accountId, clientId });
      const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
      if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
      if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {}))
        grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      return finish(req, reply, { consent: { grantId } });
    },
  );

  r.post('/oidc/interaction/:uid/abort', { config, schema }, async (req, reply) => {
    const details = await current(req, reply);
    if (!details) return reply;
    return finish(
      req,
      reply,
      { error: 'access_denied', error_description: 'End-User aborted sign-in' },
      false,
    );
  });
}
