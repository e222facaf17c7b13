import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { appendAudit } from '../audit/index.js';
import { type Db, type DbOrTx, sql } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { type LoadedPrincipal, loadPrincipal } from './principals.js';
import { currentSigner, TOKEN_ALG, verificationKey } from './token-keys.js';
import { insertGrant, insertUser } from './users-repo.js';

/**
 * Partner agencies authenticate with OAuth2 client credentials (RFC 6749 §4.4) and
 * receive short-lived signed JWTs (RFC 9068 shape). A rotated secret keeps working for
 * a grace period; a revoked client's tokens stop working within the principal cache time.
 */
export const TOKEN_TTL_SECONDS = 300;
const ROTATION_GRACE_HOURS = 24;
export const TOKEN_AUDIENCE = 'tuphap-api';

export interface AgencyClientRow {
  client_id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  previous_secret_hash: string | null;
  previous_valid_until: Date | null;
  scopes: string[];
  revoked_at: Date | null;
}

const newSecret = () => randomBytes(32).toString('base64url');

export async function createAgencyClient(
  db: Db,
  input: { name: string; unitId: string; scopes: string[]; createdBy?: string },
) {
  const clientId = `ag_${randomBytes(9).toString('base64url')}`;
  const secret = newSecret();
  const secretHash = await hashPassword(secret);
  await db.transaction().execute(async (tx) => {
    const user = await insertUser(tx, { kind: 'agency', displayName: input.name });
    await insertGrant(tx, user.id, 'agency_client', input.unitId);
    await sql`insert into platform.agency_clients (client_id, user_id, name, secret_hash, scopes)
              values (${clientId}, ${user.id}, ${input.name}, ${secretHash}, ${input.scopes})`.execute(tx);
    await appendAudit(tx, {
      actorId: input.createdBy,
      action: 'agency_client.created',
      objectType: 'agency_client',
      objectId: clientId,
      unitId: input.unitId,
      details: { name: input.name, scopes: input.scopes },
    });
  });
  return { clientId, clientSecret: secret };
}

export async function rotateAgencySecret(db: Db, clientId: string, by?: string) {
  const secret = newSecret();
  const hash = await hashPassword(secret);
  const r = await db.transaction().execute(async (tx) => {
    const u = await sql`
      update platform.agency_clients set previous_secret_hash = secret_hash,
        previous_valid_until = now() + make_interval(hours => ${ROTATION_GRACE_HOURS}), secret_hash = ${hash}, rotated_at = now()
      where client_id = ${clientId} and revoked_at is null`.execute(tx);
    if (Number(u.numAffectedRows ?? 0) > 0)
      await appendAudit(tx, {
        actorId: by,
        action: 'agency_client.secret_rotated',
        objectType: 'agency_client',
        objectId: clientId,
      });
    return Number(u.numAffectedRows ?? 0);
  });
  if (!r)
    throw new AppError(
      'NOT_FOUND',
      t('Không có ứng dụng kết nối này hoặc đã bị thu hồi', 'No such client, or it was revoked'),
    );
  return { clientId, clientSecret: secret };
}

export async function revokeAgencyClient(db: Db, clientId: string, by?: string) {
  await db.transaction().execute(async (tx) => {
    const r = await sql<{ user_id: string }>`
      update platform.agency_clients set revoked_at = now() where client_id = ${clientId} and revoked_at is null returning user_id`.execute(
      tx,
    );
    if (!r.rows[0]) throw new AppError('NOT_FOUND', t('Không có ứng dụng kết nối này', 'No such client'));
    await sql`update platform.users set active = false where id = ${r.rows[0].user_id}`.execute(tx);
    await appendAudit(tx, {
      actorId: by,
      action: 'agency_client.revoked',
      objectType: 'agency_client',
      objectId: clientId,
    });
  });
}

async function findClient(db: DbOrTx, clientId: string): Promise<AgencyClientRow | undefined> {
  const r =
    await sql<AgencyClientRow>`select * from platform.agency_clients where client_id = ${clientId}`.execute(
      db,
    );
  return r.rows[0];
}

/** Checks the client's credentials and issues an access token; audited either way. */
export async function issueClientToken(
  db: Db,
  issuer: string,
  clientId: string,
  secret: string,
  requestedScope: string | undefined,
  ctx: { requestId?: string; ip?: string },
) {
  const client = /^ag_[A-Za-z0-9_-]{6,40}$/.test(clientId) ? await findClient(db, clientId) : undefined;
  const secretOk =
    !!client &&
    ((await verifyPassword(client.secret_hash, secret)) ||
      (!!client.previous_secret_hash &&
        !!client.previous_valid_until &&
        client.previous_valid_until.getTime() > Date.now() &&
        (await verifyPassword(client.previous_secret_hash, secret))));
  if (!client || !secretOk || client.revoked_at) {
    await appendAudit(db, {
      action: 'agency_client.token_refused',
      objectType: 'agency_client',
      objectId: clientId.slice(0, 60),
      requestId: ctx.requestId,
      ip: ctx.ip,
      details: { reason: !client ? 'unknown_client' : client.revoked_at ? 'revoked' : 'bad_secret' },
    });
    return null;
  }
  const wanted = requestedScope ? requestedScope.split(' ').filter(Boolean) : client.scopes;
  const scopes = wanted.filter((s) => client.scopes.includes(s));
  if (requestedScope && scopes.length < wanted.length)
    throw new AppError(
      'FORBIDDEN',
      t('Phạm vi yêu cầu vượt quá phạm vi được cấp', 'Requested scope exceeds the granted scope'),
      { oauthError: 'invalid_scope' },
    );
  const signer = await currentSigner(db);
  const token = await new SignJWT({ scope: scopes.join(' '), client_id: client.client_id })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: signer.kid, typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(client.user_id)
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
    .setJti(randomBytes(12).toString('base64url'))
    .sign(signer.privateKey);
  await appendAudit(db, {
    actorId: client.user_id,
    actorKind: 'agency',
    action: 'agency_client.token_issued',
    objectType: 'agency_client',
    objectId: client.client_id,
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: { scopes },
  });
  return {
    access_token: token,
    token_type: 'Bearer' as const,
    expires_in: TOKEN_TTL_SECONDS,
    scope: scopes.join(' '),
  };
}

/** Verifies a bearer token and returns the agency's principal (null when invalid, expired or revoked). */
export function bearerVerifier(db: Db, issuer: string) {
  return async (token: string): Promise<LoadedPrincipal | null> => {
    try {
      const { payload } = await jwtVerify(
        token,
        async (header) => {
          const key = await verificationKey(db, header.kid);
          if (!key) throw new Error('unknown key');
          return key;
        },
        { issuer, audience: TOKEN_AUDIENCE, algorithms: [TOKEN_ALG], clockTolerance: 5 },
      );
      if (typeof payload.sub !== 'string') return null;
      const p = await loadPrincipal(db, payload.sub);
      if (p?.kind !== 'agency') return null;
      return {
        ...p,
        clientId: String(payload.client_id ?? ''),
        scopes: String(payload.scope ?? '')
          .split(' ')
          .filter(Boolean),
      } as LoadedPrincipal;
    } catch {
      return null;
    }
  };
}
