import { createHash } from 'node:crypto';
import { dedupFeatures } from './features.ts';

/** Hash of a text as deduplication reads it (see dedupFeatures): equal for the same story re-published. */
export function contentHash(text: string): string {
  return dedupFeatures(text).contentHash;
}

export function rawHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 32);
}
