import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ALGORITHM,
  canonicalRequest,
  credentialScope,
  hashHex,
  parseAuthorization,
  sameSignature,
  signatureOf,
  signingKey,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from './sigv4.js';

/**
 * A local, in-memory stand-in for S3 (path-style object PUT/GET/HEAD/DELETE) for tests and demos.
 * It checks requests the way S3 does: the SigV4 Authorization header is recomputed from what
 * actually arrived on the wire, the payload is hashed and compared with x-amz-content-sha256,
 * the clock skew is bounded, and failures are answered with S3's status codes and XML error bodies.
 */
export interface S3SimulatorOptions {
  accessKeyId: string;
  secretAccessKey: string;
  buckets: string[];
  /** The region requests must be signed for (default us-east-1). */
  region?: string;
  /** Largest accepted object (default 64 MiB). */
  maxObjectBytes?: number;
}

export interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

export interface S3Simulator {
  /** `http://127.0.0.1:<port>`; use with path-style URLs. */
  endpoint: string;
  close(): Promise<void>;
  /** An object as stored, for assertions. */
  object(bucket: string, key: string): StoredObject | undefined;
  /** Answers the next `count` requests with this error before looking at them (e.g. 503 SlowDown). */
  failNext(count: number, status?: number, code?: string): void;
  /** Every request seen: method, decoded path, status answered and S3 error code if any. */
  readonly requests: { method: string; path: string; status: number; code?: string }[];
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

class S3Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function startS3Simulator(options: S3SimulatorOptions): Promise<S3Simulator> {
  const region = options.region ?? 'us-east-1';
  const maxObjectBytes = options.maxObjectBytes ?? 64 * 1024 * 1024;
  const buckets = new Map(options.buckets.map((b) => [b, new Map<string, StoredObject>()]));
  const requests: S3Simulator['requests'] = [];
  let faults: { count: number; status: number; code: string } | null = null;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxObjectBytes) chunks.push(c);
    });
    req.on('end', () => {
      const requestId = randomBytes(8).toString('hex').toUpperCase();
      const path = safeDecode((req.url ?? '/').split('?')[0]);
      const log = {
        method: req.method ?? '',
        path: path ?? req.url ?? '',
        status: 200,
        code: undefined as string | undefined,
      };
      requests.push(log);
      res.setHeader('x-amz-request-id', requestId);
      res.setHeader('x-amz-id-2', randomBytes(24).toString('base64'));
      try {
        if (faults && faults.count > 0) {
          faults.count--;
          throw new S3Failure(faults.status, faults.code, 'Injected failure.');
        }
        if (size > maxObjectBytes) {
          throw new S3Failure(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
        }
        const body = Buffer.concat(chunks);
        authenticate(req, path, body);
        route(req, res, path!, body);
        log.status = res.statusCode;
      } catch (e) {
        const f =
          e instanceof S3Failure
            ? e
            : new S3Failure(500, 'InternalError', 'We encountered an internal error.');
        log.status = f.status;
        log.code = f.code;
        sendError(req, res, f, path ?? '', requestId);
      }
    });
  });

  function authenticate(req: http.IncomingMessage, path: string | null, body: Buffer) {
    if (path === null) throw new S3Failure(400, 'InvalidURI', "Couldn't parse the specified URI.");
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    if (query.has('X-Amz-Algorithm')) {
      throw new S3Failure(501, 'NotImplemented', 'Presigned URLs are not supported by this simulator.');
    }
    const header = req.headers.authorization;
    if (!header) throw new S3Failure(403, 'AccessDenied', 'Access Denied');
    if (!header.startsWith(`${ALGORITHM} `)) {
      throw new S3Failure(
        400,
        'InvalidRequest',
        'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
      );
    }
    const auth = parseAuthorization(header);
    if (!auth) {
      throw new S3Failure(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
    }
    if (auth.accessKeyId !== options.accessKeyId) {
      throw new S3Failure(
        403,
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        {
          AWSAccessKeyId: auth.accessKeyId,
        },
      );
    }
    const amzDate = headerValue(req, 'x-amz-date');
    const when = amzDate ? parseAmzDate(amzDate) : null;
    if (!amzDate || !when) {
      throw new S3Failure(
        403,
        'AccessDenied',
        'AWS authentication requires a valid Date or x-amz-date header',
      );
    }
    if (auth.date !== amzDate.slice(0, 8)) {
      throw new S3Failure(
        400,
        'AuthorizationHeaderMalformed',
        `The authorization header is malformed; Invalid credential date "${auth.date}". This date is not the same as X-Amz-Date: "${amzDate.slice(0, 8)}".`,
      );
    }
    if (auth.region !== region) {
      throw new S3Failure(
        400,
        'AuthorizationHeaderMalformed',
        `The authorization header is malformed; the region '${auth.region}' is wrong; expecting '${region}'`,
        { Region: region },
      );
    }
    if (auth.service !== 's3' || auth.terminator !== 'aws4_request') {
      throw new S3Failure(
        400,
        'AuthorizationHeaderMalformed',
        `The authorization header is malformed; incorrect service "${auth.service}" or terminal "${auth.terminator}".`,
      );
    }
    const now = new Date();
    if (Math.abs(now.getTime() - when.getTime()) > MAX_SKEW_MS) {
      throw new S3Failure(
        403,
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
        {
          RequestTime: amzDate,
          ServerTime: now.toISOString(),
          MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
        },
      );
    }
    const signed = new Set(auth.signedHeaders);
    const unsigned = Object.keys(req.headers).filter((h) => h.startsWith('x-amz-') && !signed.has(h));
    if (!signed.has('host') || unsigned.length > 0) {
      throw new S3Failure(
        403,
        'AccessDenied',
        'There were headers present in the request which were not signed',
        {
          HeadersNotSigned: unsigned.join(', ') || 'host',
        },
      );
    }
    const claimed = headerValue(req, 'x-amz-content-sha256');
    if (!claimed) {
      throw new S3Failure(
        400,
        'InvalidRequest',
        'Missing required header for this request: x-amz-content-sha256',
      );
    }
    if (claimed.startsWith('STREAMING-')) {
      throw new S3Failure(
        501,
        'NotImplemented',
        'Chunked (streaming) uploads are not supported by this simulator.',
      );
    }
    if (claimed !== UNSIGNED_PAYLOAD && !HEX_SHA256.test(claimed)) {
      throw new S3Failure(
        400,
        'InvalidArgument',
        'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-… or a valid sha256 value.',
      );
    }
    const headers = Object.fromEntries(auth.signedHeaders.map((h) => [h, headerValue(req, h) ?? '']));
    const canonical = canonicalRequest({
      method: req.method ?? 'GET',
      path,
      query,
      headers,
      signedHeaders: auth.signedHeaders,
      payloadHash: claimed,
    });
    const toSign = stringToSign(amzDate, credentialScope(auth.date, auth.region, auth.service), canonical);
    const expected = signatureOf(
      signingKey(options.secretAccessKey, auth.date, auth.region, auth.service),
      toSign,
    );
    if (!sameSignature(expected, auth.signature)) {
      throw new S3Failure(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        {
          AWSAccessKeyId: auth.accessKeyId,
          StringToSign: toSign,
          SignatureProvided: auth.signature,
          CanonicalRequest: canonical,
        },
      );
    }
    if (claimed !== UNSIGNED_PAYLOAD) {
      const computed = hashHex(body);
      if (computed !== claimed) {
        throw new S3Failure(
          400,
          'XAmzContentSHA256Mismatch',
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
          {
            ClientComputedContentSHA256: claimed,
            S3ComputedContentSHA256: computed,
          },
        );
      }
    }
  }

  function route(req: http.IncomingMessage, res: http.ServerResponse, path: string, body: Buffer) {
    const [, bucketName = '', ...rest] = path.split('/');
    const key = rest.join('/');
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    query.delete('x-id');
    if (!bucketName)
      throw new S3Failure(501, 'NotImplemented', 'Listing buckets is not supported by this simulator.');
    const bucket = buckets.get(bucketName);
    if (!bucket)
      throw new S3Failure(404, 'NoSuchBucket', 'The specified bucket does not exist', {
        BucketName: bucketName,
      });
    if (!key) {
      if (req.method === 'HEAD' && [...query].length === 0) return void res.end();
      throw new S3Failure(
        501,
        'NotImplemented',
        'Bucket operations other than HEAD are not supported by this simulator.',
      );
    }
    if ([...query].length > 0 || req.headers['x-amz-copy-source']) {
      throw new S3Failure(
        501,
        'NotImplemented',
        'Sub-resources, multipart uploads and copies are not supported by this simulator.',
      );
    }
    switch (req.method) {
      case 'PUT': {
        if (req.headers['content-length'] === undefined) {
          throw new S3Failure(
            411,
            'MissingContentLength',
            'You must provide the Content-Length HTTP header.',
          );
        }
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        const contentType = headerValue(req, 'content-type') ?? 'binary/octet-stream';
        bucket.set(key, { body, contentType, etag, lastModified: new Date() });
        res.setHeader('ETag', etag);
        return void res.end();
      }
      case 'GET':
      case 'HEAD': {
        const object = bucket.get(key);
        if (!object) throw new S3Failure(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
        const range = rangeOf(headerValue(req, 'range'), object.body.length);
        const part = range ? object.body.subarray(range[0], range[1] + 1) : object.body;
        res.statusCode = range ? 206 : 200;
        if (range) res.setHeader('Content-Range', `bytes ${range[0]}-${range[1]}/${object.body.length}`);
        res.setHeader('Content-Type', object.contentType);
        res.setHeader('Content-Length', part.length);
        res.setHeader('ETag', object.etag);
        res.setHeader('Last-Modified', object.lastModified.toUTCString());
        res.setHeader('Accept-Ranges', 'bytes');
        return void res.end(req.method === 'GET' ? part : undefined);
      }
      case 'DELETE':
        bucket.delete(key);
        res.statusCode = 204;
        return void res.end();
      default:
        throw new S3Failure(
          405,
          'MethodNotAllowed',
          'The specified method is not allowed against this resource.',
          {
            Method: req.method ?? '',
            ResourceType: 'OBJECT',
          },
        );
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    object: (bucket, key) => buckets.get(bucket)?.get(key),
    failNext(count, status = 503, code = 'SlowDown') {
      faults = { count, status, code };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendError(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  f: S3Failure,
  path: string,
  requestId: string,
) {
  res.statusCode = f.status;
  if (req.method === 'HEAD') return void res.end(); // S3 sends no body with HEAD, errors included
  const fields = { Code: f.code, Message: f.message, ...f.extra, Resource: path, RequestId: requestId };
  const inner = Object.entries(fields)
    .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
    .join('');
  res.setHeader('Content-Type', 'application/xml');
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error>${inner}</Error>`);
}

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function headerValue(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function parseAmzDate(s: string): Date | null {
  const m = AMZ_DATE.exec(s);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An inclusive byte range from `bytes=a-b`, `bytes=a-` or `bytes=-n`; null to send it all. */
function rangeOf(header: string | undefined, size: number): [number, number] | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null; // S3 ignores what it cannot parse
  if (m[1] === '') {
    const n = Math.min(Number(m[2]), size);
    if (n === 0) throw new S3Failure(416, 'InvalidRange', 'The requested range is not satisfiable');
    return [size - n, size - 1];
  }
  const start = Number(m[1]);
  if (start >= size) throw new S3Failure(416, 'InvalidRange', 'The requested range is not satisfiable');
  return [start, m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)];
}
