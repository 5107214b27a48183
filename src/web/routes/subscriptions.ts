import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { digestSecret, SUBSCRIPTION_PATHS } from '../../digest/links.ts';
import { describeIssues, EmailInput, PreferencesInput } from '../../digest/preferences.ts';
import { requestSubscription } from '../../digest/subscribe.ts';
import { emailTag, InvalidTokenError, signToken, verifyToken, type TokenPurpose } from '../../digest/tokens.ts';
import { confirmSubscriber, getSubscriber, unsubscribe, updatePreferences } from '../../store/subscribers.ts';
import type { SubscriberRow } from '../../db/schema.ts';
import type { SafeHtml } from '../html.ts';
import { langOf, rememberLang, sendPage } from '../pages/layout.ts';
import { pagePath } from '../pages/public-nav.ts';
import {
  checkInboxPage,
  confirmedPage,
  DEFAULT_VALUES,
  preferencesPage,
  problemPage,
  subscribePage,
  unsubscribedPage,
  unsubscribePage,
  type FormChoices,
  type FormValues,
} from '../pages/subscribe.ts';
import { regionChoices } from '../region-choices.ts';

const TokenQuery = z.object({ token: z.string().min(10).max(2000) });
/** What a subscribe request carries (JSON or a form), as the API document shows it. */
const SubscribeBody = PreferencesInput.extend({ email: z.string().describe('the address to confirm and send digests to') });

/** Subscription requests a client may make in 10 minutes, whatever the addresses (per address: see CONFIRMATION_LIMIT). */
const SUBSCRIBE_PER_CLIENT = { max: 10, timeWindow: 10 * 60_000 };

/**
 * Subscribe, confirm, preferences and unsubscribe. Subscribe is a public form (same origin and
 * CSRF, by security.ts); confirm, preferences and unsubscribe are authorised by the signed token
 * in their link (`signed-link`: no login, no Origin check, since a mail client's one-click POST
 * comes from no page at all). Bodies may be JSON or form posts.
 */
