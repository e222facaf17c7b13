import type { Env } from '../env.js';
import type { BlobStore } from './file-store.js';
import { EMPTY_PAYLOAD_SHA256, hashHex, signRequest, uriEncode } from './sigv4.js';

/**
 * Blobs in S3-compatible object storage (AWS S3, MinIO, Ceph RGW, …), path-style:
 * `${endpoint}/${bucket}/sha256/ab/cd/<sha256>`. Requests are signed with AWS Signature V4
 * and carry the payload's SHA-256, so the server rejects a body altered in transit.
 */
export interface S3Config {
  /** e.g. `https://s3.ap-southeast-1.amazonaws.com` or `http://minio.internal:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Extra attempts after a network error or a 500/502/503/504 answer (default 2). */
  retries?: number;
  /** Per-request time limit in milliseconds (default 60 000). */
  timeoutMs?: number;
}

/** A failed S3 request, with the S3 error code from the response body (or from the status on HEAD). */
export class S3Error extends Error {
  readonly s3Code: string;
  readonly httpStatus: number;
  readonly operation: string;
  readonly key: string;
  readonly requestId?: string;

  constructor(o: {
    operation: string;
    key: string;
    httpStatus: number;
    s3Code: string;
    message: string;
    requestId?: string;
  }) {
    const hint = HINTS[o.s3Code];
    super(
      `S3 ${o.operation} ${o.key} failed: ${o.httpStatus} ${o.s3Code}` +
        (o.message ? ` — ${o.message}` : '') +
        (hint ? ` (${hint})` : '') +
        (o.requestId ? ` [request id ${o.requestId}]` : ''),
    );
    this.name = 'S3Error';
    this.s3Code = o.s3Code;
    this.httpStatus = o.httpStatus;
    this.operation = o.operation;
    this.key = o.key;
    this.requestId = o.requestId;
  }
}

/** What an operator should look at for the common configuration mistakes. */
const HINTS: Record<string, string> = {
  SignatureDoesNotMatch: 'check S3_SECRET_ACCESS_KEY',
  InvalidAccessKeyId: 'check S3_ACCESS_KEY_ID',
  NoSuchBucket: 'check S3_BUCKET',
  AuthorizationHeaderMalformed: 'check S3_REGION',
  PermanentRedirect: 'check S3_REGION and S3_ENDPOINT',
  RequestTimeTooSkewed: "check the server's clock (NTP)",
  AccessDenied: 'the key needs s3:GetObject, s3:PutObject and s3:ListBucket on the bucket',
  Forbidden: 'the key needs s3:GetObject, s3:PutObject and s3:ListBucket on the bucket',
  NetworkError: 'check S3_ENDPOINT and the network',
};

export const s3KeyOf = (sha256: string) => `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

export function s3BlobStore(config: S3Config): BlobStore {
  const endpoint = config.endpoint.replace(/\/+$/, '');
  const retries = config.retries ?? 2;
  const timeoutMs = config.timeoutMs ?? 60_000;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(config.bucket)) {
    throw new Error(`S3 bucket name '${config.bucket}' is not valid`);
  }
  const urlOf = (key: string) =>
    new URL(`${endpoint}/${uriEncode(config.bucket, false)}/${uriEncode(key, true)}`);

  async function send(method: string, key: string, body?: Uint8Array, headers: Record<string, string> = {}) {
    const url = urlOf(key);
    const payloadHash = body ? hashHex(body) : EMPTY_PAYLOAD_SHA256;
    for (let attempt = 0; ; attempt++) {
      // Signed afresh on every attempt: the signature carries the time.
      const { accessKeyId, secretAccessKey, region } = config;
      const signed = signRequest({ method, url, headers, payloadHash, accessKeyId, secretAccessKey, region });
      let res: Response;
      try {
        const signal = AbortSignal.timeout(timeoutMs);
        res = await fetch(url, {
          method,
          headers: signed.headers,
          body: body as Uint8Array<ArrayBuffer>,
          signal,
        });
      } catch (e) {
        if (attempt < retries) {
          await pause(attempt);
          continue;
        }
        throw new S3Error({
          operation: method,
          key,
          httpStatus: 0,
          s3Code: 'NetworkError',
          message: reasonOf(e, endpoint),
        });
      }
      if (RETRYABLE.has(res.status) && attempt < retries) {
        await res.body?.cancel();
        await pause(attempt);
        continue;
      }
      return res;
    }
  }

  async function failure(operation: string, key: string, res: Response): Promise<S3Error> {
    const text = operation === 'HEAD' ? '' : await res.text().catch(() => '');
    const code = xmlField(text, 'Code');
    const requestId = xmlField(text, 'RequestId') ?? res.headers.get('x-amz-request-id') ?? undefined;
    return new S3Error({
      operation,
      key,
      httpStatus: res.status,
      s3Code: code ?? (STATUS_CODES[res.status] || `HTTP${res.status}`),
      message: xmlField(text, 'Message') ?? (code ? '' : text.slice(0, 200).trim()),
      requestId,
    });
  }

  return {
    name: 's3',
    async put(sha, bytes, mediaType) {
      const key = s3KeyOf(sha);
      const res = await send('PUT', key, bytes, { 'content-type': mediaType });
      if (!res.ok) throw await failure('PUT', key, res);
      await res.body?.cancel();
    },
    async get(sha) {
      const key = s3KeyOf(sha);
      const res = await send('GET', key);
      if (res.status === 404) {
        const err = await failure('GET', key, res);
        if (err.s3Code === 'NoSuchKey') return null;
        throw err; // NoSuchBucket and the like are configuration errors, not a missing file
      }
      if (!res.ok) throw await failure('GET', key, res);
      try {
        return new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        throw new S3Error({
          operation: 'GET',
          key,
          httpStatus: res.status,
          s3Code: 'NetworkError',
          message: reasonOf(e, endpoint),
        });
      }
    },
    async has(sha) {
      const key = s3KeyOf(sha);
      const res = await send('HEAD', key);
      if (res.ok) return true;
      if (res.status !== 404) {
        // A HEAD answer has no body, so ask again with a GET to learn the S3 error code.
        const again = await send('GET', key, undefined, { range: 'bytes=0-0' });
        if (again.ok) {
          await again.body?.cancel();
          throw await failure('HEAD', key, res);
        }
        throw await failure('GET', key, again);
      }
      return false;
    },
  };
}

/** The S3 settings from the environment; loadEnv has already required them when FILE_STORE=s3. */
export function s3ConfigFromEnv(env: Env): S3Config {
  const { S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  if (!(S3_ENDPOINT && S3_BUCKET && S3_ACCESS_KEY_ID && S3_SECRET_ACCESS_KEY)) {
    throw new Error('FILE_STORE=s3 cần S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY');
  }
  return {
    endpoint: S3_ENDPOINT,
    bucket: S3_BUCKET,
    region: S3_REGION,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
  };
}

const RETRYABLE = new Set([500, 502, 503, 504]);
const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
};

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt + Math.floor(Math.random() * 50)));

function reasonOf(e: unknown, endpoint: string): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return `no answer from ${endpoint} in time`;
  const cause = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return `cannot reach ${endpoint} (${cause})`;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of the first <name>…</name> in an S3 XML error body. */
function xmlField(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m?.[1].replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]);
}
