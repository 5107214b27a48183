import { describe, expect, it } from 'vitest';
import { parseSource, SourceFileError } from '../../src/sources/load.ts';

function problemsOf(text: string) {
  try {
    parseSource(text, 'selectors/dup.yaml');
  } catch (err) {
    if (err instanceof SourceFileError) return err.problems;
    throw err;
  }
  throw new Error('parsed without problems');
}

describe('a selectors file with a key written twice', () => {
  it('names the key and the line of its second mention', () => {
    expect(problemsOf('id: dup\nname: a\nname: b\n')).toEqual([
      { file: 'selectors/dup.yaml', line: 3, field: 'name', message: 'not valid YAML: Map keys must be unique' },
    ]);
  });

  it('finds duplicates inside nested mappings as well', () => {
    const p = problemsOf('id: dup\nlist:\n  item: li\n  urls: [http://127.0.0.1/]\n  item: a\n');
    expect(p.map((x) => [x.line, x.field])).toEqual([[5, 'item']]);
  });

  // The check used to compare every key with all keys before it (yaml's default): 13,000 keys
  // took seconds. Twenty thousand distinct keys must still be read and refused as unknown fields.
  it('reads a file of twenty thousand distinct keys and refuses the unknown ones', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n');
    const p = problemsOf(`id: dup\n${keys}\n`);
    expect(p.some((x) => x.message.startsWith('unknown fields "k0", "k1"'))).toBe(true);
  });
});

// Found by the fuzz suite: yaml reports an alias without its anchor only when the document is
// turned into data, by throwing a ReferenceError that escaped as a crash of `sources validate`.
describe('a selectors file with an alias whose anchor is missing', () => {
  it('is refused as not valid YAML, naming the file', () => {
    const p = problemsOf('id: dup\nlist:\n  urls: [*a]\n  item: li\n');
    expect(p).toEqual([{ file: 'selectors/dup.yaml', line: null, field: '', message: expect.stringMatching(/^not valid YAML: Unresolved alias/) }]);
  });
});
