/** What the operator is warned of about a source, from its recent crawls. */
export type SourceWarning =
  | { kind: 'quiet'; days: number; usualDays: number }
  | { kind: 'never'; crawls: number }
  | { kind: 'selectors'; message: string }
  | { kind: 'failing'; crawls: number };

/** A finished crawl as the check reads it (newest first). */
export interface RunOutcome {
  startedAt: Date;
  status: string;
  summary: Record<string, unknown> | null;
}

const DAY = 86_400_000;
/** Silence longer than this many times the usual gap between finds is worth a look. */
const QUIET_FACTOR = 2;
/** …but never less than this, so a source that finds something daily is not flagged after a quiet weekend day. */
const MIN_QUIET_DAYS = 3;
/** Crawls that found nothing at all before a source with no finds is flagged. */
const NEVER_AFTER = 3;

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * Warnings for one source from its recent runs, newest first: found nothing for longer than
 * usual (compared with the gaps between its earlier finds), never found anything, the last crawl
 * saying its list selectors match nothing (a site redesign), or crawls failing in a row.
 */
export function sourceWarnings(runs: readonly RunOutcome[], now = new Date()): SourceWarning[] {
  const finished = runs.filter((r) => r.status !== 'running' && r.summary);
  const warnings: SourceWarning[] = [];
  const last = finished[0];
  if (last) {
    const listWarnings = (Array.isArray(last.summary!.warnings) ? last.summary!.warnings : []).map(String).filter((w) => w.startsWith('list page '));
    const listed = num(last.summary!.newArticles) + num(last.summary!.alreadySeen) + num(last.summary!.notModified) + num(last.summary!.skippedEarlier);
    if (listWarnings.length) warnings.push({ kind: 'selectors', message: listWarnings[0]! });
    else if (num(last.summary!.listPages) > 0 && listed === 0) warnings.push({ kind: 'selectors', message: 'the list pages were read but no article links matched the list selectors' });
  }
  let failing = 0;
  for (const r of finished) {
    if (r.status !== 'error') break;
    failing++;
  }
  if (failing >= 2) warnings.push({ kind: 'failing', crawls: failing });

  const finds = finished.filter((r) => num(r.summary!.newArticles) > 0).map((r) => r.startedAt.getTime());
  if (!finds.length) {
    if (finished.length >= NEVER_AFTER) warnings.push({ kind: 'never', crawls: finished.length });
    return warnings;
  }
  const gaps = finds.slice(0, -1).map((t, i) => t - finds[i + 1]!).sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)]! : null;
  const silent = now.getTime() - finds[0]!;
  const limit = Math.max(MIN_QUIET_DAYS * DAY, (usual ?? 0) * QUIET_FACTOR);
  if (usual !== null && silent > limit) warnings.push({ kind: 'quiet', days: Math.floor(silent / DAY), usualDays: Math.max(1, Math.round(usual / DAY)) });
  return warnings;
}
