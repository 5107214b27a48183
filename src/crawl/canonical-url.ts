/** Query parameters that only track where a click came from; dropping them keeps one URL per page. */
const TRACKING_PARAMS = new Set([
  'spm', 'from', 'share', 'share_token', 'sharesource', 'scene', 'isappinstalled',
  'fbclid', 'gclid', 'yclid', 'mc_cid', 'mc_eid', 'jsessionid', 'phpsessid', 'sessionid',
]);

const DEFAULT_INDEX = /\/(index|default)\.(html?|shtml|jsp|php|aspx?)$/i;

/**
 * The one URL a page is stored under: lower-case scheme and host, no default port, no fragment,
 * no tracking parameters, sorted query, and `dir/index.html` written as `dir/`.
 */
export function canonicalUrl(input: string, base?: string): string {
  const url = new URL(input, base);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  url.pathname = url.pathname.replace(/;jsessionid=[^/]*$/i, '').replace(DEFAULT_INDEX, '/');
  const kept = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.has(k.toLowerCase()) && !/^utm_/i.test(k));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}
