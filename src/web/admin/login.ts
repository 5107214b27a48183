import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { html } from '../html.ts';
import { langOf, page, rememberLang, sendPage, type Phrase } from '../pages/layout.ts';
import { digest } from '../security.ts';
import { endOperatorSession, hasOperatorSession, startOperatorSession } from './session.ts';

const T = {
  title: { zh: '运营者登录', en: 'Operator login' },
  password: { zh: '密码或运营者令牌', en: 'Password or operator token' },
  submit: { zh: '登录', en: 'Log in' },
  wrong: { zh: '密码不对。', en: 'That is not the password.' },
} satisfies Record<string, Phrase>;

const LoginForm = z.object({ password: z.string().max(1000).default(''), next: z.string().max(2000).optional() });

/** Only our own operator pages as the place to return to after logging in: never another site. */
function nextPage(next: string | undefined): string {
  return next && /^\/admin(\/|$|\?)/.test(next) && !next.startsWith('//') ? next : '/admin/sources';
}

/**
 * The operator's login: the password (INDWATCH_OPERATOR_PASSWORD, else the operator token) gives a
 * signed session cookie. The form carries a CSRF token and the route is rate-limited per client.
 */
export function registerLoginRoutes(app: FastifyInstance, options: { config: Pick<Config, 'loginPerMinute' | 'sessionHours' | 'operatorPassword' | 'publicUrl'>; operatorToken: string }): void {
  const expected = digest(options.config.operatorPassword ?? options.operatorToken);

  const form = (req: FastifyRequest, reply: FastifyReply, failed: boolean, next: string) => {
    const lang = langOf(req);
    rememberLang(req, reply);
    const body = html`${failed ? html`<p class="error" role="alert">${T.wrong[lang]}</p>` : ''}
<form class="stack" method="post" action="/admin/login">
<input type="hidden" name="_csrf" value="${reply.generateCsrf()}">
<input type="hidden" name="next" value="${next}">
<label>${T.password[lang]}<input type="password" name="password" autocomplete="current-password" required autofocus></label>
<button type="submit">${T.submit[lang]}</button>
</form>`;
    return sendPage(reply, page({ lang, title: T.title[lang], body, path: req.url }), failed ? 401 : 200);
  };

  app.get('/admin/login', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const next = nextPage((req.query as { next?: string }).next);
    if (hasOperatorSession(req)) return reply.redirect(next);
    return form(req, reply, false, next);
  });

  app.post(
    '/admin/login',
    { config: { access: 'public', rateLimit: { max: options.config.loginPerMinute, timeWindow: 60_000 } }, schema: { hide: true } },
    async (req, reply) => {
      const { password, next } = LoginForm.parse(req.body ?? {});
      if (!password || !timingSafeEqual(digest(password), expected)) {
        req.log.warn({ reqId: req.id, ip: req.ip }, 'operator login refused: wrong password');
        return form(req, reply, true, nextPage(next));
      }
      startOperatorSession(reply, options.config.sessionHours, options.config.publicUrl?.startsWith('https:') ?? false);
      req.log.info({ reqId: req.id, ip: req.ip }, 'operator logged in');
      return reply.redirect(nextPage(next), 303);
    },
  );

  app.post('/admin/logout', { config: { access: 'operator' }, schema: { hide: true } }, async (_req, reply) => {
    endOperatorSession(reply);
    return reply.redirect('/admin/login', 303);
  });
}
