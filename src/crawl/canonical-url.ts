/** Query parameters that only track where a click came from or who is clicking; dropping them keeps one URL per page. */
const TRACKING_PARAMS = new Set([
  'spm', 'from', 'share', 'share_token', 'sharesource', 'scene', 'isappinstalled', 'wfr', 'tt_from', 'tt_from_source',
  'fbclid', 'gclid', 'yclid', 'mc_cid', 'mc_eid', 'wt.mc_id',
  'jsessionid', 'phpsessid', 'sessionid', 'session_id', 'sessid', 'sid', 'aspsessionid', 'cfid', 'cftoken',
]);

const DEFAULT_INDEX = /\/(index|default)\.(html?|shtml|jsp|php|aspx?)$/i;
// Java and ASP servlet containers put the session in the path: /a.html;jsessionid=…
const PATH_SESSION = /;(jsessionid|phpsessid|sid)=[^/?]*$/i;

/**
 * The one URL a page is stored under: lower-case scheme and host, no default port, no fragment,
 * no tracking or session parameters, sorted query, no doubled slashes, and `dir/index.html`
 * written as `dir/`.
 */
export function canonicalUrl(input: string, base?: string): string {
  const url = new URL(input.trim(), base);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  url.pathname = url.pathname.replace(/\/{2,}/g, '/').replace(PATH_SESSION, '').replace(DEFAULT_INDEX, '/');
  const kept = [...url.searchParams].filter(([k]) => !isTracking(k));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}

function isTracking(key: string): boolean {
  const k = key.toLowerCase();
  return TRACKING_PARAMS.has(k) || k.startsWith('utm_') || k.startsWith('aspsessionid');
}
