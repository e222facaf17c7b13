import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, t } from '../errors/app-error.js';
import { type DbOrTx, sql } from '../db/database.js';
import { ALLOWED_MEDIA_TYPES, type MediaType, sniffMediaType } from './media-types.js';

/**
 * Content-addressed file storage: a file is stored once under its SHA-256 and
 * described in platform.files. Blobs live on disk (default) or in S3-compatible storage.
 */
export interface BlobStore {
  name: 'disk' | 's3';
  put(sha256: string, bytes: Uint8Array, mediaType: string): Promise<void>;
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}

export function diskBlobStore(root: string): BlobStore {
  const where = (sha: string) => path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  return {
    name: 'disk',
    async put(sha, bytes) {
      const file = where(sha);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file); // atomic: a reader never sees half a file
    },
    async get(sha) {
      try {
        return new Uint8Array(await fs.readFile(where(sha)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async has(sha) {
      return fs
        .access(where(sha))
        .then(() => true)
        .catch(() => false);
    },
  };
}

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  mediaType: MediaType;
  originalName: string | null;
}

export interface PutOptions {
  originalName?: string;
  createdBy?: string;
  allowed?: readonly MediaType[];
  maxBytes: number;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function storeFile(
  db: DbOrTx,
  blobs: BlobStore,
  bytes: Uint8Array,
  opts: PutOptions,
): Promise<StoredFile> {
  if (bytes.length === 0) throw new AppError('VALIDATION', t('Tệp rỗng', 'Empty file'));
  if (bytes.length > opts.maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      t(
        `Tệp vượt quá ${Math.round(opts.maxBytes / 1024 / 1024)} MB`,
        `File exceeds ${Math.round(opts.maxBytes / 1024 / 1024)} MB`,
      ),
    );
  }
  const mediaType = sniffMediaType(bytes, opts.originalName);
  const allowed = opts.allowed ?? ALLOWED_MEDIA_TYPES;
  if (!mediaType || !allowed.includes(mediaType)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      t(`Chỉ nhận: ${allowed.join(', ')}`, `Accepted types: ${allowed.join(', ')}`),
      { detected: mediaType },
    );
  }
  const sha = sha256Hex(bytes);
  if (!(await blobs.has(sha))) await blobs.put(sha, bytes, mediaType);
  await sql`
    insert into platform.files (sha256, size_bytes, media_type, original_name, storage, created_by)
    values (${sha}, ${bytes.length}, ${mediaType}, ${opts.originalName ?? null}, ${blobs.name}, ${opts.createdBy ?? null})
    on conflict (sha256) do nothing`.execute(db);
  return { sha256: sha, sizeBytes: bytes.length, mediaType, originalName: opts.originalName ?? null };
}

export async function readFile(
  db: DbOrTx,
  blobs: BlobStore,
  sha: string,
): Promise<{ file: StoredFile; bytes: Uint8Array }> {
  if (!/^[0-9a-f]{64}$/.test(sha))
    throw new AppError('VALIDATION', t('Mã tệp không hợp lệ', 'Invalid file id'));
  const r = await sql<{
    sha256: string;
    size_bytes: string;
    media_type: MediaType;
    original_name: string | null;
  }>`
    select sha256, size_bytes, media_type, original_name from platform.files where sha256 = ${sha}`.execute(
    db,
  );
  const row = r.rows[0];
  if (!row) throw new AppError('NOT_FOUND', t('Không có tệp này', 'No such file'));
  const bytes = await blobs.get(sha);
  if (!bytes)
    throw new AppError(
      'NOT_FOUND',
      t('Nội dung tệp không còn trong kho lưu trữ', 'File content missing from storage'),
    );
  if (sha256Hex(bytes) !== sha)
    throw new AppError('INTERNAL', t('Tệp bị hỏng (sai mã băm)', 'File corrupted (hash mismatch)'));
  return {
    file: {
      sha256: row.sha256,
      sizeBytes: Number(row.size_bytes),
      mediaType: row.media_type,
      originalName: row.original_name,
    },
    bytes,
  };
}
