import type { Db } from '../db/connect.ts';
import type { SubscriberRow } from '../db/schema.ts';

export interface SubscriberInput {
  email: string;
  name?: string | null;
  regions?: string[];
  keywords?: string[];
}

/** Adds a subscriber, or updates the filters of an existing one with the same address. */
export async function upsertSubscriber(db: Db, s: SubscriberInput): Promise<SubscriberRow> {
  const values = {
    email: s.email.trim().toLowerCase(),
    name: s.name ?? null,
    regions: JSON.stringify(s.regions ?? []),
    keywords: JSON.stringify(s.keywords ?? []),
  };
  return db
    .insertInto('subscribers')
    .values(values)
    .onConflict((oc) => oc.column('email').doUpdateSet({ name: values.name, regions: values.regions, keywords: values.keywords, active: true }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listSubscribers(db: Db, onlyActive = false): Promise<SubscriberRow[]> {
  let q = db.selectFrom('subscribers').selectAll().orderBy('id');
  if (onlyActive) q = q.where('active', '=', true);
  return q.execute();
}

export async function deactivateSubscriber(db: Db, email: string): Promise<boolean> {
  const r = await db.updateTable('subscribers').set({ active: false }).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** End of the period the subscriber's last successful digest covered. */
export async function lastDeliveredUntil(db: Db, subscriberId: number): Promise<Date | null> {
  const row = await db
    .selectFrom('deliveries')
    .select('period_end')
    .where('subscriber_id', '=', subscriberId)
    .where('status', '=', 'sent')
    .orderBy('period_end', 'desc')
    .executeTakeFirst();
  return row?.period_end ?? null;
}
