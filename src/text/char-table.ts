import * as OpenCC from 'opencc-js';

/**
 * One lookup table for every character-for-character rewrite: traditional → simplified
 * (the data of opencc-js, character level only so offsets stay one to one) and full-width
 * forms → half-width. Building it once turns both into a single fast pass.
 */
function buildTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  // Full-width ASCII block (！ … ～) and the ideographic space.
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  table[0x3000] = 0x20;
  table[0x00a0] = 0x20;
  // Dashes and other look-alikes the rules expect in one form.
  for (const c of [0x2014, 0x2013, 0x2015, 0x2500, 0xfe63]) table[c] = 0x2014; // — as range dash
  table[0xff0d] = 0x2d;
  // The minus sign of `−1.8%` reads as the hyphen-minus the number grammar knows.
  table[0x2212] = 0x2d;

  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const out = convert(chars.join('\n')).split('\n');
  if (out.length === chars.length) {
    for (let i = 0; i < chars.length; i++) {
      const o = out[i];
      if (o.length === 1 && o !== chars[i]) table[chars[i].charCodeAt(0)] = o.charCodeAt(0);
    }
  }
  return table;
}

let cached: Uint16Array | null = null;

export function charTable(): Uint16Array {
  cached ??= buildTable();
  return cached;
}
