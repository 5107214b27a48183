import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** A stable `<…@…>` id: a message sent twice is recognisably one message. */
  messageId?: string;
  /** One-click unsubscribe URL (RFC 8058): sets List-Unsubscribe and List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
}

/** The SMTP server did not take a message; `permanent` for a 5xx answer, which retrying will not change. */
export class SmtpSendError extends Error {
  readonly permanent: boolean;
  readonly responseCode?: number;
  constructor(message: string, responseCode: number | undefined, options: { cause: unknown }) {
    super(message, options);
    this.name = 'SmtpSendError';
    this.responseCode = responseCode;
    this.permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600;
  }
}

/** What nodemailer gets: the message with its headers, the subject kept to one line. */
function envelope(from: string, m: MailMessage) {
  return {
    from,
    to: m.to,
    subject: m.subject.replace(/[\r\n\t\u2028\u2029]+/g, ' '),
    html: m.html,
    text: m.text,
    messageId: m.messageId,
    ...(m.unsubscribeUrl ? { list: { unsubscribe: m.unsubscribeUrl }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
  };
}

export interface SentMail {
  transport: 'outbox' | 'smtp';
  messageId: string;
  /** The .eml file for the outbox transport; the SMTP server's answer otherwise. */
  location: string;
  /** An .html file to open in a browser, for the outbox transport. */
  preview?: string;
}

export interface Mailer {
  readonly transport: 'outbox' | 'smtp';
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

export interface MailerOptions {
  from: string;
  /** SMTP server; without one, mail is written to `outboxDir`. */
  smtpUrl?: string;
  outboxDir: string;
}

export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? smtpMailer(options.smtpUrl, options.from) : outboxMailer(options.outboxDir, options.from);
}

function smtpMailer(url: string, from: string): Mailer {
  // A small pool of kept-open connections: a digest run sends many messages in a row.
  const transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 4, maxMessages: Infinity });
  return {
    transport: 'smtp',
    async send(message) {
      try {
        const info = await transporter.sendMail(envelope(from, message));
        return { transport: 'smtp', messageId: info.messageId, location: info.response };
      } catch (err) {
        const e = err as Error & { responseCode?: number };
        throw new SmtpSendError(`SMTP server ${redact(url)} did not take the message: ${e.message}`, e.responseCode, { cause: err });
      }
    },
    close: () => transporter.close(),
  };
}

function outboxMailer(dir: string, from: string): Mailer {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    transport: 'outbox',
    async send(message) {
      const info = await transporter.sendMail(envelope(from, message));
      await fs.mkdir(dir, { recursive: true });
      const base = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${slug(message.to)}`);
      // Write under a temporary name first so a reader never sees half a message.
      await fs.writeFile(`${base}.eml.tmp`, info.message as Buffer);
      await fs.rename(`${base}.eml.tmp`, `${base}.eml`);
      await fs.writeFile(`${base}.html`, message.html);
      return { transport: 'outbox', messageId: info.messageId, location: `${base}.eml`, preview: `${base}.html` };
    },
    close: () => transporter.close(),
  };
}

function slug(address: string): string {
  return address.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'SMTP_URL';
  }
}
