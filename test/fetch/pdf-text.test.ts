import { describe, expect, it } from 'vitest';
import { pdfToText } from '../../src/fetch/pdf-text.ts';
import { cjkText as cjk, latinText as latin, pdfDocument } from '../fixtures/pdf.ts';

describe('pdfToText', () => {
  it('returns Latin and Chinese text, joining CJK pieces without spaces and wrapped lines into paragraphs', async () => {
    const pdf = pdfDocument(
      [
        latin(72, 760, 'Monthly Report 2024'),
        // One line written as two pieces; the paragraph is indented two characters and wraps.
        cjk(96, 730, '市工信局通报一季度'),
        cjk(204, 730, '工业运行情况，'),
        cjk(72, 712, '规模以上工业增加值增长六点五个百分点。'),
        cjk(96, 694, '新开工项目十二个。'),
      ].join('\n'),
    );
    const text = await pdfToText(pdf);
    expect(text.split('\n')).toEqual([
      'Monthly Report 2024',
      '市工信局通报一季度工业运行情况，规模以上工业增加值增长六点五个百分点。',
      '新开工项目十二个。',
    ]);
  });

  it('rejects bytes that are not a PDF', async () => {
    await expect(pdfToText(new TextEncoder().encode('<html>not a pdf</html>'))).rejects.toThrow();
  });
});
