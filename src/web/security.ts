import { createHash, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { hasOperatorSession } from './admin/session.ts';
import { HttpError } from './errors.ts';

/**
 * Who may call a route, set per route as `config: { access }`:
 * - `operator`: only with `Authorization: Bearer <operator token>`, or with the operator's login
 *   session (a signed cookie, src/web/admin/session.ts); a state-changing request made with the
 *   session must also carry the CSRF token, since a cookie is sent whoever made the page. An
 *   operator page (under /admin/) asked for without either redirects to the login page. The
 *   default for every state-changing method (POST, PUT, PATCH, DELETE), so a route added without
 *   thought is closed.
 * - `public`: anyone. A state-changing public route (a subscribe form) must come from our own
 *   origin and carry a CSRF token (`reply.generateCsrf()` in the page that shows the form;
 *   sent back as the `_csrf` field or an `x-csrf-token` header).
 * - `signed-link`: the route checks a signed token of its own (the subscriber endpoints:
 *   confirm, unsubscribe). No Origin or CSRF check, because RFC 8058 one-click unsubscribe
 *   POSTs come from mail providers' servers, without Origin or cookies; the signature is the
 *   authority.
 */
export type RouteAccess = 'operator' | 'public' | 'signed-link';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** How an operator request proved itself: the bearer token, or the login session (then forms need the CSRF token). */
    operatorVia: 'token' | 'session' | null;
  }
}

export interface SecurityOptions {
  config: Pick<Config, 'http' | 'publicUrl' | 'rateLimitPerMinute'>;
  /** The bearer token operator routes require. */
  operatorToken: string;
  /** Signs cookies: the operator's login session. */
  cookieSecret: string;
}

/** The content security policy of every page (bull-board's relaxes `baseUri` on its own paths). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Hosts a browser on this machine uses for a loopback server. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Installs, for every route registered afterwards: security headers, a rate limit per client
 * address, the Host allow-list, the cross-site check, the operator token check and, for
 * public forms, the CSRF token check. Call it before registering any route.
 */
export async function installSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  const { config } = options;
  await app.register(helmet, {
    // Not helmet's no-referrer: under it Chromium sends `Origin: null` with our own form posts,
    // which the cross-site check must refuse. Other sites (scraped links) still get no referrer.
    referrerPolicy: { policy: 'same-origin' },
    contentSecurityPolicy: {
      useDefaults: false,
      // Scripts only from our own /static files, never inline, so scraped text shown in a page cannot
      // run; inline styles stay allowed for the digest preview (an e-mail body styled inline).
      directives: CSP_DIRECTIVES,
    },
  });
  await app.register(rateLimit, { max: config.rateLimitPerMinute, timeWindow: 60_000 });
  // HTML forms and RFC 8058 one-click POSTs send application/x-www-form-urlencoded bodies.
  await app.register(formbody);
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(csrf, { cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: false } });

  const hosts = allowedHosts(config);
  const token = digest(options.operatorToken);

  app.decorateRequest('operatorVia', null);
  app.addHook('onRequest', async (req, reply) => {
    const host = req.headers.host ?? '';
    if (!hostAllowed(app, hosts, host)) refuse(req, 421, `unknown Host "${host}": this server answers to ${[...hosts.names].join(', ')}`);
    const safe = SAFE_METHODS.has(req.method);
    if (!safe && accessOf(req) !== 'signed-link') requireSameOrigin(app, req, hosts);
    if (accessOf(req) !== 'operator') return;
    req.operatorVia = operatorOf(req, token);
    if (req.operatorVia) return;
    if (safe && isOperatorPage(req)) return reply.redirect(`/admin/login?next=${encodeURIComponent(req.url)}`);
    reply.header('www-authenticate', 'Bearer realm="indwatch"');
    refuse(req, 401, 'this needs the operator token: send "Authorization: Bearer <token>" (INDWATCH_OPERATOR_TOKEN, or the file secrets/operator-token in the data folder), or log in at /admin/login');
  });

  // After the body is parsed, so a form's `_csrf` field is read; a failure is sent by the plugin itself.
  app.addHook('preHandler', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method)) return done();
    const access = accessOf(req);
    if (access === 'public' || (access === 'operator' && req.operatorVia === 'session')) return app.csrfProtection(req, reply, done);
    done();
  });
}

function accessOf(req: FastifyRequest): RouteAccess {
  return req.routeOptions.config?.access ?? (SAFE_METHODS.has(req.method) ? 'public' : 'operator');
}

interface AllowedHosts {
  /** Host names (lower case, IPv6 in brackets). */
  names: Set<string>;
  /** Ports a client may name besides the one the server listens on. */
  ports: Set<string>;
}

function allowedHosts(config: SecurityOptions['config']): AllowedHosts {
  const names = new Set(LOOPBACK_NAMES);
  const bound = config.http.host;
  // A wildcard address is not a name anyone can reach the server by.
  if (bound && bound !== '0.0.0.0' && bound !== '::') names.add(bound.includes(':') ? `[${bound}]` : bound.toLowerCase());
  const ports = new Set<string>();
  if (config.publicUrl) {
    const url = new URL(config.publicUrl);
    names.add(url.hostname.toLowerCase());
    ports.add(url.port || (url.protocol === 'https:' ? '443' : '80'));
  }
  return { names, ports };
}

/** A `Host:` (or Origin's host) naming us: an allowed name and, once listening, our port. */
function hostAllowed(app: FastifyInstance, hosts: AllowedHosts, host: string): boolean {
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  // Anything the URL parser had to reinterpret (user info, a path, odd spacing) is not a plain host[:port].
  if (url.host !== host.toLowerCase() && `${url.host}:80` !== host.toLowerCase()) return false;
  if (!hosts.names.has(url.hostname)) return false;
  const address = app.server.address();
  // Under inject() nothing listens: the name is all there is to check.
  if (!address || typeof address === 'string') return true;
  const port = url.port || '80';
  return port === String(address.port) || hosts.ports.has(port);
}

/**
 * A browser says where a request comes from (Sec-Fetch-Site, Origin); a state-changing request
 * from another site, or from an opaque origin, is refused. Clients that are not browsers
 * (curl, the CLI) send neither and are judged by their token.
 */
function requireSameOrigin(app: FastifyInstance, req: FastifyRequest, hosts: AllowedHosts): void {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') refuse(req, 403, `cross-site request refused (Sec-Fetch-Site: ${site})`);
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string | undefined;
  try {
    const url = new URL(origin);
    if (url.protocol === 'http:' || url.protocol === 'https:') host = url.host;
  } catch {
    host = undefined;
  }
  if (!host || !hostAllowed(app, hosts, host)) refuse(req, 403, `cross-site request refused (Origin: ${origin})`);
}

function operatorOf(req: FastifyRequest, token: Buffer): FastifyRequest['operatorVia'] {
  const header = req.headers.authorization ?? '';
  const given = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (given && timingSafeEqual(digest(given), token)) return 'token';
  return hasOperatorSession(req) ? 'session' : null;
}

/** The operator's HTML pages, which send a browser to the login page rather than answer 401. */
function isOperatorPage(req: FastifyRequest): boolean {
  return req.url === '/admin' || req.url.startsWith('/admin/');
}

/** Equal-length digests, so comparing them takes the same time whatever was sent. */
export function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function refuse(req: FastifyRequest, status: number, message: string): never {
  req.log.warn({ reqId: req.id, ip: req.ip, method: req.method, url: req.url, status }, `refused: ${message}`);
  throw new HttpError(status, message);
}
