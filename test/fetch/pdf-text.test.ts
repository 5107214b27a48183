import { describe, expect, it } from 'vitest';
import { pdfToText } from '../../src/fetch/pdf-text.ts';

/** UTF-16BE hex of a string, as shown with the UniGB-UCS2-H CMap. */
const ucs2 = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/**
 * Writes a one-page PDF by hand: Latin text in Helvetica, Chinese text in STSong-Light with the
 * predefined UniGB-UCS2-H CMap (no embedded font), as older Chinese office software writes them.
 */
function buildPdf(ops: string): Uint8Array {
  const content = `${ops}\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [7 0 R] >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 8 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

const cjk = (x: number, y: number, s: string) => `BT /F2 12 Tf ${x} ${y} Td <${ucs2(s)}> Tj ET`;
const latin = (x: number, y: number, s: string) => `BT /F1 12 Tf ${x} ${y} Td (${s}) Tj ET`;

describe('pdfToText', () => {
  it('returns Latin and Chinese text, joining CJK pieces without spaces and wrapped lines into paragraphs', async () => {
    const pdf = buildPdf(
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
