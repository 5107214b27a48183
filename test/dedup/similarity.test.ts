import { describe, expect, it } from 'vitest';
import { dedupFeatures } from '../../src/dedup/features.ts';
import { compareFeatures } from '../../src/dedup/similarity.ts';
import { figureKey, reconcileFigures } from '../../src/dedup/figure-agreement.ts';
import { choosePrimary } from '../../src/dedup/primary.ts';
import * as T from './texts.ts';

const report = dedupFeatures(T.REPORT);
const verdict = (text: string) => compareFeatures(report, dedupFeatures(text));

describe('same story or not', () => {
  it('hashes a republication under a banner and other furniture like the original once banner and furniture are gone', () => {
    const bare = T.MIRRORED.replace(/^欢迎光临.*\n/, '').replace(/\n本站部分.*$/, '');
    expect(dedupFeatures(bare).contentHash).toBe(report.contentHash);
    expect(compareFeatures(report, dedupFeatures(bare)).verdict).toBe('identical');
  });

  it('joins the mirror with a banner and a reposting note', () => {
    expect(verdict(T.MIRRORED).verdict).toBe('same story');
  });

  it('joins the mirror converted to traditional characters, and sees it as converted', () => {
    const trad = dedupFeatures(T.TRADITIONAL);
    expect(trad.traditionalShare).toBeGreaterThan(0.2);
    expect(report.traditionalShare).toBe(0);
    expect(compareFeatures(report, trad).verdict).toBe('same story');
  });

  it('joins a version with a paragraph added, and a version cut short', () => {
    expect(verdict(T.WITH_PARAGRAPH).verdict).toBe('same story');
    const short = verdict(T.SHORTENED);
    expect(short.verdict).toBe('same story');
    expect(short.containment).toBe(1);
  });

  it('joins a revision that corrects a figure', () => {
    expect(verdict(T.REVISED).verdict).toBe('same story');
  });

  it('keeps apart the same bureau’s report for another month, on the same template', () => {
    const s = verdict(T.PREVIOUS_MONTH);
    expect(s.verdict).toBe('different');
  });

  it('keeps apart another report from the same bureau in the same month', () => {
    expect(verdict(T.SAME_BUREAU_OTHER).verdict).toBe('different');
  });

  it('keeps apart a neighbouring city’s report on the same template, by its figures', () => {
    const s = verdict(T.OTHER_CITY);
    expect(s.jaccard).toBeGreaterThan(0.5);
    expect(s.verdict).toBe('different');
    expect(s.reason).toContain('different figures');
  });

  it('keeps apart a round-up that quotes one paragraph of the report', () => {
    expect(verdict(T.ROUNDUP).verdict).toBe('different');
  });

  it('estimates similarity from the signatures close to the measured one', () => {
    for (const text of [T.MIRRORED, T.TRADITIONAL, T.WITH_PARAGRAPH, T.PREVIOUS_MONTH]) {
      const s = verdict(text);
      expect(Math.abs(s.estimated - s.jaccard)).toBeLessThan(0.2);
    }
  });
});

describe('primary article', () => {
  const at = (d: string) => new Date(d);
  it('prefers the official source, then the fuller text, then the earlier', () => {
    const mirror = { id: 1, url: 'http://mirror.example.com/a.html', mirror: true, length: 400, publishedAt: at('2025-06-17'), fetchedAt: at('2025-06-17') };
    const paper = { id: 2, url: 'http://news.example.cn/a.html', mirror: false, length: 300, publishedAt: at('2025-06-18'), fetchedAt: at('2025-06-19') };
    const bureau = { id: 3, url: 'http://gxj.qingchuan.gov.cn/a.html', mirror: false, length: 300, publishedAt: at('2025-06-18'), fetchedAt: at('2025-06-20') };
    const fuller = { ...paper, id: 4, url: 'http://city.example.cn/b.html', length: 380, publishedAt: at('2025-06-19') };
    const earlier = { ...paper, id: 5, url: 'http://city.example.cn/c.html', length: 310, publishedAt: at('2025-06-16') };
    expect(choosePrimary([mirror, paper, bureau]).id).toBe(3);
    expect(choosePrimary([mirror, paper]).id).toBe(2);
    expect(choosePrimary([paper, fuller]).id).toBe(4);
    expect(choosePrimary([paper, earlier]).id).toBe(5);
  });
});

describe('figures of several places', () => {
  const base = { indicator: '新能源汽车产量', kind: 'amount', unit: '万辆', period: '2025-01~2025-05', region: '青川市', basis: null, target: false };
  const at = (articleId: number, value: number) => ({ ...base, value, articleId, sourceName: `place ${articleId}`, url: `http://p${articleId}.example.cn/` });

  it('keeps a value reported twice once', () => {
    const { kept, conflicts } = reconcileFigures([at(1, 2.35), at(2, 2.35)]);
    expect(kept).toHaveLength(1);
    expect(conflicts).toEqual([]);
  });

  it('flags places that state different values for the same figure', () => {
    const { kept, conflicts } = reconcileFigures([at(1, 2.35), at(2, 2.53), at(3, 2.35)]);
    expect(kept.map((f) => f.value)).toEqual([2.35, 2.53]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].values.map((v) => [v.value, v.places.map((p) => p.sourceName)])).toEqual([
      [2.35, ['place 1', 'place 3']],
      [2.53, ['place 2']],
    ]);
  });

  it('does not flag two values one place states side by side, nor other periods', () => {
    expect(reconcileFigures([at(1, 2.35), at(1, 1.1), at(2, 2.35), at(2, 1.1)]).conflicts).toEqual([]);
    const other = { ...at(2, 1.82), period: '2025-01~2025-04' };
    expect(figureKey(other)).not.toBe(figureKey(at(1, 2.35)));
    expect(reconcileFigures([at(1, 2.35), other]).conflicts).toEqual([]);
  });
});
