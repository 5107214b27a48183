import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/extract.ts';
import { publishedYear } from '../../src/figures/published.ts';

// Cases the fuzz suite found, kept as plain tests so they are checked on every run.
describe('found by fuzzing', () => {
  it('a publication date past year 9999 dates nothing: periods keep four-digit years', () => {
    expect(publishedYear(new Date('+010000-01-01T00:00:00.000Z'))).toBeNull();
    const [f] = extractFigures('全年增长居全省第一', { published: new Date('+010000-01-01T00:00:00.000Z') });
    expect(f?.period ?? null).not.toBe('10000');
    expect(publishedYear(new Date('2025-06-01T00:00:00Z'))).toBe('2025');
  });
});
