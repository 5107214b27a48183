import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpCounter {
  url: string;
  /** Messages accepted per recipient address. */
  perRecipient: Map<string, number>;
  /** When each message was accepted (ms since the epoch), in order. */
  acceptedAt: number[];
  /** The first message accepted, raw, to read back as a mail client would. */
  sample: Buffer | null;
  close(): Promise<void>;
}

/**
 * An SMTP server on loopback that accepts everything and only counts: parsing ten thousand
 * digests would cost the test process more than the services it measures.
 */
export async function startSmtpCounter(): Promise<SmtpCounter> {
  const state: SmtpCounter = { url: '', perRecipient: new Map(), acceptedAt: [], sample: null, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (!state.sample) chunks.push(c);
      });
      stream.on('end', () => {
        state.acceptedAt.push(Date.now());
        for (const r of session.envelope.rcptTo) state.perRecipient.set(r.address, (state.perRecipient.get(r.address) ?? 0) + 1);
        if (!state.sample) state.sample = Buffer.concat(chunks);
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?ignoreTLS=true`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