export function subscriptionRoutes(ctx: AppContext) {
  return async function subscriptions(app: FastifyInstance): Promise<void> {
    const secret = await digestSecret(ctx.config);
    if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
      app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, formFields(body as string)));
    }
    if (!app.hasContentTypeParser('multipart/form-data')) {
      // RFC 8058 allows the one-click POST as multipart; its only field is known, so the body is not read.
      app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, _body, done) => done(null, {}));
    }

    // The form for a browser; for a program, the CSRF token its POST must send back.
    app.get(SUBSCRIPTION_PATHS.subscribe, { config: { access: 'public' }, schema: { tags: ['subscriptions'], summary: 'The CSRF token a subscribe POST must send back (the form, to a browser)' } }, async (req, reply) => {
      if (wantsHtml(req)) return showSubscribeForm(req, reply, DEFAULT_VALUES);
      return { csrf: reply.generateCsrf() };
    });
    app.get('/subscribe', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => showSubscribeForm(req, reply, DEFAULT_VALUES));

    app.post(SUBSCRIPTION_PATHS.subscribe, { config: { access: 'public', rateLimit: SUBSCRIBE_PER_CLIENT, docs: { body: SubscribeBody } }, schema: { tags: ['subscriptions'], summary: 'Ask for a subscription: a confirmation link is mailed (same answer whatever the address)' } }, async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const email = EmailInput.safeParse(body.email);
      const prefs = PreferencesInput.safeParse({ ...body, email: undefined });
      if (!email.success || !prefs.success) {
        const problems = [email, prefs].filter((r) => !r.success).map((r) => describeIssues(r.error as z.ZodError));
        if (wantsHtml(req)) return showSubscribeForm(req, reply, formValues(body), problems.flatMap((p) => p.split('; ')), 400);
        return answer(req, reply, 400, { error: problems.join('; ') });
      }
      await requestSubscription({ db: ctx.db, mailer: ctx.mailer, secret, publicUrl: ctx.config.linkBaseUrl }, email.data, prefs.data);
      // The same answer whatever happened: whether an address is subscribed is nobody else's business.
      if (wantsHtml(req)) return sendPage(reply, checkInboxPage({ ...frame(req), email: email.data }), 202);
      return answer(req, reply, 202, { status: 'check-your-inbox', message: `If ${email.data} can receive mail, a link is on its way.` });
    });

    app.get(SUBSCRIPTION_PATHS.confirm, { config: { access: 'signed-link', docs: { querystring: TokenQuery } }, schema: { tags: ['subscriptions'], summary: 'Confirm a subscription from the link in its mail' } }, async (req, reply) => {
      const sub = await fromToken(req, 'confirm');
      const confirmed = await confirmSubscriber(ctx.db, sub.id);
      if (!confirmed) return answer(req, reply, 410, { error: 'this subscription was cancelled; subscribe again' });
      if (wantsHtml(req)) {
        const manage = signToken(secret, 'manage', { subscriberId: confirmed.id, email: confirmed.email });
        return sendPage(reply, confirmedPage({ ...frame(req, confirmed), email: confirmed.email, manageHref: `${SUBSCRIPTION_PATHS.preferences}?token=${encodeURIComponent(manage)}` }));
      }
      return answer(req, reply, 200, { status: 'confirmed', email: confirmed.email });
    });

    app.get(SUBSCRIPTION_PATHS.preferences, { config: { access: 'signed-link', docs: { querystring: TokenQuery } }, schema: { tags: ['subscriptions'], summary: 'A subscriber’s preferences, by the signed link of their digests' } }, async (req, reply) => {
      const sub = await fromToken(req, 'manage');
      if (wantsHtml(req)) return showPreferences(req, reply, sub, storedValues(sub));
      return answer(req, reply, 200, { email: sub.email, active: sub.active, preferences: preferencesOf(sub) });
    });

    app.post(SUBSCRIPTION_PATHS.preferences, { config: { access: 'signed-link', docs: { querystring: TokenQuery, body: PreferencesInput.partial() } }, schema: { tags: ['subscriptions'], summary: 'Change preferences; fields left out keep their value' } }, async (req, reply) => {
      const sub = await fromToken(req, 'manage');
      const body = (req.body ?? {}) as Record<string, unknown>;
      // A form sends no field for a list with nothing ticked: that means "all", not "as before".
      const given = isForm(req) ? { regions: [], sources: [], ...body } : body;
      const prefs = PreferencesInput.safeParse({ ...preferencesOf(sub), ...given, token: undefined });
      if (!prefs.success) {
        if (wantsHtml(req)) return showPreferences(req, reply, sub, formValues(given), { problems: describeIssues(prefs.error).split('; ') }, 400);
        return answer(req, reply, 400, { error: describeIssues(prefs.error) });
      }
      const updated = (await updatePreferences(ctx.db, sub.id, prefs.data))!;
      if (wantsHtml(req)) return showPreferences(req, reply, updated, storedValues(updated), { saved: true });
      return answer(req, reply, 200, { status: 'saved', email: updated.email, preferences: preferencesOf(updated) });
    });

    // A page with one button: a GET must not unsubscribe, since mail scanners follow links.
    app.get(SUBSCRIPTION_PATHS.unsubscribe, { config: { access: 'signed-link', docs: { querystring: TokenQuery } }, schema: { tags: ['subscriptions'], summary: 'A page with one button: a GET never unsubscribes (mail scanners follow links)' } }, async (req, reply) => {
      const sub = await fromToken(req, 'unsubscribe');
      const { token } = TokenQuery.parse(req.query);
      return sendPage(reply, unsubscribePage({ ...frame(req, sub), token, email: sub.email }));
    });

    app.post(SUBSCRIPTION_PATHS.unsubscribe, { config: { access: 'signed-link', docs: { querystring: TokenQuery } }, schema: { tags: ['subscriptions'], summary: 'Unsubscribe at once (RFC 8058 one-click POST, or the page’s button)' } }, async (req, reply) => {
      const sub = await fromToken(req, 'unsubscribe');
      await unsubscribe(ctx.db, sub.id);
      if (wantsHtml(req)) return sendPage(reply, unsubscribedPage({ ...frame(req, sub), email: sub.email }));
      return answer(req, reply, 200, { status: 'unsubscribed', email: sub.email });
    });

    app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
      if (err instanceof InvalidTokenError) return answer(req, reply, 400, { error: err.message });
      if (err instanceof z.ZodError) return answer(req, reply, 400, { error: describeIssues(err) });
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
      return answer(req, reply, status, { error: status === 500 ? 'internal error' : err.message });
    });

    /** The subscriber a link's token names, if the token is genuine and still theirs. */
    async function fromToken(req: FastifyRequest, purpose: TokenPurpose): Promise<SubscriberRow> {
      const body = (req.body ?? {}) as { token?: unknown };
      const { token } = TokenQuery.parse({ token: (req.query as { token?: unknown }).token ?? body.token });
      const { subscriberId, tag } = verifyToken(secret, token, purpose);
      const sub = await getSubscriber(ctx.db, subscriberId);
      if (!sub || emailTag(sub.email) !== tag) throw new InvalidTokenError('no such subscription');
      return sub;
    }

    function choices(): FormChoices {
      return { regions: regionChoices(ctx.sources), sources: ctx.sources.all().map((src) => ({ id: src.id, name: src.name })) };
    }

    function showSubscribeForm(req: FastifyRequest, reply: FastifyReply, values: FormValues, problems?: string[], status = 200) {
      rememberLang(req, reply);
      return sendPage(reply, subscribePage({ ...frame(req), csrf: reply.generateCsrf(), choices: choices(), values, problems }), status);
    }

    function showPreferences(req: FastifyRequest, reply: FastifyReply, sub: SubscriberRow, values: FormValues, notes: { saved?: boolean; problems?: string[] } = {}, status = 200) {
      rememberLang(req, reply);
      const { token } = TokenQuery.parse({ token: (req.query as { token?: unknown }).token ?? (req.body as { token?: unknown } | undefined)?.token });
      return sendPage(reply, preferencesPage({ ...frame(req, sub), token, email: sub.email, active: sub.active && sub.confirmed_at !== null, choices: choices(), values, ...notes }), status);
    }
  };
}

