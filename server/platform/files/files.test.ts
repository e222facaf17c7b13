import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import type { Database } from '../db/database.js';
import { diskBlobStore, readFile, sha256Hex, storeFile } from './file-store.js';
import { sniffMediaType } from './media-types.js';

describe('content-addressed files', () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-files-'));
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF');

  it('stores a file once under its SHA-256 and reads it back', async () => {
    const blobs = diskBlobStore(dir);
    const a = await storeFile(database.db, blobs, pdf, { originalName: 'to-khai.pdf', maxBytes: 1024 });
    const b = await storeFile(database.db, blobs, pdf, { originalName: 'ban-sao.pdf', maxBytes: 1024 });
    expect(a.sha256).toBe(sha256Hex(pdf));
    expect(b.sha256).toBe(a.sha256);
    expect(a.mediaType).toBe('application/pdf');
    const back = await readFile(database.db, blobs, a.sha256);
    expect(Buffer.from(back.bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it('refuses empty, oversize and disallowed files with clear errors', async () => {
    const blobs = diskBlobStore(dir);
    await expect(storeFile(database.db, blobs, new Uint8Array(), { maxBytes: 10 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(storeFile(database.db, blobs, pdf, { maxBytes: 10 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    await expect(storeFile(database.db, blobs, exe, { maxBytes: 1024 })).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    await expect(
      storeFile(database.db, blobs, pdf, { maxBytes: 1024, allowed: ['image/png'] }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('detects a file corrupted on disk', async () => {
    const blobs = diskBlobStore(dir);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const f = await storeFile(database.db, blobs, png, { maxBytes: 1024 });
    const where = path.join(dir, f.sha256.slice(0, 2), f.sha256.slice(2, 4), f.sha256);
    fs.writeFileSync(where, 'tampered');
    await expect(readFile(database.db, blobs, f.sha256)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('sniffing never throws and never calls binary data text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const t = sniffMediaType(bytes);
        if (bytes.includes(0) && t !== null)
          expect(['application/pdf', 'image/png', 'image/jpeg']).toContain(t);
      }),
    );
  });
});
