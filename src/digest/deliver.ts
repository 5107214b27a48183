import type { Db } from '../db/connect.ts';
import type { SubscriberRow } from '../db/schema.ts';
import { claimDelivery, completeDelivery, failDelivery, markEmpty } from '../store/deliveries.ts';
import { getSubscriber, recordRejection } from '../store/subscribers.ts';
import { collectDigest, type Digest } from './collect.ts';
import { subscriberLinks } from './links.ts';
import { SmtpSendError, type Mailer } from './mailer.ts';
import { regionNames } from './preferences.ts';
import { personalise, renderDigestTemplate, type DigestTemplate } from './render.ts';

export interface DigestOutcome {
  email: string;
  /**
   * `sent`; `nothing-new` (nothing sent); `already` (this period was done before); `busy` (another
   * attempt holds it now); `skipped` (unsubscribed or unconfirmed); `rejected` (5xx, for good).
   */
  status: 'sent' | 'nothing-new' | 'already' | 'busy' | 'skipped' | 'rejected' | 'failed';
  reports: number;
  messageId?: string;
  location?: string;
  preview?: string;
  error?: string;
}

/** Where a delivery has got to; `onStep` is told after each, so a test can stop a worker right there. */
export type DeliveryStep = 'claimed' | 'accepted' | 'recorded';

export interface DeliveryDeps {
  db: Db;
  mailer: Mailer;
  /** Signs each subscriber's preferences and unsubscribe links. */
  secret: string;
  /** Base of those links. */
  publicUrl: string;
  /** The sender address; its domain names the Message-IDs. */
  mailFrom: string;
  /** Send a short note when the period has nothing new, instead of nothing. */
  emptyNote: boolean;
  /** Shares the collected and rendered digest among subscribers who get the same stories. */
  cache?: DigestCache;
}

export interface DeliverRequest {
  subscriberId: number;
  /** The period (`daily:2026-12-02`): one delivery per subscriber and key. */
  periodKey: string;
  /** The digest covers stories first seen before this moment. */
  periodEnd: Date;
  /** Where a first digest starts. */
  firstPeriodStart: Date;
  /** Who attempts (a job id): its own claim left by a crashed attempt is taken over at once. */
  claimant: string;
  now?: Date;
  /** How long an attempt holds the claim against other claimants (default 10 minutes). */
  leaseMs?: number;
  onStep?: (step: DeliveryStep) => void | Promise<void>;
}

/**
 * Sends one subscriber the digest of one period, at most once per period as far as SMTP allows.
 *
 * The delivery row is claimed before anything is sent (a unique row per subscriber and period,
 * held by one attempt at a time), and completed once the server has accepted the message. The
 * one window SMTP leaves open is between the server's acceptance and our record of it: a worker
 * killed there leaves a claim in `sending`. Its retry cannot ask the server whether the message
 * arrived, so it sends again — with the same Message-ID, derived from the delivery, and the same
 * period and stories, so the second copy is the same message, which mail clients and servers
 * that deduplicate on Message-ID drop. We chose this over never resending an unfinished claim,
 * since a crash while the server is still receiving (far more common) would then lose the digest.
 */
export async function deliverDigest(deps: DeliveryDeps, req: DeliverRequest): Promise<DigestOutcome> {
  const { db } = deps;
  const now = req.now ?? new Date();
  const sub = await getSubscriber(db, req.subscriberId);
  if (!sub || !sub.active || !sub.confirmed_at) return { email: sub?.email ?? `#${req.subscriberId}`, status: 'skipped', reports: 0 };

  const claim = await claimDelivery(db, {
    subscriberId: sub.id,
    periodKey: req.periodKey,
    firstPeriodStart: req.firstPeriodStart,
    periodEnd: req.periodEnd,
    messageId: messageId(sub.id, req.periodKey, deps.mailFrom),
    transport: deps.mailer.transport,
    claimant: req.claimant,
    now,
    leaseMs: req.leaseMs ?? 10 * 60_000,
  });
  const d = claim.delivery;
  if (claim.state !== 'claimed') return { email: sub.email, status: claim.state === 'done' ? 'already' : 'busy', reports: d.article_count, messageId: d.message_id ?? undefined };
  await req.onStep?.('claimed');

  const { digest, template } = await digestFor(deps, sub, d.period_start, d.period_end);
  if (!digest.entries.length && !deps.emptyNote) {
    await markEmpty(db, d.id);
    return { email: sub.email, status: 'nothing-new', reports: 0 };
  }
  // Links dated by the delivery, not the attempt: every attempt sends the very same message.
  const links = subscriberLinks(deps.publicUrl, deps.secret, { subscriberId: sub.id, email: sub.email }, d.created_at);
  const mail = personalise(template, links);
  let sent;
  try {
    sent = await deps.mailer.send({ to: sub.email, ...mail, messageId: d.message_id!, unsubscribeUrl: links.unsubscribe });
  } catch (err) {
    const permanent = err instanceof SmtpSendError && err.permanent;
    const error = (err as Error).message;
    await failDelivery(db, d.id, error, permanent);
    if (permanent) await recordRejection(db, sub.id, error);
    throw err;
  }
  await req.onStep?.('accepted');
  await completeDelivery(db, d.id, { location: sent.location, articleCount: digest.entries.length, now: new Date() });
  await req.onStep?.('recorded');
  return { email: sub.email, status: 'sent', reports: digest.entries.length, messageId: d.message_id!, location: sent.location, preview: sent.preview };
}

/** `<digest.42.daily.2026-12-02@example.com>`: the same for every attempt of one delivery. */
export function messageId(subscriberId: number, periodKey: string, mailFrom: string): string {
  const domain = mailFrom.match(/@([A-Za-z0-9.-]+)>?\s*$/)?.[1] ?? 'indwatch.localhost';
  return `<digest.${subscriberId}.${periodKey.replace(/[^A-Za-z0-9-]+/g, '.')}@${domain}>`;
}

/** Collected and rendered digests by filters and period; a past period's stories no longer change. */
export class DigestCache {
  readonly #entries = new Map<string, Promise<{ digest: Digest; template: DigestTemplate }>>();
  constructor(readonly maxEntries = 500) {}

  get(key: string, make: () => Promise<{ digest: Digest; template: DigestTemplate }>) {
    let hit = this.#entries.get(key);
    if (!hit) {
      hit = make();
      hit.catch(() => this.#entries.delete(key));
      if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, hit);
    }
    return hit;
  }
}

async function digestFor(deps: DeliveryDeps, sub: SubscriberRow, since: Date, until: Date) {
  const make = async () => {
    const digest = await collectDigest(deps.db, { since, until, regions: regionNames(sub.regions), keywords: sub.keywords, sources: sub.sources });
    return { digest, template: renderDigestTemplate(digest, { lang: sub.lang, timezone: sub.timezone }) };
  };
  // Only a period that has ended is shared: stories may still arrive in one that has not.
  if (!deps.cache || until.getTime() > Date.now()) return make();
  const key = JSON.stringify([since.getTime(), until.getTime(), sub.regions, sub.keywords, sub.sources, sub.lang, sub.timezone]);
  return deps.cache.get(key, make);
}
