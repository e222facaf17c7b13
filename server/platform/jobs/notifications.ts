import nodemailer from 'nodemailer';
import { type Db, type DbOrTx, sql } from '../db/database.js';
import { enqueueJob } from './outbox.js';
import type { JobHandler } from './outbox.js';

/**
 * Notifications go through the outbox (topic 'notify') to an adapter: the log adapter
 * by default (records the message in platform.notifications and the log), SMTP when
 * SMTP_URL is configured. Delivery is at least once; the notifications table keeps
 * one row per idempotency key so a retried job does not send twice once recorded.
 */
export interface NotificationMessage {
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  body: string;
}

export interface NotificationAdapter {
  name: string;
  send(msg: NotificationMessage): Promise<void>;
}

export const logAdapter = (log: { info: (o: object, m: string) => void }): NotificationAdapter => ({
  name: 'log',
  async send(msg) {
    log.info({ channel: msg.channel, to: msg.to, subject: msg.subject }, 'notification (log adapter)');
  },
});

export const smtpAdapter = (url: string, from: string): NotificationAdapter => {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(msg) {
      if (msg.channel !== 'email') throw new Error(`SMTP adapter cannot send ${msg.channel}`);
      await transport.sendMail({ from, to: msg.to, subject: msg.subject ?? '', text: msg.body });
    },
  };
};

export async function queueNotification(db: DbOrTx, msg: NotificationMessage, idempotencyKey: string) {
  return enqueueJob(db, 'notify', { ...msg }, { idempotencyKey: `notify:${idempotencyKey}` });
}

export function notificationHandler(adapter: NotificationAdapter): JobHandler {
  return async ({ db, job }) => {
    const key = job.idempotency_key ?? `job:${job.id}`;
    if (await alreadySent(db, key)) return;
    const msg = job.payload as unknown as NotificationMessage;
    await adapter.send(msg);
    await sql`
      insert into platform.notifications (idempotency_key, channel, recipient, subject, body, adapter)
      values (${key}, ${msg.channel}, ${msg.to}, ${msg.subject ?? null}, ${msg.body}, ${adapter.name})
      on conflict (idempotency_key) do nothing`.execute(db);
  };
}

async function alreadySent(db: Db, key: string) {
  const r = await sql`select 1 from platform.notifications where idempotency_key = ${key}`.execute(db);
  return r.rows.length > 0;
}
