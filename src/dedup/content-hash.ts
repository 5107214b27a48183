import { createHash } from 'node:crypto';

/** Hash of a text with white space and punctuation width differences folded away. */
export function contentHash(text: string): string {
  const folded = text.normalize('NFKC').replace(/\s+/g, '');
  return createHash('sha256').update(folded).digest('hex').slice(0, 32);
}

export function rawHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 32);
}
