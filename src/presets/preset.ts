/** Selectors shared by every site built on one CMS; a source's own fields win over them. */
export interface Preset {
  description: string;
  list: { item: string; link?: string; title?: string; date?: string };
  article: { title?: string; date?: string; body?: string; remove?: string[] };
  /**
   * What on a list or article page shows it belongs to the family (for `sources new`), or null.
   * A URL alone is no evidence: many CMSs copy each other's paths.
   */
  detect: (html: string) => string | null;
}
