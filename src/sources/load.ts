import fs from 'node:fs/promises';
import path from 'node:path';
import { isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { SourceSchema, type Source } from './schema.ts';

export interface SourceProblem {
  file: string;
  line: number | null;
  field: string;
  message: string;
}

/** A selectors file that does not match the schema: every problem names its field and line. */
export class SourceFileError extends Error {
  constructor(readonly problems: SourceProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'SourceFileError';
  }
}

export function formatProblem(p: SourceProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field || '(file)'}: ${p.message}`;
}

/** Parses and validates the text of one selectors file. */
export function parseSource(text: string, file: string): Source {
  const lineCounter = new LineCounter();
  // yaml's own duplicate-key check compares each key with every earlier one of its map, a cost
  // that grows with the square of the keys (130 KB of keys took 1.7 s): checked below in one pass.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const docProblems: SourceProblem[] = [
    ...doc.errors.map((e) => ({
      file,
      line: e.linePos?.[0]?.line ?? null,
      field: '',
      message: `not valid YAML: ${e.message.split('\n')[0]}`,
    })),
    ...duplicateKeys(doc, lineCounter, file),
  ];
  if (docProblems.length) throw new SourceFileError(docProblems);
  const result = SourceSchema.safeParse(toJS(doc, file));
  if (result.success) {
    const expectedId = path.basename(file).replace(/\.ya?ml$/, '');
    // Files starting with _ are examples, not sources, and may carry any id.
    if (!expectedId.startsWith('_') && result.data.id !== expectedId) {
      throw new SourceFileError([
        { file, line: lineOf(doc, ['id'], lineCounter), field: 'id', message: `must match the file name: expected "${expectedId}"` },
      ]);
    }
    return result.data;
  }
  const problems = result.error.issues.map((issue) => toProblem(issue, doc, lineCounter, file));
  throw new SourceFileError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
}

function toProblem(
  issue: z.core.$ZodIssue,
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  file: string,
): SourceProblem {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const fieldPath = [...issue.path, ...keys.slice(0, 1)].map(String);
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`
      : issue.code === 'invalid_type' && !doc.hasIn(issue.path)
        ? `is required (${issue.expected})`
        : issue.code === 'invalid_type'
          ? `expected ${issue.expected}`
          : issue.message;
  return { file, line: lineOf(doc, fieldPath, lineCounter), field: fieldPath.join('.'), message };
}

/** The document as plain data; an alias with no anchor (`*a`) is only found here, and throws. */
function toJS(doc: ReturnType<typeof parseDocument>, file: string): unknown {
  try {
    return doc.toJS();
  } catch (err) {
    throw new SourceFileError([{ file, line: null, field: '', message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` }]);
  }
}

/** Keys written twice in one mapping (compared as yaml compares them: by scalar value). */
function duplicateKeys(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, file: string): SourceProblem[] {
  const problems: SourceProblem[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) {
          const line = key.range ? lineCounter.linePos(key.range[0]).line : null;
          problems.push({ file, line, field: String(key.value), message: 'not valid YAML: Map keys must be unique' });
        }
        seen.add(key.value);
      }
    },
  });
  return problems;
}

/** Line of the deepest node on the path that exists in the document (a missing field points at its parent). */
function lineOf(doc: ReturnType<typeof parseDocument>, fieldPath: (string | number)[], lineCounter: LineCounter): number | null {
  for (let n = fieldPath.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(fieldPath.slice(0, n), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return null;
}

export async function loadSourceFile(file: string): Promise<Source> {
  const text = await fs.readFile(file, 'utf8');
  return parseSource(text, file);
}

export interface LoadedSources {
  sources: Source[];
  errors: SourceFileError[];
}

/** Loads every `*.yaml` file in the folder; files starting with `_` are examples and are skipped. */
export async function loadSourcesDir(dir: string): Promise<LoadedSources> {
  const names = (await fs.readdir(dir)).filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('_')).sort();
  const sources: Source[] = [];
  const errors: SourceFileError[] = [];
  for (const name of names) {
    try {
      sources.push(await loadSourceFile(path.join(dir, name)));
    } catch (err) {
      if (err instanceof SourceFileError) errors.push(err);
      else throw err;
    }
  }
  return { sources, errors };
}
