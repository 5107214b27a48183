import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { decodeBody } from '../fetch/decode.ts';
import { extractArticle } from './generic-article.ts';

const GoldPage = z.object({
  path: z.string(),
  site: z.string(),
  title: z.string(),
  published: z.string().nullable(),
  body_start: z.string(),
  body_end: z.string(),
  body_chars: z.number(),
  kind: z.enum(['article', 'other']),
  note: z.string().optional(),
});
export type GoldPage = z.infer<typeof GoldPage>;

export interface PageResult {
  path: string;
  kind: GoldPage['kind'];
  titleOk: boolean;
  publishedOk: boolean;
  startOk: boolean;
  endOk: boolean;
  lengthOk: boolean;
  ok: boolean;
  got: { title: string | null; published: string | null; chars: number };
  want: { title: string; published: string | null; chars: number };
}

export interface EvalSummary {
  /** `article` pages scored. */
  articles: number;
  title: number;
  published: number;
  bodyStart: number;
  bodyEnd: number;
  length: number;
  /** Pages passing every criterion. */
  passed: number;
  passRate: number;
}

const stripWs = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');
const collapseWs = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();

/** Where a gold page's HTML is: `pages/<site>-<name>.html` in the gold folder, or its original path. */
function pagePath(folder: string, gold: GoldPage): string {
  const flat = path.join(folder, 'pages', gold.path.replace(/^tests\//, '').replaceAll('/', '-'));
  return existsSync(flat) ? flat : path.join(folder, gold.path);
}

/** A date-only gold value is matched by any time on that day; otherwise the minute must match. */
function publishedMatches(got: string | null, want: string | null): boolean {
  if (want === null) return true;
  if (got === null) return false;
  return want.length === 10 ? got.slice(0, 10) === want : got === want;
}

export function scorePage(gold: GoldPage, got: { title: string | null; published: string | null; text: string }): PageResult {
  const body = stripWs(got.text);
  const chars = body.length;
  const titleOk = got.title !== null && collapseWs(got.title) === collapseWs(gold.title);
  const publishedOk = publishedMatches(got.published, gold.published);
  const startOk = body.includes(stripWs(gold.body_start));
  const endOk = body.includes(stripWs(gold.body_end));
  const lengthOk = Math.abs(chars - gold.body_chars) <= Math.max(0.3 * gold.body_chars, 150);
  return {
    path: gold.path,
    kind: gold.kind,
    titleOk,
    publishedOk,
    startOk,
    endOk,
    lengthOk,
    ok: titleOk && publishedOk && startOk && endOk && lengthOk,
    got: { title: got.title, published: got.published, chars },
    want: { title: gold.title, published: gold.published, chars: gold.body_chars },
  };
}

export async function readGold(folder: string): Promise<GoldPage[]> {
  const lines = (await readFile(path.join(folder, 'gold.jsonl'), 'utf8')).split('\n').filter((l) => l.trim());
  return lines.map((l) => GoldPage.parse(JSON.parse(l)));
}

/** Runs extractArticle over every page of a gold folder (gold.jsonl + pages/) and scores it. */
export async function evaluateRealHtml(folder: string): Promise<{ pages: PageResult[]; summary: EvalSummary }> {
  const pages: PageResult[] = [];
  for (const gold of await readGold(folder)) {
    const { text: html } = decodeBody(await readFile(pagePath(folder, gold)));
    pages.push(scorePage(gold, extractArticle(html)));
  }
  const articles = pages.filter((p) => p.kind === 'article');
  const count = (f: (p: PageResult) => boolean) => articles.filter(f).length;
  const passed = count((p) => p.ok);
  return {
    pages,
    summary: {
      articles: articles.length,
      title: count((p) => p.titleOk),
      published: count((p) => p.publishedOk),
      bodyStart: count((p) => p.startOk),
      bodyEnd: count((p) => p.endOk),
      length: count((p) => p.lengthOk),
      passed,
      passRate: articles.length ? passed / articles.length : 0,
    },
  };
}
