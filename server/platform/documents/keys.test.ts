import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { DEV_CA_NAME, KEY_FILES, loadSigningKeys } from './keys.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-keys-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('signing keys', () => {
  it('generates a development CA and signing certificate once, then reuses them', async () => {
    const dataDir = tempDir();
    const first = await loadSigningKeys({ dataDir, authorityName: 'Ủy ban nhân dân xã Tiên Du' });
    expect(first.source).toBe('generated');
    expect(first.generationMs).toBeLessThan(5000);

    const keysDir = path.join(dataDir, KEY_FILES.dir);
    expect(fs.readdirSync(keysDir).sort()).toEqual(
      [KEY_FILES.caPem, KEY_FILES.p12, KEY_FILES.password].sort(),
    );
    expect(fs.statSync(path.join(keysDir, KEY_FILES.password)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(keysDir, KEY_FILES.p12)).mode & 0o777).toBe(0o600);

    const ca = new X509Certificate(fs.readFileSync(path.join(keysDir, KEY_FILES.caPem)));
    expect(ca.subject).toContain(`CN=${DEV_CA_NAME}`);
    expect(ca.ca).toBe(true);
    expect(first.certificate.issuer).toContain(`CN=${DEV_CA_NAME}`);
    expect(first.certificate.subject).toContain('CN=Ủy ban nhân dân xã Tiên Du');
    expect(first.caPemPath).toBe(path.join(keysDir, KEY_FILES.caPem));

    const p12Before = fs.readFileSync(path.join(keysDir, KEY_FILES.p12));
    const second = await loadSigningKeys({ dataDir });
    expect(second.source).toBe('existing');
    expect(second.generationMs).toBeUndefined();
    expect(second.certificate.sha256Fingerprint).toBe(first.certificate.sha256Fingerprint);
    expect(fs.readFileSync(path.join(keysDir, KEY_FILES.p12)).equals(p12Before)).toBe(true);
  });

  it('ends with one key when two callers start generating at the same time', async () => {
    const dataDir = tempDir();
    const [a, b] = await Promise.all([loadSigningKeys({ dataDir }), loadSigningKeys({ dataDir })]);
    expect(a.certificate.sha256Fingerprint).toBe(b.certificate.sha256Fingerprint);
    expect([a.source, b.source].sort()).toEqual(['existing', 'generated']);
    expect(fs.readdirSync(dataDir)).toEqual(['keys']);
  });

  it('uses a configured PKCS#12 file and password instead of generating', async () => {
    const source = tempDir();
    const generated = await loadSigningKeys({ dataDir: source });
    const p12Path = path.join(source, 'keys', KEY_FILES.p12);
    const dataDir = tempDir();
    const keys = await loadSigningKeys({ dataDir, p12Path, p12Password: generated.passphrase });
    expect(keys.source).toBe('configured');
    expect(keys.certificate.sha256Fingerprint).toBe(generated.certificate.sha256Fingerprint);
    expect(fs.existsSync(path.join(dataDir, 'keys'))).toBe(false);
  });

  it('says clearly when the password is wrong or the file is missing', async () => {
    const source = tempDir();
    await loadSigningKeys({ dataDir: source });
    const p12Path = path.join(source, 'keys', KEY_FILES.p12);
    const wrong = loadSigningKeys({ dataDir: source, p12Path, p12Password: 'not-it' });
    await expect(wrong).rejects.toBeInstanceOf(AppError);
    await expect(wrong).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      detail: { vi: expect.stringContaining('sai mật khẩu') },
    });
    const missing = loadSigningKeys({ dataDir: source, p12Path: path.join(source, 'none.p12') });
    await expect(missing).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('adds its files to an existing keys directory without touching other files', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'keys'));
    fs.writeFileSync(path.join(dataDir, 'keys', 'README'), 'other keys');
    const keys = await loadSigningKeys({ dataDir });
    expect(keys.source).toBe('generated');
    expect(fs.readFileSync(path.join(dataDir, 'keys', 'README'), 'utf8')).toBe('other keys');
    expect((await loadSigningKeys({ dataDir })).source).toBe('existing');
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('.keys-'))).toEqual([]);
  });
});
