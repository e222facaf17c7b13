import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * AWS Signature Version 4 for S3 (header-based, payload hash in `x-amz-content-sha256`).
 * The same pieces sign requests in the S3 blob store and verify them in the local S3 simulator,
 * and the unit tests hold them to the examples published by AWS.
 */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export const hashHex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Uint8Array, data: string) =>
  createHmac('sha256', key).update(data, 'utf8').digest();

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

/** RFC 3986 encoding as S3 wants it: every byte but A-Z a-z 0-9 - _ . ~ (and '/' in paths) as %XX. */
export function uriEncode(value: string, keepSlash: boolean): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The canonical query string from decoded name/value pairs: encoded, sorted by name then value. */
export function canonicalQuery(params: Iterable<[string, string]>): string {
  return [...params]
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? compare(av, bv) : compare(ak, bk)))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Header values are trimmed and inner runs of spaces collapsed to one. */
const canonicalValue = (v: string) => v.trim().replace(/ +/g, ' ');

export interface CanonicalRequestInput {
  method: string;
  /** The decoded path, e.g. `/bucket/sha256/ab/cd/abcd…`; encoded here (S3 encodes it once). */
  path: string;
  query: Iterable<[string, string]>;
  /** Header names in any case; only those in `signedHeaders` are used. */
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
}

export function canonicalRequest(r: CanonicalRequestInput): string {
  const lower = new Map(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const names = r.signedHeaders.map((h) => h.toLowerCase()).sort(compare);
  const headerLines = names.map((n) => `${n}:${canonicalValue(lower.get(n) ?? '')}\n`).join('');
  return [
    r.method.toUpperCase(),
    uriEncode(r.path || '/', true),
    canonicalQuery(r.query),
    headerLines,
    names.join(';'),
    r.payloadHash,
  ].join('\n');
}

export const credentialScope = (date: string, region: string, service: string) =>
  `${date}/${region}/${service}/aws4_request`;

export const stringToSign = (amzDate: string, scope: string, canonical: string) =>
  [ALGORITHM, amzDate, scope, hashHex(canonical)].join('\n');

export const signatureOf = (key: Uint8Array, toSign: string) => hmac(key, toSign).toString('hex');

/** `20130524T000000Z` from a Date. */
export const amzDateOf = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface SignInput {
  method: string;
  url: URL;
  /** Headers to send and sign besides host, x-amz-date and x-amz-content-sha256. */
  headers?: Record<string, string>;
  payloadHash: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service?: string;
  now?: Date;
}

export interface Signed {
  /** Every header to send (host is set by the HTTP client from the URL). */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

/** Signs a request; the caller sends `headers` as they are. */
export function signRequest(input: SignInput): Signed {
  const service = input.service ?? 's3';
  const amzDate = amzDateOf(input.now ?? new Date());
  const date = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    'x-amz-content-sha256': input.payloadHash,
    'x-amz-date': amzDate,
  };
  const toSign = { ...headers, host: input.url.host };
  const signedHeaders = Object.keys(toSign).sort(compare);
  const canonical = canonicalRequest({
    method: input.method,
    path: decodeURIComponent(input.url.pathname),
    query: input.url.searchParams,
    headers: toSign,
    signedHeaders,
    payloadHash: input.payloadHash,
  });
  const scope = credentialScope(date, input.region, service);
  const sts = stringToSign(amzDate, scope, canonical);
  const signature = signatureOf(signingKey(input.secretAccessKey, date, input.region, service), sts);
  headers.authorization =
    `${ALGORITHM} Credential=${input.accessKeyId}/${scope}, ` +
    `SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return { headers, canonicalRequest: canonical, stringToSign: sts, signature };
}

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; null when malformed. */
export function parseAuthorization(header: string): ParsedAuthorization | null {
  if (!header.startsWith(`${ALGORITHM} `)) return null;
  const parts = new Map<string, string>();
  for (const piece of header.slice(ALGORITHM.length + 1).split(',')) {
    const eq = piece.indexOf('=');
    if (eq < 0) return null;
    parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const credential = parts.get('Credential')?.split('/');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (credential?.length !== 5 || !signedHeaders || !signature) return null;
  const [accessKeyId, date, region, service, terminator] = credential;
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders: signedHeaders.split(';'),
    signature,
  };
}

/** Constant-time comparison of two hex signatures. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
