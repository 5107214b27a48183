import type { Db } from '../db/connect.ts';
import { saveArticleHere } from './articles.ts';

/**
 * Store work that an embedded database's own thread runs when the owning thread asks for it
 * (`PGliteThread.call`). Writing an article takes a lookup, a comparison in JavaScript and a write
 * while the session is held; run from the owning thread, each of them waits for a message to
 * cross and for that thread's busy event loop to take it, and the session idles meanwhile.
 */
export const threadCalls = {
  saveArticle: saveArticleHere,
} satisfies Record<string, (db: Db, ...args: never[]) => Promise<unknown>>;

export type ThreadCalls = typeof threadCalls;
export type ThreadCallName = keyof ThreadCalls;
/** The arguments of a call after the database, which the thread supplies. */
export type ThreadCallArgs<N extends ThreadCallName> = Parameters<ThreadCalls[N]> extends [Db, ...infer A] ? A : never;
