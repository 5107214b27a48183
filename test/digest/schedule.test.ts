import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { enqueueDueDigests } from '../../src/digest/due.ts';
import { currentSlot } from '../../src/digest/schedule.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { redisOptions } from '../../src/queue/redis.ts';
import { upsertSubscriber } from '../../src/store/subscribers.ts';
import { pgliteDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';

describe('digest schedule per subscriber', () => {
  it('finds the period a moment belongs to in the subscriber’s time zone', () => {
    const daily = { frequency: 'daily', hour: 8, weekday: 1, timezone: 'Asia/Shanghai' } as const;
    // 2026-12-02 07:30 in Shanghai is before 8: still the period that began on the 1st.
    expect(currentSlot(daily, new Date('2026-12-01T23:30:00Z'))).toEqual({
      key: 'daily:2026-12-01',
      at: new Date('2026-12-01T00:00:00Z'),
      previous: new Date('2026-11-30T00:00:00Z'),
    });
    expect(currentSlot(daily, new Date('2026-12-02T00:00:00Z')).key).toBe('daily:2026-12-02');
    const weekly = { frequency: 'weekly', hour: 18, weekday: 3, timezone: 'Asia/Shanghai' } as const;
    // Wednesday 2026-12-02 18:00 Shanghai = 10:00 UTC.
    expect(currentSlot(weekly, new Date('2026-12-02T09:59:00Z')).key).toBe('weekly:2026-11-25');
    expect(currentSlot(weekly, new Date('2026-12-02T10:00:00Z'))).toMatchObject({ key: 'weekly:2026-12-02', at: new Date('2026-12-02T10:00:00Z') });
    expect(currentSlot({ ...daily, timezone: 'Europe/Berlin' }, new Date('2026-12-02T07:30:00Z'))).toMatchObject({ key: 'daily:2026-12-02', at: new Date('2026-12-02T07:00:00Z') });
  });

  describe('the tick', () => {
    let t: TestDb;
    let queues: Queues;
    const prefix = uniquePrefix();
    const settings = loadConfig({}).digest;

    beforeAll(async () => {
      t = await pgliteDb();
      queues = createQueues(redisOptions(REDIS_URL), prefix);
      const confirmed = async (email: string, prefs: object) => {
        const s = await upsertSubscriber(t.db, { email, ...prefs, confirmed: true });
        await t.db.updateTable('subscribers').set({ confirmed_at: new Date('2026-11-01T00:00:00Z') }).where('id', '=', s.id).execute();
      };
      await confirmed('morning@example.com', { frequency: 'daily', hour: 8 });
      await confirmed('evening@example.com', { frequency: 'daily', hour: 20 });
      await confirmed('wednesday@example.com', { frequency: 'weekly', hour: 18, weekday: 3 });
    });

    afterAll(async () => {
      await queues?.close();
      await dropPrefix(prefix);
      await t?.close();
    });

    const ids = async () => (await queues.digest.getJobs(['waiting', 'prioritized', 'delayed'])).map((j) => j.id).sort();

    it('queues each subscriber’s digest for their own period, once however often it runs', async () => {
      // Wednesday 2 Dec 09:00 Shanghai: the morning digest of the 2nd is due; the evening one of the 1st; the weekly of 25 Nov.
      const first = await enqueueDueDigests(t.db, queues.digest, settings, new Date('2026-12-02T01:00:00Z'));
      expect(first.queued).toBe(3);
      const again = await enqueueDueDigests(t.db, queues.digest, settings, new Date('2026-12-02T01:30:00Z'));
      expect(again.queued).toBe(3);
      expect(await ids()).toEqual(['digest-1-daily_2026-12-02', 'digest-2-daily_2026-12-01', 'digest-3-weekly_2026-11-25']);
      // 18:00 Shanghai: the weekly digest of the 2nd joins; the others are the same periods as before.
      await enqueueDueDigests(t.db, queues.digest, settings, new Date('2026-12-02T10:00:00Z'));
      expect(await ids()).toEqual(['digest-1-daily_2026-12-02', 'digest-2-daily_2026-12-01', 'digest-3-weekly_2026-11-25', 'digest-3-weekly_2026-12-02']);
      const job = await queues.digest.getJob('digest-3-weekly_2026-12-02');
      expect(job!.data).toMatchObject({ kind: 'send', periodEnd: '2026-12-02T10:00:00.000Z', firstPeriodStart: '2026-11-25T10:00:00.000Z' });
    });

    it('skips a period that began before the address was confirmed', async () => {
      const late = await upsertSubscriber(t.db, { email: 'late@example.com', confirmed: true, hour: 8 });
      await t.db.updateTable('subscribers').set({ confirmed_at: new Date('2026-12-02T02:00:00Z') }).where('id', '=', late.id).execute();
      await enqueueDueDigests(t.db, queues.digest, settings, new Date('2026-12-02T03:00:00Z'));
      expect((await ids()).filter((id) => id!.startsWith(`digest-${late.id}-`))).toEqual([]);
      await enqueueDueDigests(t.db, queues.digest, settings, new Date('2026-12-03T00:00:00Z'));
      expect((await ids()).filter((id) => id!.startsWith(`digest-${late.id}-`))).toEqual([`digest-${late.id}-daily_2026-12-03`]);
    });
  });
});
