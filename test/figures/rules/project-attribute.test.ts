import { describe, expect, it } from 'vitest';
import { projectAttribute } from '../../../src/figures/rules/project-attribute.ts';
import { brief } from '../helpers.ts';

describe('rule: an investment or capacity written before its project', () => {
  it('gives the project named after a sum its investment, with the cue as written', () => {
    expect(projectAttribute('其中包括投资', '亿元', '的东湖精密齿轮生产线项目、投资')).toBe('东湖精密齿轮生产线项目投资');
    expect(projectAttribute('包括协议总投资', '亿元', '的青山储能电池项目和')).toBe('青山储能电池项目协议总投资');
  });
  it('skips a capacity standing between the sum and the project', () => {
    expect(projectAttribute('协议总投资', '亿元', '年产20万套汽车座椅骨架项目')).toBe('汽车座椅骨架项目协议总投资');
  });
  it('keeps the owner named before a yearly capacity, and the first of a list closed by 等', () => {
    expect(projectAttribute('北坡公司年产', '万吨', '石英砂和硅微粉加工等项目')).toBe('北坡公司石英砂年产能');
    expect(projectAttribute('南岭新能年产', '吉瓦', '光伏组件项目落地')).toBe('南岭新能光伏组件项目年产能');
  });
  it('reads a quantity before a project as its capacity only for physical measures', () => {
    expect(projectAttribute('6月5日,西江化工集团', '万吨', '乙二醇项目在某地开工')).toBe('西江化工集团乙二醇项目产能');
    expect(projectAttribute('全县新增', '个', '项目')).toBeNull();
  });
  it('is no attribute where no project or capacity word is near', () => {
    expect(projectAttribute('完成工业投资', '亿元', '同比增长5%')).toBeNull();
    expect(projectAttribute('实现产值', '亿元', '的企业')).toBeNull();
  });
  it('names project figures in a sentence of projects', () => {
    expect(brief('一季度新签约项目3个,包括协议总投资2.5亿元的东湖精密齿轮项目和投资1.2亿元的青山储能电池项目。')).toEqual([
      ['amount', 3, '个', '新签约项目'],
      ['amount', 2.5, '亿元', '东湖精密齿轮项目协议总投资'],
      ['amount', 1.2, '亿元', '青山储能电池项目投资'],
    ]);
  });
});
