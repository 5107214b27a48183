import escapeHtml from 'escape-html';

/**
 * Markup that is safe to send: made by the `html` template (which escapes every value it is
 * given) or by `trusted` for the app's own constant markup. Pages are built only from these, so
 * scraped text reaches a page escaped unless someone writes `trusted(scraped)`, which a reviewer sees.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A value a template may hold: escaped text, nested markup, or lists of either (joined). */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

/** Tagged template: `html\`<p>${title}</p>\`` escapes `title`; `false`, null and undefined render nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** The app's own markup, as is. Never pass scraped or user-given text. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A link target for an address that came from outside (a scraped article's URL): only http(s)
 * survives, so `javascript:` and `data:` never become clickable.
 */
export function safeHref(url: string | null | undefined): string {
  if (!url) return '#';
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '#';
  } catch {
    return '#';
  }
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
