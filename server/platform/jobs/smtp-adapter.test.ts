import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpAdapter } from './notifications.js';

/**
 * The SMTP adapter against a minimal SMTP server (RFC 5321 commands: EHLO, MAIL, RCPT, DATA, QUIT)
 * listening on 127.0.0.1, which records what it receives.
 */
interface Received {
  from: string;
  to: string[];
  data: string;
}

function startSmtpServer() {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 tuphap-test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          reply('250 2.0.0 queued');
          continue;
        }
        const i = buffer.indexOf('\r\n');
        if (i < 0) return;
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') {
          reply('250 tuphap-test');
        } else if (verb === 'MAIL') {
          current.from = line.slice(10).trim();
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          current.to.push(line.slice(8).trim());
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else if (verb === 'RSET' || verb === 'NOOP') {
          reply('250 ok');
        } else {
          reply('502 5.5.2 not implemented');
        }
      }
    });
  });
  return new Promise<{ port: number; received: Received[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        received,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}

describe('SMTP notification adapter', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  it('delivers an e-mail with a Vietnamese subject and body', async () => {
    const adapter = smtpAdapter(
      `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`,
      'Tư pháp số <no-reply@tuphap.test>',
    );
    await adapter.send({
      channel: 'email',
      to: 'cong.dan@example.vn',
      subject: 'Hồ sơ đã có kết quả',
      body: 'Kính gửi ông/bà Nguyễn Văn An: hồ sơ khai sinh đã có kết quả.',
    });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.from).toContain('no-reply@tuphap.test');
    expect(mail.to.join()).toContain('cong.dan@example.vn');
    expect(mail.data).toMatch(/^Subject: =\?UTF-8\?/m); // encoded-word: the diacritics survive transport
    expect(mail.data).toContain('Content-Type: text/plain; charset=utf-8');
  });

  it('refuses an SMS, which SMTP cannot carry', async () => {
    const adapter = smtpAdapter(`smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, 'no-reply@tuphap.test');
    await expect(adapter.send({ channel: 'sms', to: '0912345678', body: 'x' })).rejects.toThrow(
      /cannot send sms/,
    );
  });
});
