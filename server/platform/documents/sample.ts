import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newVerificationCode } from './codes.js';
import { loadSigningKeys } from './keys.js';
import { buildDocument } from './render.js';
import { signDocument } from './sign.js';
import { dateInWords, formatDateFigures } from './text.js';
import type { DocumentSpec } from './types.js';

/**
 * A sample birth certificate (Giấy khai sinh-like layout) with a long name and every kind of
 * block, for looking at the layout and for tests.
 *
 *   npx tsx server/platform/documents/sample.ts out.pdf [dataDir] [publicUrl]
 *
 * writes a signed PDF; keys are generated in (or reused from) `<dataDir>/keys/`, by default
 * a fresh temporary directory whose CA certificate path is printed.
 */
export function sampleBirthCertificate(): DocumentSpec {
  const born = '2026-03-05';
  return {
    docType: 'civil-status.birth-certificate',
    issuer: { name: 'ỦY BAN NHÂN DÂN\nXÃ TIÊN DU' },
    numberLines: ['Số: 125', 'Quyển số: 01/2026'],
    title: 'Giấy khai sinh',
    subtitle: '(Bản chính)',
    blocks: [
      { kind: 'field', label: 'Họ, chữ đệm, tên', value: 'NGUYỄN THỊ HUỲNH NHƯ Ý', public: 'maskName' },
      { kind: 'field', label: 'Ngày, tháng, năm sinh', value: formatDateFigures(born) },
      { kind: 'field', label: 'Ghi bằng chữ', value: capitalize(dateInWords(born)) },
      { kind: 'field', label: 'Giới tính', value: 'Nữ' },
      { kind: 'field', label: 'Dân tộc', value: 'Kinh' },
      { kind: 'field', label: 'Quốc tịch', value: 'Việt Nam' },
      {
        kind: 'field',
        label: 'Nơi sinh',
        value: 'Bệnh viện Đa khoa tỉnh Bắc Ninh, số 10 đường Nguyễn Quyền, Phường Võ Cường, Tỉnh Bắc Ninh',
      },
      { kind: 'field', label: 'Quê quán', value: 'Xã Tiên Du, Tỉnh Bắc Ninh' },
      { kind: 'field', label: 'Số định danh cá nhân', value: '027326001234', public: 'maskId' },
      { kind: 'heading', text: 'Thông tin về cha, mẹ' },
      { kind: 'field', label: 'Họ, chữ đệm, tên người mẹ', value: 'HUỲNH THỊ THÚY HẰNG' },
      { kind: 'field', label: 'Năm sinh; dân tộc; quốc tịch', value: '1998; Kinh; Việt Nam' },
      { kind: 'field', label: 'Nơi cư trú', value: 'Thôn Đình Cả, Xã Tiên Du, Tỉnh Bắc Ninh' },
      { kind: 'field', label: 'Họ, chữ đệm, tên người cha', value: 'NGUYỄN VĂN ĐỨC' },
      { kind: 'field', label: 'Năm sinh; dân tộc; quốc tịch', value: '1995; Kinh; Việt Nam' },
      { kind: 'field', label: 'Nơi cư trú', value: 'Thôn Đình Cả, Xã Tiên Du, Tỉnh Bắc Ninh' },
      { kind: 'space' },
      {
        kind: 'field',
        label: 'Họ, chữ đệm, tên, giấy tờ tùy thân của người đi đăng ký khai sinh',
        value: 'NGUYỄN VĂN ĐỨC, Căn cước số 027095004321',
      },
      {
        kind: 'field',
        label: 'Nơi đăng ký khai sinh',
        value: 'Ủy ban nhân dân xã Tiên Du, tỉnh Bắc Ninh',
        public: 'full',
      },
      { kind: 'field', label: 'Ngày, tháng, năm đăng ký', value: '23/11/2026', public: 'full' },
    ],
    placeDate: { place: 'Tiên Du', date: '2026-11-23' },
    signature: { onBehalf: 'KT. CHỦ TỊCH', post: 'PHÓ CHỦ TỊCH', name: 'Trần Thị Bích Ngọc' },
  };
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

async function main(): Promise<void> {
  const [out, dataDirArg, publicUrl = 'https://tuphap.bacninh.gov.vn'] = process.argv.slice(2);
  if (!out) {
    console.error('Usage: npx tsx server/platform/documents/sample.ts <out.pdf> [dataDir] [publicUrl]');
    process.exit(2);
  }
  const dataDir = dataDirArg ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-sample-'));
  const keys = await loadSigningKeys({ dataDir });
  const code = newVerificationCode();
  const doc = await buildDocument(sampleBirthCertificate(), {
    verification: { code, url: `${publicUrl}/xac-minh/${code}` },
    digitallySigned: true,
  });
  const pdf = await signDocument(doc, keys, {
    reason: 'Cấp giấy khai sinh (bản mẫu)',
    location: 'Xã Tiên Du, Tỉnh Bắc Ninh',
    name: 'Ủy ban nhân dân xã Tiên Du',
  });
  fs.writeFileSync(out, pdf);
  console.log(`${out}: ${pdf.length} bytes, verification code ${code}`);
  console.log(`keys: ${keys.source}${keys.caPemPath ? `, CA certificate ${keys.caPemPath}` : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
