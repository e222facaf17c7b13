/**
 * Detects a file's type from its first bytes (never from the name or the client's claim).
 */
export const ALLOWED_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'text/plain',
  'application/json',
] as const;
export type MediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

export function sniffMediaType(bytes: Uint8Array, nameHint?: string): MediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An OOXML package names its main part early in the archive.
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
    if (head.includes('word/'))
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return null;
  }
  if (isUtf8Text(bytes)) {
    const text = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').trimStart();
    if (text.startsWith('{') || text.startsWith('[')) return 'application/json';
    if (nameHint?.toLowerCase().endsWith('.csv')) return 'text/csv';
    return 'text/plain';
  }
  return null;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length < bytes.length ? trimPartial(sample) : sample,
    );
    return true;
  } catch {
    return false;
  }
}

/** Drops a trailing, cut-off UTF-8 sequence from a sample. */
function trimPartial(b: Uint8Array): Uint8Array {
  const end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i];
    if ((c & 0xc0) === 0xc0) return b.subarray(0, end - i);
    if ((c & 0x80) === 0) break;
  }
  return b;
}
