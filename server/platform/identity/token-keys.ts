import { randomBytes } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { type DbOrTx, sql } from '../db/database.js';

/**
 * Keys that sign the platform's access tokens (ES256). Kept in the database so every
 * node signs and verifies with the same keys; rotation adds a key and retires the
 * old one for signing while it still verifies tokens issued before.
 */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey | Uint8Array;
  publicJwk: JWK;
}

const ALG = 'ES256';
let cache: {
  at: number;
  keys: Array<{ kid: string; publicKey: CryptoKey | Uint8Array; retired: boolean }>;
  signer: SigningKey;
} | null = null;
const CACHE_MS = 30_000;

export async function rotateSigningKey(db: DbOrTx): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const priv = await exportJWK(privateKey);
  const pub = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
  await sql`update platform.jwt_keys set retired_at = now() where retired_at is null`.execute(db);
  await sql`insert into platform.jwt_keys (kid, alg, private_jwk, public_jwk) values (${kid}, ${ALG}, ${JSON.stringify(priv)}, ${JSON.stringify(pub)})`.execute(
    db,
  );
  cache = null;
  return kid;
}

async function load(db: DbOrTx) {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache;
  let rows = (
    await sql<{ kid: string; private_jwk: JWK; public_jwk: JWK; retired_at: Date | null }>`
      select kid, private_jwk, public_jwk, retired_at from platform.jwt_keys
      where retired_at is null or retired_at > now() - interval '1 day' order by created_at`.execute(db)
  ).rows;
  if (!rows.some((r) => !r.retired_at)) {
    await rotateSigningKey(db);
    rows = (
      await sql<{ kid: string; private_jwk: JWK; public_jwk: JWK; retired_at: Date | null }>`
        select kid, private_jwk, public_jwk, retired_at from platform.jwt_keys
        where retired_at is null or retired_at > now() - interval '1 day' order by created_at`.execute(db)
    ).rows;
  }
  const active = rows.filter((r) => !r.retired_at).at(-1)!;
  const keys = await Promise.all(
    rows.map(async (r) => ({
      kid: r.kid,
      publicKey: await importJWK(r.public_jwk, ALG),
      retired: !!r.retired_at,
    })),
  );
  cache = {
    at: Date.now(),
    keys,
    signer: {
      kid: active.kid,
      privateKey: await importJWK(active.private_jwk, ALG),
      publicJwk: active.public_jwk,
    },
  };
  return cache;
}

export async function currentSigner(db: DbOrTx): Promise<SigningKey> {
  return (await load(db)).signer;
}

export async function verificationKey(db: DbOrTx, kid: string | undefined) {
  const c = await load(db);
  let k = c.keys.find((x) => x.kid === kid);
  if (!k && kid) {
    cache = null; // a key made on another node since the last load
    k = (await load(db)).keys.find((x) => x.kid === kid);
  }
  return k?.publicKey ?? null;
}

export async function publicJwks(db: DbOrTx) {
  const r = await sql<{ public_jwk: JWK }>`
    select public_jwk from platform.jwt_keys where retired_at is null or retired_at > now() - interval '1 day'`.execute(
    db,
  );
  return { keys: r.rows.map((x) => x.public_jwk) };
}

export const TOKEN_ALG = ALG;
