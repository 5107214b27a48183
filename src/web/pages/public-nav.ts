import type { NavLink } from './layout.ts';

/** The header links of every subscriber-side page. */
export const PUBLIC_NAV: readonly NavLink[] = [
  { href: '/stories', label: { zh: '报告', en: 'Stories' } },
  { href: '/figures', label: { zh: '数据', en: 'Figures' } },
  { href: '/subscribe', label: { zh: '订阅', en: 'Subscribe' } },
];

/** How a figure's kind reads in each language. */
export const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  growth: { zh: '增速', en: 'growth' },
  amount: { zh: '总量', en: 'amount' },
  share: { zh: '占比', en: 'share' },
  gap: { zh: '差距', en: 'gap' },
  rank: { zh: '位次', en: 'rank' },
};

/** The request's path and query without `lang`, for the layout's language switch (which adds its own). */
export function pagePath(url: string): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.delete('lang');
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

/** Query fields a form sent empty (`?region=&since=`): not chosen, so dropped before checking. */
export function withoutEmpty(query: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const kept = Array.isArray(v) ? v.filter((x) => x !== '') : v;
    if (kept !== '' && !(Array.isArray(kept) && !kept.length)) out[k] = kept;
  }
  return out;
}
