import { load, type CheerioAPI } from 'cheerio';

/** Parses HTML with htmlparser2: several times faster than parse5 and as forgiving of broken markup. */
export function loadHtml(html: string): CheerioAPI {
  return load(html, { xml: { xmlMode: false, decodeEntities: true } });
}

/** Collapses runs of whitespace (including ideographic and no-break spaces). */
export function clean(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}
