import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  port: number;
  received: ParsedMail[];
  /** Messages for one address, as its inbox would show them. */
  inbox(address: string): ParsedMail[];
  /** While set, a message is held (its DATA unanswered) until `release` is called. */
  hold: boolean;
  /** Resolves with the next message the server holds. */
  nextHeld(): Promise<void>;
  release(): void;
  /** Addresses refused for good at RCPT TO (550). */
  refuse: Set<string>;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on loopback that keeps every message it accepts. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const held: (() => void)[] = [];
  const waiters: (() => void)[] = [];
  const state: TestSmtp = {
    url: '',
    port: 0,
    received: [],
    inbox: (address) => state.received.filter((m) => m.to && 'text' in m.to && m.to.text === address),
    hold: false,
    nextHeld: () => new Promise<void>((resolve) => waiters.push(resolve)),
    release: () => {
      for (const r of held.splice(0)) r();
    },
    refuse: new Set(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.refuse.has(address.address)) {
        const err = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const accept = () => {
          state.received.push(mail);
          callback();
        };
        if (!state.hold) return accept();
        held.push(accept);
        for (const w of waiters.splice(0)) w();
      }, callback);
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}?ignoreTLS=true`;
  return state;
}
