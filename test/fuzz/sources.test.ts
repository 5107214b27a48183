import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSource, SourceFileError } from '../../src/sources/load.ts';
import { codeUnit } from './arbitraries.ts';
import { fuzzRuns, linearity, repeatTo, Tally } from './kit.ts';

const tally = new Tally('selectors files');
afterAll(() => tally.print());

const SELECTORS_DIR = path.resolve(import.meta.dirname, '../../selectors');
const realFiles = fs.readdirSync(SELECTORS_DIR).filter((n) => n.endsWith('.yaml')).map((n) => fs.readFileSync(path.join(SELECTORS_DIR, n), 'utf8'));

/** Parses and checks that the only way to fail is a SourceFileError whose problems name a file and a line or none. */
function parsesOrExplains(text: string): void {
  try {
    const source = parseSource(text, 'selectors/fuzz-src.yaml');
    expect(source.id).toBe('fuzz-src');
  } catch (err) {
    expect(err).toBeInstanceOf(SourceFileError);
    const problems = (err as SourceFileError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.file).toBe('selectors/fuzz-src.yaml');
      expect(p.line === null || (Number.isInteger(p.line) && p.line >= 1)).toBe(true);
      expect(p.message.length).toBeGreaterThan(0);
    }
  }
}

/** A real selectors file with a few characters deleted, replaced or inserted. */
const mutatedRealFile = fc
  .tuple(
    fc.constantFrom(...realFiles),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ unit: fc.oneof(codeUnit, fc.constantFrom(':', '-', ' ', '\n', '[', '{', '"', "'", '&a', '*a', '!!', '#', '|', '>')), maxLength: 4 })), { minLength: 1, maxLength: 4 }),
  )
  .map(([text, edits]) => {
    let t = text.replace(/^id: .*$/m, 'id: fuzz-src');
    for (const [at, del, ins] of edits) {
      const i = at % (t.length + 1);
      t = t.slice(0, i) + ins + t.slice(i + del);
    }
    return t;
  });

/** A source written by someone who got the shape wrong: any JSON value under the known keys. */
const wrongShape = fc
  .dictionary(fc.constantFrom('id', 'name', 'region', 'list', 'article', 'schedule', 'politeness', 'encoding', 'rendering', 'keywords', 'timezone', 'preset', 'extra'), fc.jsonValue({ maxDepth: 3 }))
  .map((o) => stringify({ id: 'fuzz-src', ...o }));

describe('selectors-file parser on any text', () => {
  it('returns a source or a SourceFileError naming each problem, for mutated real files, wrong shapes and noise', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedRealFile, wrongShape, fc.string({ unit: codeUnit, maxLength: 300 })), tally.count('parseSource', parsesOrExplains)),
      { numRuns: fuzzRuns() * 2 },
    );
  });

  const shapes: Record<string, (n: number) => string> = {
    'flow brackets never closed': (n) => '['.repeat(n),
    'deep block nesting': (n) => Array.from({ length: Math.min(n / 40, 2000) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n').padEnd(n, ' '),
    'many keys': (n) => `{${Array.from({ length: Math.floor(n / 6) }, (_, i) => i.toString(36)).join(',')}}`,
    'a long list of URLs': (n) => `id: fuzz-src\nlist:\n  item: li\n  urls:\n${repeatTo('    - http://127.0.0.1/x\n', n)}`,
    'a long quoted string': (n) => `id: "${repeatTo('增\\"', n)}"`,
    'aliases of aliases': (n) => `a: &a [x]\n${Array.from({ length: Math.floor(n / 20) }, (_, i) => `b${i}: &b${i} [*${i ? `b${i - 1}` : 'a'}]`).join('\n')}`,
  };
  // Keys cost little each: the quadratic duplicate-key check yaml made (fixed in load.ts) only
  // shows past a few thousand of them, so that shape is always measured up to 256 KB.
  const sizes: Record<string, { min: number; max: number }> = { 'many keys': { min: 2048, max: 256 * 1024 } };
  for (const [name, make] of Object.entries(shapes)) {
    it(`costs time linear in the file on ${name}`, () => {
      const r = linearity(make, (t) => parseSource(t as string, 'selectors/fuzz-src.yaml'), 8, sizes[name]);
      tally.add('parseSource (linear)', 2);
      expect(r.ratio, `µs per char ${r.smallUsPerChar.toFixed(2)} → ${r.largeUsPerChar.toFixed(2)}`).toBeLessThan(8);
    });
  }
});
