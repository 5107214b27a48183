import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

// pdfjs needs its CMaps (for PDFs using predefined Chinese encodings such as UniGB-UCS2-H) and
// standard fonts as files; they ship inside the package.
const pdfjsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'))), '../..');
const CMAP_URL = `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`;
const STANDARD_FONT_URL = `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`;

const CJK_RE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Whether two pieces of text on one line should be joined with a space. */
function needsSpace(before: string, after: string): boolean {
  if (!before || !after || /\s$/.test(before) || /^\s/.test(after)) return false;
  return !CJK_RE.test(before.slice(-1)) && !CJK_RE.test(after[0]);
}

interface Line {
  x: number;
  y: number;
  height: number;
  text: string;
  lastRight: number;
}

function pageLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const item of items) {
    const x = item.transform[4];
    const y = item.transform[5];
    const height = item.height || Math.abs(item.transform[3]) || 10;
    // Items within half a line height of each other vertically are on the same line.
    if (!line || Math.abs(y - line.y) > height / 2) {
      line = { x, y, height, text: '', lastRight: x };
      lines.push(line);
    }
    const gap = x - line.lastRight;
    if (item.str) {
      const spaced = needsSpace(line.text, item.str) && gap > height * 0.15;
      line.text += (spaced ? ' ' : '') + item.str;
      line.lastRight = x + item.width;
    }
    if (item.hasEOL) line = null;
  }
  return lines.filter((l) => l.text.trim() !== '');
}

/**
 * Joins wrapped lines into paragraphs. A paragraph starts after a wide vertical gap, at an indented
 * line (Chinese documents indent two characters), or after a line that stops well short of the
 * right margin.
 */
function paragraphs(lines: Line[]): string[] {
  const out: string[] = [];
  const margin = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.lastRight));
  let current = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const prev = lines[i - 1];
    const gap = prev ? prev.y - l.y : 0;
    const newParagraph =
      !prev ||
      gap > prev.height * 2 ||
      gap < 0 ||
      l.x > margin + l.height ||
      prev.lastRight < right - 2 * prev.height ||
      /^[\s\u3000]{2,}/.test(l.text);
    if (newParagraph) {
      if (current) out.push(current);
      current = l.text.trim();
    } else {
      const t = l.text.trim();
      current += (needsSpace(current, t) ? ' ' : '') + t;
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * Extracts the text of a PDF: one paragraph per line, pages separated by a blank line. CJK text
 * is joined without spaces; Latin words split across items or lines get one.
 */
export async function pdfToText(data: Uint8Array): Promise<string> {
  // Loaded on first use, never at import: pdfjs's legacy build (the one that runs on Node 20)
  // replaces JSON.parse and JSON.stringify, Array.prototype.push and more with core-js
  // polyfills, several times slower, for everything else running in the thread that loads it.
  // The article pool reads PDFs in a thread of their own (src/workers/article-pool.ts).
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (detaches) the buffer it is given.
  const doc = await getDocument({
    data: new Uint8Array(data),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_URL,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItem => 'str' in i);
      pages.push(paragraphs(pageLines(items)).join('\n'));
      page.cleanup();
    }
    return pages.filter(Boolean).join('\n\n');
  } finally {
    await doc.destroy();
  }
}
