import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/** Where a subscriber stands: receiving digests, waiting for its confirmation, gone, or refused by the mail server. */
export type SubscriberStatus = 'active' | 'unconfirmed' | 'unsubscribed' | 'rejected';

export interface SubscriberOverview {
  id: number;
  email: string;
  status: SubscriberStatus;
  frequency: string;
  regions: string[];
  keywords: string[];
  createdAt: Date;
}

const STATUS = sql<SubscriberStatus>`case
  when rejected_at is not null then 'rejected'
  when not active then 'unsubscribed'
  when confirmed_at is null then 'unconfirmed'
  else 'active' end`;

/** Every subscriber with its status, newest first. */
export async function subscriberOverview(db: Db, limit = 500): Promise<SubscriberOverview[]> {
  const rows = await db
    .selectFrom('subscribers')
    .select(['id', 'email', 'frequency', 'regions', 'keywords', 'created_at'])
    .select(STATUS.as('status'))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    status: r.status,
    frequency: r.frequency,
    regions: asList(r.regions),
    keywords: asList(r.keywords),
    createdAt: r.created_at,
  }));
}

/** How many subscribers are in each status (every status present, zero included). */
export async function subscriberCounts(db: Db): Promise<Record<SubscriberStatus, number>> {
  const rows = await db.selectFrom('subscribers').select(STATUS.as('status')).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(sql`1`).execute();
  const counts: Record<SubscriberStatus, number> = { active: 0, unconfirmed: 0, unsubscribed: 0, rejected: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

function asList(value: unknown): string[] {
  const v = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(v) ? v.map(String) : [];
}
