import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import { type Database, sql } from '../db/database.js';
import { readFile, sha256Hex, storeFile } from './file-store.js';
import { S3Error, s3BlobStore, s3KeyOf } from './s3-blob-store.js';
import { type S3Simulator, startS3Simulator } from './s3-simulator.js';
import { EMPTY_PAYLOAD_SHA256, hashHex, signatureOf, signingKey, signRequest } from './sigv4.js';

// Example credentials from the AWS documentation (never real keys).
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('AWS Signature V4 against the published AWS examples', () => {
  it('derives the signing key of the IAM example (20150830, us-east-1, iam)', () => {
    const key = signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'iam');
    expect(key.toString('hex')).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
    const toSign = [
      'AWS4-HMAC-SHA256',
      '20150830T123600Z',
      '20150830/us-east-1/iam/aws4_request',
      'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59',
    ].join('\n');
    expect(signatureOf(key, toSign)).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
  });

  it('signs the S3 documentation GET Object example (Range header, empty payload)', () => {
    const signed = signRequest({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_PAYLOAD_SHA256,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET,
      region: 'us-east-1',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('signs the S3 documentation PUT Object example (encoded key, payload hash)', () => {
    const body = new TextEncoder().encode('Welcome to Amazon S3.');
    const signed = signRequest({
      method: 'PUT',
      url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash: hashHex(body),
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET,
      region: 'us-east-1',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(signed.headers['x-amz-content-sha256']).toBe(
      '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    );
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/test%24file.text');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });
});

describe('S3 blob store against the local S3 simulator', () => {
  let database: Database;
  let sim: S3Simulator;
  const config = () => ({
    endpoint: sim.endpoint,
    bucket: 'tuphap-files',
    region: 'us-east-1',
    accessKeyId: ACCESS_KEY,
    secretAccessKey: SECRET,
  });
  const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF');

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await startS3Simulator({
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET,
      buckets: ['tuphap-files'],
    });
  });
  afterAll(async () => {
    await sim?.close();
    await database?.close();
  });

  it('stores through storeFile and reads back through readFile, once per content', async () => {
    const blobs = s3BlobStore(config());
    const sha = sha256Hex(pdf);
    expect(await blobs.has(sha)).toBe(false);
    const before = sim.requests.length;
    const a = await storeFile(database.db, blobs, pdf, { originalName: 'to-khai.pdf', maxBytes: 1024 });
    expect(sim.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 404', 'PUT 200']);
    const stored = sim.object('tuphap-files', `sha256/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`);
    expect(stored?.contentType).toBe('application/pdf');
    expect(s3KeyOf(sha)).toBe(`sha256/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`);

    const again = sim.requests.length;
    const b = await storeFile(database.db, blobs, pdf, { originalName: 'ban-sao.pdf', maxBytes: 1024 });
    expect(b.sha256).toBe(a.sha256);
    expect(sim.requests.slice(again).map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 200']);
    expect(await blobs.has(sha)).toBe(true);

    const back = await readFile(database.db, blobs, a.sha256);
    expect(Buffer.from(back.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(back.file.mediaType).toBe('application/pdf');
    const row = await sql<{
      storage: string;
    }>`select storage from platform.files where sha256 = ${sha}`.execute(database.db);
    expect(row.rows).toEqual([{ storage: 's3' }]);
  });

  it('answers null / false for an object that is not there', async () => {
    const blobs = s3BlobStore(config());
    const missing = 'f'.repeat(64);
    expect(await blobs.get(missing)).toBeNull();
    expect(await blobs.has(missing)).toBe(false);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch and says what to check', async () => {
    const blobs = s3BlobStore({ ...config(), secretAccessKey: `${SECRET}x` });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
    const err = await storeFile(database.db, blobs, png, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(S3Error);
    expect(err).toMatchObject({ s3Code: 'SignatureDoesNotMatch', httpStatus: 403 });
    expect((err as Error).message).toMatch(/403 SignatureDoesNotMatch .*check S3_SECRET_ACCESS_KEY/);
    await expect(blobs.get(sha256Hex(png))).rejects.toMatchObject({ s3Code: 'SignatureDoesNotMatch' });
    expect(sim.object('tuphap-files', s3KeyOf(sha256Hex(png)))).toBeUndefined();
  });

  it('refuses an unknown access key, a missing bucket and a wrong region with their S3 codes', async () => {
    const sha = sha256Hex(pdf);
    await expect(s3BlobStore({ ...config(), accessKeyId: 'AKIAWRONG' }).get(sha)).rejects.toMatchObject({
      s3Code: 'InvalidAccessKeyId',
      message: expect.stringContaining('check S3_ACCESS_KEY_ID'),
    });
    await expect(s3BlobStore({ ...config(), bucket: 'no-such-bucket' }).get(sha)).rejects.toMatchObject({
      s3Code: 'NoSuchBucket',
      httpStatus: 404,
    });
    await expect(s3BlobStore({ ...config(), region: 'ap-southeast-1' }).has(sha)).rejects.toMatchObject({
      s3Code: 'AuthorizationHeaderMalformed',
    });
  });

  it('refuses a body that does not match the signed payload hash, and a hash changed after signing', async () => {
    const url = new URL(`${sim.endpoint}/tuphap-files/${s3KeyOf('a'.repeat(64))}`);
    const real = new TextEncoder().encode('bản quét gốc');
    const tampered = new TextEncoder().encode('bản quét sửa');
    const sign = (payloadHash: string, now?: Date) =>
      signRequest({
        method: 'PUT',
        url,
        payloadHash,
        accessKeyId: ACCESS_KEY,
        secretAccessKey: SECRET,
        region: 'us-east-1',
        now,
      });

    const swappedBody = await fetch(url, {
      method: 'PUT',
      headers: sign(hashHex(real)).headers,
      body: tampered,
    });
    expect(swappedBody.status).toBe(400);
    const xml = await swappedBody.text();
    expect(xml).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
    expect(xml).toContain(`<S3ComputedContentSHA256>${hashHex(tampered)}</S3ComputedContentSHA256>`);

    const headers = { ...sign(hashHex(real)).headers, 'x-amz-content-sha256': hashHex(tampered) };
    const swappedHash = await fetch(url, { method: 'PUT', headers, body: tampered });
    expect(swappedHash.status).toBe(403);
    expect(await swappedHash.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

    const stale = await fetch(url, {
      method: 'PUT',
      headers: sign(hashHex(real), new Date(Date.now() - 20 * 60_000)).headers,
      body: real,
    });
    expect(stale.status).toBe(403);
    expect(await stale.text()).toContain('<Code>RequestTimeTooSkewed</Code>');

    const unsigned = await fetch(url, {
      method: 'PUT',
      headers: { ...sign(hashHex(real)).headers, 'x-amz-meta-x': '1' },
      body: real,
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<HeadersNotSigned>x-amz-meta-x</HeadersNotSigned>');

    expect(sim.object('tuphap-files', s3KeyOf('a'.repeat(64)))).toBeUndefined();
  });

  it('retries a throttled request and reports an unreachable endpoint clearly', async () => {
    const blobs = s3BlobStore(config());
    sim.failNext(2, 503, 'SlowDown');
    expect(await blobs.get(sha256Hex(pdf))).not.toBeNull();
    sim.failNext(3, 503, 'SlowDown');
    await expect(blobs.get(sha256Hex(pdf))).rejects.toMatchObject({ s3Code: 'SlowDown', httpStatus: 503 });

    const closed = await startS3Simulator({
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET,
      buckets: ['tuphap-files'],
    });
    await closed.close();
    const gone = s3BlobStore({ ...config(), endpoint: closed.endpoint, retries: 0 });
    await expect(gone.has(sha256Hex(pdf))).rejects.toMatchObject({
      s3Code: 'NetworkError',
      message: expect.stringContaining(`cannot reach ${closed.endpoint}`),
    });
  });

  it('serves byte ranges and deletes objects like S3', async () => {
    const sha = sha256Hex(pdf);
    const url = new URL(`${sim.endpoint}/tuphap-files/${s3KeyOf(sha)}`);
    const send = (method: string, headers: Record<string, string> = {}) =>
      fetch(url, {
        method,
        headers: signRequest({
          method,
          url,
          headers,
          payloadHash: EMPTY_PAYLOAD_SHA256,
          accessKeyId: ACCESS_KEY,
          secretAccessKey: SECRET,
          region: 'us-east-1',
        }).headers,
      });
    const part = await send('GET', { range: 'bytes=0-3' });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('%PDF');
    expect(part.headers.get('content-range')).toBe(`bytes 0-3/${pdf.length}`);
    expect((await send('DELETE')).status).toBe(204);
    const gone = await send('GET');
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('<Code>NoSuchKey</Code>');
    expect(await s3BlobStore(config()).get(sha)).toBeNull();
  });
});
