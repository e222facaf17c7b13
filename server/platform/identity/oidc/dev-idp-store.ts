import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { type DbOrTx, sql } from '../../db/database.js';

/**
 * What the development identity provider keeps in the database (migration 007_oidc):
 * its settings — made once on first start, so restarts and other nodes keep the same
 * signing key, cookie keys and client — and its protocol state through an oidc-provider
 * adapter. Nothing here is ever committed to the repository.
 */
export interface DevIdpSettings {
  signingKey: JWK;
  cookieKeys: string[];
  client: { clientId: string; clientSecret: string };
}

export const DEV_IDP_ALG = 'ES256';

/** Returns the stored value, or stores the one `make` builds; two nodes starting together end with one value. */
async function setting<T>(db: DbOrTx, name: string, make: () => Promise<T>): Promise<T> {
  const read = async () =>
    (await sql<{ value: T }>`select value from platform.dev_idp_settings where name = ${name}`.execute(db))
      .rows[0];
  const found = await read();
  if (found) return found.value;
  const value = await make();
  await sql`insert into platform.dev_idp_settings (name, value) values (${name}, ${JSON.stringify(value)}::jsonb)
            on conflict (name) do nothing`.execute(db);
  return (await read())!.value;
}

export async function loadDevIdpSettings(db: DbOrTx): Promise<DevIdpSettings> {
  const signingKey = await setting<JWK>(db, 'signing_key', async () => {
    const { privateKey } = await generateKeyPair(DEV_IDP_ALG, { extractable: true });
    return {
      ...(await exportJWK(privateKey)),
      kid: randomBytes(8).toString('hex'),
      alg: DEV_IDP_ALG,
      use: 'sig',
    };
  });
  const cookieKeys = await setting<string[]>(db, 'cookie_keys', async () => [
    randomBytes(32).toString('base64url'),
  ]);
  const client = await setting(db, 'client', async () => ({
    clientId: `tuphap-${randomBytes(6).toString('hex')}`,
    clientSecret: randomBytes(32).toString('base64url'),
  }));
  return { signingKey, cookieKeys, client };
}

const PURGE_EVERY_MS = 10 * 60_000;
let lastPurge = 0;

/** oidc-provider's storage interface over platform.dev_idp_store; one instance per model name. */
export class PgDevIdpAdapter implements Adapter {
  constructor(
    private readonly db: DbOrTx,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expires = typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null;
    await sql`
      insert into platform.dev_idp_store (model, id, payload, grant_id, user_code, uid, expires_at)
      values (${this.model}, ${id}, ${JSON.stringify(payload)}::jsonb, ${payload.grantId ?? null},
              ${payload.userCode ?? null}, ${payload.uid ?? null}, ${expires})
      on conflict (model, id) do update set payload = excluded.payload, grant_id = excluded.grant_id,
        user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at`.execute(
      this.db,
    );
    if (Date.now() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = Date.now();
      await sql`delete from platform.dev_idp_store where expires_at < now() - interval '1 hour'`.execute(
        this.db,
      );
    }
  }

  private async one(where: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
    const column = sql.ref(where);
    const r = await sql<{ payload: AdapterPayload }>`
      select payload from platform.dev_idp_store
      where model = ${this.model} and ${column} = ${value} and (expires_at is null or expires_at > now())
      limit 1`.execute(this.db);
    return r.rows[0]?.payload;
  }

  find(id: string) {
    return this.one('id', id);
  }

  findByUid(uid: string) {
    return this.one('uid', uid);
  }

  findByUserCode(userCode: string) {
    return this.one('user_code', userCode);
  }

  async consume(id: string): Promise<void> {
    await sql`
      update platform.dev_idp_store
      set payload = payload || jsonb_build_object('consumed', extract(epoch from now())::bigint)
      where model = ${this.model} and id = ${id}`.execute(this.db);
  }

  async destroy(id: string): Promise<void> {
    await sql`delete from platform.dev_idp_store where model = ${this.model} and id = ${id}`.execute(this.db);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await sql`delete from platform.dev_idp_store where model = ${this.model} and grant_id = ${grantId}`.execute(
      this.db,
    );
  }
}
