import escapeHtml from 'escape-html';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { digestSecret, SUBSCRIPTION_PATHS } from '../../digest/links.ts';
import { describeIssues, EmailInput, PreferencesInput } from '../../digest/preferences.ts';
import { requestSubscription } from '../../digest/subscribe.ts';
import { emailTag, InvalidTokenError, verifyToken, type TokenPurpose } from '../../digest/tokens.ts';
import { confirmSubscriber, getSubscriber, unsubscribe, updatePreferences } from '../../store/subscribers.ts';
import type { SubscriberRow } from '../../db/schema.ts';

const TokenQuery = z.object({ token: z.string().min(10).max(2000) });

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

    // The CSRF token a subscribe form (or a script on our pages) sends back with its POST.
    app.get(SUBSCRIPTION_PATHS.subscribe, { config: { access: 'public' } }, async (_req, reply) => ({ csrf: reply.generateCsrf() }));

    app.post(SUBSCRIPTION_PATHS.subscribe, { config: { access: 'public', rateLimit: SUBSCRIBE_PER_CLIENT } }, async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const email = EmailInput.safeParse(body.email);
      const prefs = PreferencesInput.safeParse({ ...body, email: undefined });
      if (!email.success || !prefs.success) {
        const problems = [email, prefs].filter((r) => !r.success).map((r) => describeIssues(r.error as z.ZodError));
        return answer(req, reply, 400, { error: problems.join('; ') });
      }
      await requestSubscription({ db: ctx.db, mailer: ctx.mailer, secret, publicUrl: ctx.config.linkBaseUrl }, email.data, prefs.data);
      // The same answer whatever happened: whether an address is subscribed is nobody else's business.
      return answer(req, reply, 202, { status: 'check-your-inbox', message: `If ${email.data} can receive mail, a link is on its way.` });
    });

    app.get(SUBSCRIPTION_PATHS.confirm, { config: { access: 'signed-link' } }, async (req, reply) => {
      const sub = await fromToken(req, 'confirm');
      const confirmed = await confirmSubscriber(ctx.db, sub.id);
      if (!confirmed) return answer(req, reply, 410, { error: 'this subscription was cancelled; subscribe again' });
      return answer(req, reply, 200, { status: 'confirmed', email: confirmed.email });
    });

    app.get(SUBSCRIPTION_PATHS.preferences, { config: { access: 'signed-link' } }, async (req, reply) => {
      const sub = await fromToken(req, 'manage');
      return answer(req, reply, 200, { email: sub.email, active: sub.active, preferences: preferencesOf(sub) });
    });

    app.post(SUBSCRIPTION_PATHS.preferences, { config: { access: 'signed-link' } }, async (req, reply) => {
      const sub = await fromToken(req, 'manage');
      const prefs = PreferencesInput.safeParse({ ...preferencesOf(sub), ...((req.body ?? {}) as object), token: undefined });
      if (!prefs.success) return answer(req, reply, 400, { error: describeIssues(prefs.error) });
      const updated = (await updatePreferences(ctx.db, sub.id, prefs.data))!;
      return answer(req, reply, 200, { status: 'saved', email: updated.email, preferences: preferencesOf(updated) });
    });

    // A page with one button: a GET must not unsubscribe, since mail scanners follow links.
    app.get(SUBSCRIPTION_PATHS.unsubscribe, { config: { access: 'signed-link' } }, async (req, reply) => {
      const sub = await fromToken(req, 'unsubscribe');
      const { token } = TokenQuery.parse(req.query);
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            '退订 / Unsubscribe',
            `<p>${escapeHtml(sub.email)}</p><form method="post" action="${escapeHtml(`${SUBSCRIPTION_PATHS.unsubscribe}?token=${encodeURIComponent(token)}`)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">退订 / Unsubscribe</button></form>`,
          ),
        );
    });

    app.post(SUBSCRIPTION_PATHS.unsubscribe, { config: { access: 'signed-link' } }, async (req, reply) => {
      const sub = await fromToken(req, 'unsubscribe');
      await unsubscribe(ctx.db, sub.id);
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

/** JSON for programs, a small page for a person's browser (a link clicked, a form posted). */
function answer(req: FastifyRequest, reply: FastifyReply, status: number, body: Record<string, unknown>) {
  const accept = req.headers.accept ?? '';
  if (!accept.includes('text/html')) return reply.code(status).send(body);
  const text = String(body.error ?? body.message ?? body.status);
  return reply.code(status).type('text/html; charset=utf-8').send(page('indwatch', `<p>${escapeHtml(text)}</p>${body.email ? `<p>${escapeHtml(String(body.email))}</p>` : ''}`));
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:480px;margin:40px auto;padding:0 16px">${body}</body></html>`;
}