function wantsHtml(req: FastifyRequest): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

function isForm(req: FastifyRequest): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

/**
 * The page's language and path. A page reached from a subscriber's mail speaks the language they
 * chose for it, unless this browser chose one (`?lang=`, the cookie).
 */
function frame(req: FastifyRequest, sub?: SubscriberRow) {
  const chosen = (req.query as { lang?: unknown } | undefined)?.lang !== undefined || req.cookies?.lang !== undefined;
  return { lang: sub && !chosen ? sub.lang : langOf(req), path: pagePath(req.url) };
}

/** A stored subscriber's preferences as the form shows them. */
function storedValues(s: SubscriberRow): FormValues {
  return { regions: s.regions, keywords: s.keywords.join(', '), sources: s.sources, frequency: s.frequency, hour: String(s.hour), weekday: String(s.weekday), lang: s.lang };
}

/** What a form sent, shown back as typed when it had problems. */
function formValues(body: Record<string, unknown>): FormValues {
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback);
  const list = (v: unknown) => [v ?? []].flat().filter((x): x is string => typeof x === 'string');
  return {
    email: text(body.email, ''),
    regions: list(body.regions),
    keywords: list(body.keywords).join(', '),
    sources: list(body.sources),
    frequency: text(body.frequency, DEFAULT_VALUES.frequency),
    hour: text(body.hour, DEFAULT_VALUES.hour),
    weekday: text(body.weekday, DEFAULT_VALUES.weekday),
    lang: text(body.lang, DEFAULT_VALUES.lang),
  };
}

function preferencesOf(s: SubscriberRow) {
  return { regions: s.regions, keywords: s.keywords, sources: s.sources, frequency: s.frequency, hour: s.hour, weekday: s.weekday, timezone: s.timezone, lang: s.lang };
}

/** Form fields; a field given several times (regions=…&regions=…) becomes a list. */
function formFields(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const seen = out[k];
    out[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
  }
  return out;
}

/** JSON for programs; for a person's browser (a link clicked, a form posted) a page in the layout: only refusals reach here as HTML. */
function answer(req: FastifyRequest, reply: FastifyReply, status: number, body: Record<string, unknown>) {
  const accept = req.headers.accept ?? '';
  if (!accept.includes('text/html')) return reply.code(status).send(body);
  const markup: SafeHtml = problemPage({ ...frame(req), message: String(body.error ?? body.message ?? body.status) });
  return sendPage(reply, markup, status);
}
