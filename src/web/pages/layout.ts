import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, type HtmlValue, type SafeHtml } from '../html.ts';

/** The interface languages: Chinese by default, English on request. Scraped text is never translated. */
export type Lang = 'zh' | 'en';

/** One phrase in both languages; pages keep their own phrases next to the markup that uses them. */
export interface Phrase {
  zh: string;
  en: string;
}

const LANG_COOKIE = 'lang';

/**
 * The language of this request: `?lang=en|zh` chooses (and the caller remembers it with
 * `rememberLang`), then the `lang` cookie, then Chinese.
 */
export function langOf(req: FastifyRequest): Lang {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  if (asked === 'en' || asked === 'zh') return asked;
  return req.cookies?.[LANG_COOKIE] === 'en' ? 'en' : 'zh';
}

/** Keeps a language chosen by `?lang=` for the next pages. */
export function rememberLang(req: FastifyRequest, reply: FastifyReply): void {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  if (asked === 'en' || asked === 'zh') reply.setCookie(LANG_COOKIE, asked, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
}

export function say(lang: Lang, phrase: Phrase): string {
  return phrase[lang];
}

/** A navigation entry in the page header. */
export interface NavLink {
  href: string;
  label: Phrase;
}

export interface PageOptions {
  lang: Lang;
  /** The `<title>` and the page's heading. */
  title: string;
  body: HtmlValue;
  /** Header links: the public pages' or the operator's. */
  nav?: readonly NavLink[];
  /** The current path, for the language switch links. */
  path: string;
  /** Scripts of the app's own, from /static (the content security policy allows no inline script). */
  scripts?: readonly string[];
}

/** The frame every page shares: one style sheet, a header with navigation and the language switch. */
export function page(options: PageOptions): SafeHtml {
  const { lang, title, body, nav = [], path, scripts = [] } = options;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const switchHref = `${path}${path.includes('?') ? '&' : '?'}lang=${other}`;
  return html`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · indwatch</title>
<link rel="stylesheet" href="/static/app.css">
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<header class="top"><a class="brand" href="/">indwatch</a><nav>${nav.map((link) => html`<a href="${link.href}">${link.label[lang]}</a>`)}</nav><a class="lang" href="${switchHref}">${other === 'en' ? 'English' : '中文'}</a></header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

/** Sends a page as HTML. */
export function sendPage(reply: FastifyReply, markup: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(markup.value);
}
