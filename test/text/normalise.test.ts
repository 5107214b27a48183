import { describe, expect, it } from 'vitest';
import { normalise, quoteOf } from '../../src/text/normalise.ts';

describe('normalise', () => {
  it('converts traditional characters to simplified', () => {
    expect(normalise('臨江市工業經濟穩中向好').text).toBe('临江市工业经济稳中向好');
  });
  it('drops pinyin annotations and mis-decoding garbage', () => {
    expect(normalise('開發區(qū)工業(yè)園').text).toBe('开发区工业园');
    expect(normalise('某某华?N材料公司').text).toBe('某某华材料公司');
  });
  it('keeps a real question mark and bracketed Chinese', () => {
    expect(normalise('如何发展?首台(套)装备').text).toBe('如何发展?首台(套)装备');
  });
  it('turns full-width forms half-width', () => {
    expect(normalise('增长１２．５％，占比：３０％').text).toBe('增长12.5%,占比:30%');
  });
  it('writes the minus sign and the full-width minus as a hyphen-minus', () => {
    expect(normalise('分别增长3.1%和−0.6%,回落至－2.4%').text).toBe('分别增长3.1%和-0.6%,回落至-2.4%');
  });
  it('joins digits split by spaces and hard-wrapped lines', () => {
    expect(normalise('打造3 千亿级产业集群').text).toBe('打造3千亿级产业集群');
    expect(normalise('全市合同成交\n\n额12.5亿元。\n下一段').text).toBe('全市合同成交额12.5亿元。\n下一段');
  });
  it('removes markdown emphasis and HTML debris', () => {
    expect(normalise('全市**12**个园区&nbsp;<br/>建成').text).toBe('全市12个园区建成');
  });
  it('removes furniture lines and keeps the publication date', () => {
    const n = normalise('欢迎光临某某彩票资料大全官方网站\n标题\n发布日期：2023-05-06\n正文增长5%。\n【打印】【关闭】\n入驻:2026-01-02\n电话：0411-12345678\n张三 摄');
    // A heading line without a full stop runs into the paragraph after it.
    expect(n.text.trim()).toBe('标题正文增长5%。');
    expect(n.published).toBe('2023-05-06');
  });
  it('maps quotes back to the original text', () => {
    const raw = '臨江市工業(yè)投資增長１２％。';
    const n = normalise(raw);
    const from = n.text.indexOf('工业');
    const to = n.text.indexOf('%') + 1;
    expect(quoteOf(n, from, to)).toBe('工業(yè)投資增長１２％');
  });
});

describe('date and issuer lines', () => {
  it('drops a date line with the issuing office and keeps the date', () => {
    const n = normalise('临水县工业开门红\n2024-04-19  临水县经济和信息化局\n\n一季度,全县工业增长9%。');
    expect(normalise('标题\n2024-05-16 来源：临江日报\n正文。').text).toBe('标题正文。');
    expect(n.text).not.toContain('经济和信息化局');
    expect(n.published).toBe('2024-04-19');
  });
});

describe('headings before paragraphs and sections', () => {
  it('keeps a title apart from a paragraph that opens with 近日/日前', () => {
    expect(normalise('临江12家企业入选省级名单\n\n近日,省工信厅公布名单。').text).toBe('临江12家企业入选省级名单\n近日,省工信厅公布名单。');
    expect(normalise('标题一行\n日前,全市增长。').text).toBe('标题一行\n日前,全市增长。');
  });
  it('keeps a numbered section heading on a line of its own', () => {
    expect(normalise('工作回顾\n\n二、项目投资\n上半年完成投资12亿元。').text).toBe('工作回顾\n二、项目投资\n上半年完成投资12亿元。');
  });
  it('still joins a hard-wrapped line whose next line merely continues it', () => {
    expect(normalise('全市完成\n\n产值12.5亿元。').text).toBe('全市完成产值12.5亿元。');
  });
});

describe('pinyin without tone marks', () => {
  it('is dropped when it is a whole syllable after a character', () => {
    expect(normalise('經濟社會(hui)發展,工業(ye) 機器人產(chan) 量').text).toBe('经济社会发展,工业机器人产量');
  });
  it('leaves Latin words that are not one syllable', () => {
    expect(normalise('下载(pdf)文件,系统(MES)上线').text).toBe('下载(pdf)文件,系统(MES)上线');
  });
});
