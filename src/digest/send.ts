import type { Db } from '../db/connect.ts';
import { lastDeliveredUntil, listSubscribers } from '../store/subscribers.ts';
import { collectDigest } from './collect.ts';
import type { Mailer } from './mailer.ts';
import { renderDigest } from './render.ts';

export interface DigestOutcome {
  email: string;
  status: 'sent' | 'nothing-new' | 'failed';
  reports: number;
  location?: string;
  preview?: string;
  error?: string;
}

export interface SendDigestsOptions {
  now?: Date;
  /** How far back a first digest reaches. */
  firstDigestDays?: number;
  timezone?: string;
  /** Only this subscriber. */
  email?: string;
}

/**
 * Mails each active subscriber the reports fetched since their last digest. A failed send is
 * recorded and the same period is tried again next time: nothing is lost.
 */
export async function sendDigests(db: Db, mailer: Mailer, options: SendDigestsOptions = {}): Promise<DigestOutcome[]> {
  const now = options.now ?? new Date();
  const outcomes: DigestOutcome[] = [];
  const subscribers = (await listSubscribers(db, true)).filter((s) => !options.email || s.email === options.email.toLowerCase());
  for (const sub of subscribers) {
    const since = (await lastDeliveredUntil(db, sub.id)) ?? new Date(now.getTime() - (options.firstDigestDays ?? 7) * 86_400_000);
    const digest = await collectDigest(db, { since, until: now, regions: sub.regions, keywords: sub.keywords });
    if (!digest.entries.length) {
      outcomes.push({ email: sub.email, status: 'nothing-new', reports: 0 });
      continue;
    }
    const rendered = renderDigest(digest, options.timezone);
    const delivery = { subscriber_id: sub.id, period_start: since, period_end: now, article_count: digest.entries.length, transport: mailer.transport };
    try {
      const sent = await mailer.send({ to: sub.email, ...rendered });
      await db.insertInto('deliveries').values({ ...delivery, status: 'sent', message_id: sent.messageId, location: sent.location, error: null }).execute();
      outcomes.push({ email: sub.email, status: 'sent', reports: digest.entries.length, location: sent.location, preview: sent.preview });
    } catch (err) {
      const error = (err as Error).message;
      await db.insertInto('deliveries').values({ ...delivery, status: 'failed', message_id: null, location: null, error }).execute();
      outcomes.push({ email: sub.email, status: 'failed', reports: digest.entries.length, error });
    }
  }
  return outcomes;
}
