/**
 * Text that remembers where each of its characters came from in the original, so that
 * quotes can be cut from the raw page even after normalisation has rewritten it.
 * starts[i]/ends[i] are the original offsets covered by character i.
 */
export interface MappedText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

export function identityMapped(text: string): MappedText {
  const n = text.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends };
}

/** Grows an output text and its offset maps chunk by chunk. */
class MappedBuilder {
  private parts: string[] = [];
  private len = 0;
  starts: Int32Array;
  ends: Int32Array;

  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }

  private reserve(extra: number): void {
    if (this.len + extra <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.len + extra);
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    s.set(this.starts.subarray(0, this.len));
    e.set(this.ends.subarray(0, this.len));
    this.starts = s;
    this.ends = e;
  }

  copy(src: MappedText, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.parts.push(src.text.slice(from, to));
    this.starts.set(src.starts.subarray(from, to), this.len);
    this.ends.set(src.ends.subarray(from, to), this.len);
    this.len += to - from;
  }

  /** Appends new characters that all stand for the original range [origStart, origEnd). */
  insert(s: string, origStart: number, origEnd: number): void {
    if (!s) return;
    this.reserve(s.length);
    this.parts.push(s);
    this.starts.fill(origStart, this.len, this.len + s.length);
    this.ends.fill(origEnd, this.len, this.len + s.length);
    this.len += s.length;
  }

  done(): MappedText {
    return { text: this.parts.join(''), starts: this.starts.subarray(0, this.len), ends: this.ends.subarray(0, this.len) };
  }
}

/**
 * Replaces every match of a global regex; the replacement's characters map to the whole
 * original range of the match. Returning the match unchanged keeps its exact map.
 */
export function replaceMapped(src: MappedText, re: RegExp, replacer: (m: RegExpExecArray) => string): MappedText {
  if (!re.global) throw new Error('replaceMapped needs a global regex');
  re.lastIndex = 0;
  let m = re.exec(src.text);
  if (!m) return src;
  const b = new MappedBuilder(src.text.length);
  let last = 0;
  while (m) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      re.lastIndex++;
    } else {
      const rep = replacer(m);
      b.copy(src, last, start);
      if (rep === m[0]) b.copy(src, start, end);
      else b.insert(rep, src.starts[start], src.ends[end - 1]);
      last = end;
    }
    m = re.exec(src.text);
  }
  b.copy(src, last, src.text.length);
  return b.done();
}

/** Applies a one-to-one character mapping; offsets are unchanged. */
export function mapChars(src: MappedText, table: Uint16Array): MappedText {
  const t = src.text;
  let changed = false;
  const codes = new Uint16Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const r = table[c];
    if (r !== 0 && r !== c) {
      codes[i] = r;
      changed = true;
    } else codes[i] = c;
  }
  if (!changed) return src;
  let text = '';
  const CHUNK = 8192;
  for (let i = 0; i < codes.length; i += CHUNK) text += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]);
  return { text, starts: src.starts, ends: src.ends };
}

/** The original text behind normalised range [from, to). */
export function originalRange(src: MappedText, from: number, to: number): [number, number] {
  if (to <= from || from >= src.text.length) return [0, 0];
  return [src.starts[from], src.ends[Math.min(to, src.text.length) - 1]];
}
