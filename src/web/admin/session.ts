import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { loadSecret, type Secret } from '../../secrets.ts';

/** The file under `<dataDir>/secrets/` with the key that signs cookies (the operator's session). */
export const COOKIE_SECRET = 'cookie-secret';
/** The cookie that carries the operator's login. */
export const SESSION_COOKIE = 'indwatch_operator';

/** The key that signs cookies: generated once into the data folder, so sessions outlive a restart. */
export function loadCookieSecret(config: Pick<Config, 'dataDir'>): Promise<Secret> {
  return loadSecret(config.dataDir, COOKIE_SECRET);
}

/**
 * Logs the operator in: a signed cookie holding when the session ends. Nothing is kept on the
 * server, so a session ends at its time or when its cookie is cleared (logout); changing the
 * secret file ends every session.
 */
export function startOperatorSession(reply: FastifyReply, hours: number, secure: boolean): void {
  const until = Date.now() + hours * 3_600_000;
  reply.setCookie(SESSION_COOKIE, `operator.${until}`, {
    signed: true,
    httpOnly: true,
    sameSite: 'strict',
    // Only over HTTPS when users reach us by an https:// address (behind a proxy); plain http on loopback otherwise.
    secure,
    path: '/',
    maxAge: Math.round(hours * 3600),
  });
}

export function endOperatorSession(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** A session cookie signed by us and not yet expired. */
export function hasOperatorSession(req: FastifyRequest): boolean {
  const raw = req.cookies?.[SESSION_COOKIE];
  if (!raw) return false;
  const { valid, value } = req.unsignCookie(raw);
  const until = valid && value ? /^operator\.(\d+)$/.exec(value)?.[1] : undefined;
  return until !== undefined && Number(until) > Date.now();
}
