import { describe, expect, it } from 'vitest';
import { detectRegion } from '../../src/figures/region.ts';
import { figures } from './helpers.ts';

describe('regions', () => {
  it('finds the city a document is about', () => {
    expect(detectRegion('烟台市工业增长。全市新增企业。烟台加快发展。山东省部署。')?.name).toBe('烟台市');
    expect(detectRegion('全省工业增长。江苏省部署,我省推进。南京参与。')?.name).toBe('江苏省');
  });
  it('resolves 全市 to the document and 全省 to its province', () => {
    const f = figures('烟台市加快发展。全市新增企业20家,其中全省共有300家。');
    expect(f.map((x) => x.region)).toEqual(['烟台市', '山东省']);
  });
  it('keeps regions named as the subject, not those compared with', () => {
    const f = figures('烟台市规上工业增加值增长6%,高于全国1.2个百分点。全国规上工业增加值增长4.8%。');
    expect(f.map((x) => x.region)).toEqual(['烟台市', '烟台市', '全国']);
  });
  it('falls back to the source region when the text names none', () => {
    expect(figures('全市工业投资增长5%。', { region: '临江市' })[0].region).toBe('临江市');
  });
});
