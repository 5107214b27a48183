import { findSubscriber, receivingSubscribers } from '../store/subscribers.ts';
import { deliverDigest, type DeliveryDeps, type DigestOutcome } from './deliver.ts';

export type { DigestOutcome } from './deliver.ts';

export interface SendNowOptions {
  now?: Date;
  /** How far back a first digest reaches. */
  firstDigestDays?: number;
  /** Only this subscriber. */
  email?: string;
  /** Who sends (a job id); a period of its own is claimed under it. */
  claimant?: string;
}

/**
 * The operator's "send now" (`digest send`, the demo): each receiving subscriber (or one) gets the
 * stories since their last digest, as a period of its own that ends now. Recorded like any
 * scheduled digest, so the next one starts where this one ended.
 */
export async function sendDigestsNow(deps: DeliveryDeps, options: SendNowOptions = {}): Promise<DigestOutcome[]> {
  const now = options.now ?? new Date();
  const subs = options.email ? [await findSubscriber(deps.db, options.email)].filter((s) => s?.active && s.confirmed_at) : await receivingSubscribers(deps.db);
  const outcomes: DigestOutcome[] = [];
  for (const sub of subs) {
    try {
      outcomes.push(
        await deliverDigest(deps, {
          subscriberId: sub!.id,
          periodKey: `now:${now.toISOString()}`,
          periodEnd: now,
          firstPeriodStart: new Date(now.getTime() - (options.firstDigestDays ?? 7) * 86_400_000),
          claimant: options.claimant ?? `now-${process.pid}`,
          now,
        }),
      );
    } catch (err) {
      outcomes.push({ email: sub!.email, status: 'failed', reports: 0, error: (err as Error).message });
    }
  }
  return outcomes;
}

