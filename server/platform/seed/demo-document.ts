import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../audit/index.js';
import { issueDocument, verificationUrl } from '../documents/index.js';
import type { Kernel } from '../kernel.js';
import { DEMO_COMMUNE } from './demo-seed.js';

/**
 * A sample signed document in the demo, so the public verification page and the QR can be
 * tried at once. Written to DATA_DIR/demo/giay-xac-nhan-mau.pdf; its code goes into
 * DATA_DIR/demo-document.json. Issued once per data dir.
 */
export interface DemoDocument {
  code: string;
  url: string;
  file: string;
}

export async function seedDemoDocument(kernel: Kernel): Promise<DemoDocument> {
  const record = path.join(kernel.env.dataDir, 'demo-document.json');
  if (fs.existsSync(record)) return JSON.parse(fs.readFileSync(record, 'utf8')) as DemoDocument;
  const issued = await kernel.db.transaction().execute(async (tx) => {
    const doc = await issueDocument(tx, kernel.signer, {
      docType: 'demo.certificate',
      issuerUnitId: DEMO_COMMUNE,
      issuedBy: 'demo-seed',
      document: {
        issuer: { parent: 'ỦY BAN NHÂN DÂN', name: 'PHƯỜNG KINH BẮC' },
        numberLines: ['Số: 01/2026/GXN'],
        title: 'Giấy xác nhận (mẫu minh hoạ)',
        subtitle: '(Văn bản mẫu của hệ thống Tư pháp số, không có giá trị pháp lý)',
        blocks: [
          { kind: 'paragraph', text: 'Ủy ban nhân dân phường Kinh Bắc xác nhận:', indent: true },
          { kind: 'field', label: 'Họ, chữ đệm, tên', value: 'NGUYỄN THỊ HUỲNH NHƯ Ý', public: 'maskName' },
          {
            kind: 'field',
            label: 'Ngày, tháng, năm sinh',
            value: '05/09/2001 (Ngày năm, tháng chín, năm hai nghìn không trăm linh một)',
          },
          { kind: 'field', label: 'Số định danh cá nhân', value: '027301004561', public: 'maskId' },
          {
            kind: 'field',
            label: 'Nội dung xác nhận',
            value: 'Văn bản mẫu dùng để thử chức năng xác minh bằng mã QR.',
            public: 'full',
          },
        ],
        placeDate: { place: 'Bắc Ninh', date: new Date() },
        signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', post: 'CHỦ TỊCH', name: 'Trần Minh Đức' },
      },
    });
    await appendAudit(tx, {
      actorKind: 'system',
      unitId: DEMO_COMMUNE,
      action: 'document.issued',
      objectType: 'document',
      objectId: doc.code,
      details: { docType: 'demo.certificate' },
    });
    return doc;
  });
  const file = path.join(kernel.env.dataDir, 'demo', 'giay-xac-nhan-mau.pdf');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, issued.pdf);
  const out: DemoDocument = {
    code: issued.code,
    url: verificationUrl(kernel.env.publicUrl, issued.code),
    file,
  };
  fs.writeFileSync(record, JSON.stringify(out, null, 2));
  return out;
}
