import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, type HtmlValue } from '../html.ts';
import { langOf, page, rememberLang, sendPage, type Lang, type NavLink, type Phrase } from '../pages/layout.ts';

/** The operator's navigation. */
export const ADMIN_NAV: readonly NavLink[] = [
  { href: '/admin/sources', label: { zh: '信息源', en: 'Sources' } },
  { href: '/admin/sources/new', label: { zh: '添加信息源', en: 'Add a source' } },
  { href: '/admin/subscribers', label: { zh: '订阅者', en: 'Subscribers' } },
  { href: '/admin/queues', label: { zh: '队列', en: 'Queues' } },
];

const LOGOUT: Phrase = { zh: '退出登录', en: 'Log out' };

export interface AdminPage {
  title: Phrase;
  /** Builds the body in the request's language; `csrf` goes into every form that changes state. */
  body: (lang: Lang, csrf: string) => HtmlValue;
  scripts?: readonly string[];
  status?: number;
}

/** An operator page: the shared frame, the operator's navigation and a logout button. */
export function sendAdminPage(req: FastifyRequest, reply: FastifyReply, p: AdminPage): FastifyReply {
  const lang = langOf(req);
  rememberLang(req, reply);
  const csrf = reply.generateCsrf();
  const body = html`<form class="logout" method="post" action="/admin/logout"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="secondary">${LOGOUT[lang]}</button></form>
${p.body(lang, csrf)}`;
  return sendPage(reply, page({ lang, title: p.title[lang], body, nav: ADMIN_NAV, path: req.url, scripts: p.scripts }), p.status);
}

/** A moment in the operator's time zone, to the minute. */
export function when(d: Date | string | null | undefined, timezone: string): string {
  if (!d) return '—';
  const date = typeof d === 'string' ? new Date(d) : d;
  return date.toLocaleString('sv-SE', { timeZone: timezone, hour12: false }).slice(0, 16);
}
