/** Selectors shared by every site built on one CMS; a source's own fields win over them. */
export interface Preset {
  description: string;
  list: { item: string; link?: string; title?: string; date?: string };
  article: { title?: string; date?: string; body?: string; remove?: string[] };
  /** Recognises a page of the family, for `sources new`. */
  detect: (html: string, url: string) => boolean;
}
