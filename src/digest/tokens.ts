import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a link in a mail may do; a token for one purpose never works for another. */
export type TokenPurpose = 'confirm' | 'manage' | 'unsubscribe';

/** How long each kind of link works: a confirmation briefly, the links in digests for a year. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  confirm: 3 * 86_400_000,
  manage: 365 * 86_400_000,
  unsubscribe: 365 * 86_400_000,
};

export class InvalidTokenError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`this link is not valid: ${reason}`, options);
    this.name = 'InvalidTokenError';
  }
}

const Payload = z.object({ p: z.enum(['confirm', 'manage', 'unsubscribe']), s: z.number().int(), h: z.string(), x: z.number().int() });

export interface TokenSubject {
  subscriberId: number;
  email: string;
}

/** A short digest of the address: a token stops working when its subscriber row now holds another address. */
export function emailTag(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 12);
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`indwatch-digest.${body}`).digest();
}

/** `<payload>.<HMAC-SHA256>`, both base64url: safe in a URL, unforgeable without the secret. */
export function signToken(secret: string, purpose: TokenPurpose, subject: TokenSubject, now = new Date()): string {
  const body = Buffer.from(
    JSON.stringify({ p: purpose, s: subject.subscriberId, h: emailTag(subject.email), x: Math.floor((now.getTime() + TOKEN_LIFETIME_MS[purpose]) / 1000) }),
  ).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The subscriber id and address tag a token names, if it is genuine, unexpired and for `purpose`. */
export function verifyToken(secret: string, token: string, purpose: TokenPurpose, now = new Date()): { subscriberId: number; tag: string } {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) throw new InvalidTokenError('malformed');
  const given = Buffer.from(sig, 'base64url');
  const want = mac(secret, body);
  if (given.length !== want.length || !timingSafeEqual(given, want)) throw new InvalidTokenError('bad signature');
  let payload: z.infer<typeof Payload>;
  try {
    payload = Payload.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch (err) {
    throw new InvalidTokenError('malformed', { cause: err });
  }
  if (payload.p !== purpose) throw new InvalidTokenError(`made for ${payload.p}, not ${purpose}`);
  if (payload.x * 1000 < now.getTime()) throw new InvalidTokenError('expired');
  return { subscriberId: payload.s, tag: payload.h };
}
