/** What choosing a story's primary article looks at. */
export interface PlaceRank {
  id: number;
  url: string;
  mirror: boolean;
  length: number;
  publishedAt: Date | null;
  fetchedAt: Date;
}

/** Texts within this share of each other's length count as equally full. */
const SAME_LENGTH = 0.1;

/** Government hosts publish the releases that newspapers and portals re-run. */
export function isOfficialUrl(url: string): boolean {
  return /(^|\.)gov\.cn$/i.test(new URL(url).hostname);
}

function tier(p: PlaceRank): number {
  if (p.mirror) return 0;
  return isOfficialUrl(p.url) ? 2 : 1;
}

/** Negative when `a` should be the story's primary rather than `b`. */
export function comparePlaces(a: PlaceRank, b: PlaceRank): number {
  const t = tier(b) - tier(a);
  if (t) return t;
  if (Math.abs(a.length - b.length) > SAME_LENGTH * Math.max(a.length, b.length)) return b.length - a.length;
  const when = (p: PlaceRank) => (p.publishedAt ?? p.fetchedAt).getTime();
  return when(a) - when(b) || a.fetchedAt.getTime() - b.fetchedAt.getTime() || a.id - b.id;
}

/** The official source before a mirror, the fuller text before a shorter one, the earlier before the later. */
export function choosePrimary<T extends PlaceRank>(places: T[]): T {
  return places.reduce((best, p) => (comparePlaces(p, best) < 0 ? p : best));
}
