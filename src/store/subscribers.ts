import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { SubscriberRow } from '../db/schema.ts';

export interface SubscriberInput {
  email: string;
  name?: string | null;
  /** Regions the subscriber follows (gazetteer names); empty means all. */
  regions?: string[];
  keywords?: string[];
  /** Source ids; empty means all. */
  sources?: string[];
  frequency?: 'daily' | 'weekly';
  hour?: number;
  weekday?: number;
  timezone?: string;
  lang?: 'zh' | 'en';
  /** Confirmed now (the operator's path); otherwise the address stays unconfirmed until it confirms. */
  confirmed?: boolean;
}

function preferenceValues(s: Omit<SubscriberInput, 'email' | 'name' | 'confirmed'>) {
  return {
    regions: JSON.stringify(s.regions ?? []),
    keywords: JSON.stringify(s.keywords ?? []),
    sources: JSON.stringify(s.sources ?? []),
    frequency: s.frequency ?? 'daily',
    hour: s.hour ?? 8,
    weekday: s.weekday ?? 1,
    timezone: s.timezone ?? 'Asia/Shanghai',
    lang: s.lang ?? 'zh',
  };
}

/**
 * Adds a subscriber, or replaces the preferences of the one with the same address and makes it
 * active again. An address that had unsubscribed must confirm again unless `confirmed`.
 */
export async function upsertSubscriber(db: Db, s: SubscriberInput): Promise<SubscriberRow> {
  const prefs = preferenceValues(s);
  const confirmedAt = s.confirmed === false ? null : s.confirmed ? new Date() : undefined;
  const values = { email: s.email.trim().toLowerCase(), name: s.name ?? null, ...prefs, confirmed_at: confirmedAt === undefined ? new Date() : confirmedAt };
  return db
    .insertInto('subscribers')
    .values(values)
    .onConflict((oc) =>
      oc.column('email').doUpdateSet((eb) => ({
        name: values.name,
        ...prefs,
        active: true,
        unsubscribed_at: null,
        confirmed_at:
          confirmedAt === undefined
            ? eb.case().when('subscribers.active', '=', false).then(sql<Date | null>`null`).else(eb.ref('subscribers.confirmed_at')).end()
            : confirmedAt,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listSubscribers(db: Db, onlyActive = false): Promise<SubscriberRow[]> {
  let q = db.selectFrom('subscribers').selectAll().orderBy('id');
  if (onlyActive) q = q.where('active', '=', true);
  return q.execute();
}

export async function getSubscriber(db: Db, id: number): Promise<SubscriberRow | undefined> {
  return db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSubscriber(db: Db, email: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('subscribers').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** Subscribers a digest may go to: active and confirmed. */
export async function receivingSubscribers(db: Db): Promise<SubscriberRow[]> {
  return db.selectFrom('subscribers').selectAll().where('active', '=', true).where('confirmed_at', 'is not', null).orderBy('id').execute();
}

/** The operator's `subscribers remove`: stops mailing an address; its delivery history is kept. */
export async function deactivateSubscriber(db: Db, email: string): Promise<boolean> {
  const r = await db
    .updateTable('subscribers')
    .set({ active: false, unsubscribed_at: new Date() })
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Unsubscribes at once (one-click link). */
export async function unsubscribe(db: Db, id: number): Promise<boolean> {
  const r = await db.updateTable('subscribers').set({ active: false, unsubscribed_at: new Date() }).where('id', '=', id).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Confirms the double opt-in; a second click changes nothing. */
export async function confirmSubscriber(db: Db, id: number): Promise<SubscriberRow | undefined> {
  return db
    .updateTable('subscribers')
    .set((eb) => ({ confirmed_at: eb.fn.coalesce('confirmed_at', sql<Date>`now()`) }))
    .where('id', '=', id)
    .where('active', '=', true)
    .returningAll()
    .executeTakeFirst();
}

export async function updatePreferences(db: Db, id: number, prefs: Omit<SubscriberInput, 'email' | 'name' | 'confirmed'>): Promise<SubscriberRow | undefined> {
  return db.updateTable('subscribers').set(preferenceValues(prefs)).where('id', '=', id).returningAll().executeTakeFirst();
}

/**
 * Takes one of the few confirmation mails an address may receive: none within `cooldownMs` of
 * the last, at most `maxPerDay` a day. False when the address has had its share.
 */
export async function takeConfirmationSend(db: Db, id: number, options: { now: Date; cooldownMs: number; maxPerDay: number }): Promise<boolean> {
  const { now } = options;
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const r = await db
    .updateTable('subscribers')
    .set((eb) => ({
      confirm_sends: eb.case().when('confirm_sent_at', '<', dayAgo).then(1).when('confirm_sent_at', 'is', null).then(1).else(sql<number>`confirm_sends + 1`).end(),
      confirm_sent_at: now,
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('confirm_sent_at', 'is', null),
        eb('confirm_sent_at', '<', dayAgo),
        eb.and([eb('confirm_sent_at', '<', new Date(now.getTime() - options.cooldownMs)), eb('confirm_sends', '<', options.maxPerDay)]),
      ]),
    )
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** An address that never confirmed is forgotten after a few days. */
export async function forgetUnconfirmed(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('subscribers').where('confirmed_at', 'is', null).where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The SMTP server refused the address for good (5xx): kept for `subscribers show`. */
export async function recordRejection(db: Db, id: number, reason: string): Promise<void> {
  await db.updateTable('subscribers').set({ rejected_at: new Date(), rejection: reason }).where('id', '=', id).execute();
}

