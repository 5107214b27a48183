import { describe, expect, it } from 'vitest';
import { pronounSubject } from '../../../src/figures/rules/pronoun-subject.ts';
import { brief } from '../helpers.ts';

describe('rule: a subject opening with 其 (its)', () => {
  it('belongs to the owner named in the clause before', () => {
    expect(pronounSubject('其一季度产值', '百强企业在全市工业中继续发挥支撑作用')).toBe('百强企业产值');
    expect(pronounSubject('其中电子产业', '百强企业在全市工业中继续发挥支撑作用')).toBeNull();
    expect(pronounSubject('产值', '百强企业在全市工业中继续发挥支撑作用')).toBeNull();
  });
  it('names the change, and the pull after it reached with 达', () => {
    expect(brief('临江市百强企业在工业经济中继续扮演“主力军”,其上半年产值增长12.4%,拉动规上工业增长达1.8个百分点。', { published: '2024-07' })).toEqual([
      ['growth', 12.4, '%', '百强企业产值'],
      ['gap', 1.8, '百分点', '百强企业产值拉动规模以上工业增长'],
    ]);
  });
});
