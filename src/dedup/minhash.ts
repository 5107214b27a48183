import { mix32 } from './hash32.ts';
import { LSH_BANDS, LSH_ROWS } from './thresholds.ts';

const SIGNATURE_SIZE = LSH_BANDS * LSH_ROWS;

// Fixed seeds: signatures stored in the database must stay comparable across releases.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x2545f491)));

/** MinHash signature: for each seeded hash, the least value over the set. */
export function minhash(shingles: Set<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix32(s ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/**
 * One key per band of LSH_ROWS signature values. Two texts share a band key with probability
 * J^rows per band, so an exact-match index on the keys finds near duplicates without scanning.
 * The band number is hashed in so equal values in different bands never collide.
 */
export function lshBands(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let hi = mix32(b + 1);
    let lo = mix32(~b);
    for (let r = 0; r < LSH_ROWS; r++) {
      const v = sig[b * LSH_ROWS + r];
      hi = mix32(hi ^ v);
      lo = mix32(Math.imul(lo, 31) ^ v ^ 0x5bd1e995);
    }
    keys.push(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString());
  }
  return keys;
}

/** Share of equal signature positions: an estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
