import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { DeliveryRow } from '../db/schema.ts';

export interface ClaimRequest {
  subscriberId: number;
  periodKey: string;
  /**
   * Where a first digest starts. A new claim starts where the subscriber's last sent digest
   * ended, or here; a retry keeps the period (and so the stories) of the first attempt.
   */
  firstPeriodStart: Date;
  periodEnd: Date;
  messageId: string;
  transport: string;
  /** Who attempts: a job id. A claim left by an earlier, crashed attempt of the same claimant is taken over at once. */
  claimant: string;
  now: Date;
  /** How long an attempt may hold the claim before another claimant may take it over. */
  leaseMs: number;
}

export type Claim =
  | { state: 'claimed'; delivery: DeliveryRow }
  /** Already sent, rejected for good, or found empty: nothing to do. */
  | { state: 'done'; delivery: DeliveryRow }
  /** Another claimant is attempting it right now. */
  | { state: 'busy'; delivery: DeliveryRow };

const FINAL = ['sent', 'rejected', 'empty'] as const;

/**
 * Claims the delivery of one subscriber's digest for one period, before anything is sent, in one
 * statement: the unique (subscriber, period) row is created already claimed, or, when it exists,
 * taken over only if it is pending, failed, or left `sending` by this claimant or past its lease.
 * The upsert's conflict check makes exactly one attempt hold it, whatever the number of workers
 * and jobs racing for it; one round trip instead of a lookup, an insert and an update matters
 * when ten thousand digests go out.
 */
export async function claimDelivery(db: Db, r: ClaimRequest): Promise<Claim> {
  const lease = new Date(r.now.getTime() + r.leaseMs);
  const lastSent = db
    .selectFrom('deliveries')
    .select('period_end')
    .where('subscriber_id', '=', r.subscriberId)
    .where('status', '=', 'sent')
    .orderBy('period_end', 'desc')
    .limit(1);
  const claimed = await db
    .insertInto('deliveries')
    .values({
      subscriber_id: r.subscriberId,
      period_key: r.periodKey,
      period_start: sql<Date>`coalesce((${lastSent}), ${r.firstPeriodStart}::timestamptz)`,
      period_end: r.periodEnd,
      article_count: 0,
      status: 'sending',
      transport: r.transport,
      message_id: r.messageId,
      location: null,
      error: null,
      claimed_by: r.claimant,
      lease_until: lease,
      attempts: 1,
    })
    .onConflict((oc) =>
      oc
        .columns(['subscriber_id', 'period_key'])
        .doUpdateSet((eb) => ({ status: 'sending', claimed_by: r.claimant, lease_until: lease, attempts: eb('deliveries.attempts', '+', 1) }))
        .where((eb) =>
          eb.or([
            eb('deliveries.status', 'in', ['pending', 'failed']),
            eb.and([eb('deliveries.status', '=', 'sending'), eb.or([eb('deliveries.claimed_by', '=', r.claimant), eb('deliveries.lease_until', '<', r.now)])]),
          ]),
        ),
    )
    .returningAll()
    .executeTakeFirst();
  if (claimed) return { state: 'claimed', delivery: claimed };
  const row = await db
    .selectFrom('deliveries')
    .selectAll()
    .where('subscriber_id', '=', r.subscriberId)
    .where('period_key', '=', r.periodKey)
    .executeTakeFirstOrThrow();
  return { state: (FINAL as readonly string[]).includes(row.status) ? 'done' : 'busy', delivery: row };
}

/** The SMTP server took the message. */
export async function completeDelivery(db: Db, id: number, done: { location: string; articleCount: number; now: Date }): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: 'sent', sent_at: done.now, location: done.location, article_count: done.articleCount, error: null, lease_until: null })
    .where('id', '=', id)
    .execute();
}

/** Nothing new in the period: the period is done, and the next digest still starts where the last sent one ended. */
export async function markEmpty(db: Db, id: number): Promise<void> {
  await db.updateTable('deliveries').set({ status: 'empty', lease_until: null }).where('id', '=', id).execute();
}

/** A failed attempt: `failed` is tried again, `rejected` never. */
export async function failDelivery(db: Db, id: number, error: string, permanent: boolean): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: permanent ? 'rejected' : 'failed', error, lease_until: null })
    .where('id', '=', id)
    .execute();
}

/** Of these (subscriber, period) pairs, the ones whose delivery is finished, as `id|key`. */
export async function finishedPeriods(db: Db, pairs: { subscriberId: number; periodKey: string }[]): Promise<Set<string>> {
  if (!pairs.length) return new Set();
  const keys = [...new Set(pairs.map((p) => p.periodKey))];
  const rows = await db
    .selectFrom('deliveries')
    .select(['subscriber_id', 'period_key'])
    .where('period_key', 'in', keys)
    .where('status', 'in', [...FINAL])
    .execute();
  return new Set(rows.map((r) => `${r.subscriber_id}|${r.period_key}`));
}

/** A subscriber's latest deliveries, newest first: what `subscribers show` lists. */
export async function recentDeliveries(db: Db, subscriberId: number, limit = 10): Promise<DeliveryRow[]> {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('subscriber_id', '=', subscriberId)
    .orderBy(sql`coalesce(sent_at, created_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
