import escapeHtml from 'escape-html';
import type { Db } from '../db/connect.ts';
import type { SubscriberRow } from '../db/schema.ts';
import { findSubscriber, takeConfirmationSend, upsertSubscriber } from '../store/subscribers.ts';
import { confirmLink, subscriberLinks } from './links.ts';
import type { Mailer } from './mailer.ts';
import type { Preferences } from './preferences.ts';

export interface SubscribeDeps {
  db: Db;
  mailer: Mailer;
  secret: string;
  publicUrl: string;
}

export type SubscribeResult =
  /** A confirmation link went to the address. */
  | { status: 'confirmation-sent'; subscriber: SubscriberRow }
  /** Already subscribed: a link to manage the subscription went instead; preferences unchanged. */
  | { status: 'manage-link-sent'; subscriber: SubscriberRow }
  /** The address had its share of mails lately: nothing sent. */
  | { status: 'limited'; subscriber: SubscriberRow };

/** One confirmation mail per address per 10 minutes, at most 3 a day: the form cannot flood an inbox. */
export const CONFIRMATION_LIMIT = { cooldownMs: 10 * 60_000, maxPerDay: 3 };

/**
 * A subscription asked for by the address's owner (or someone claiming to be): stored
 * unconfirmed, and a signed, expiring confirmation link mailed. Nothing else is ever sent
 * to it before the link is followed. An address already subscribed gets its manage link
 * instead, so a stranger cannot change someone's preferences by subscribing them again.
 */
export async function requestSubscription(deps: SubscribeDeps, email: string, prefs: Preferences, now = new Date()): Promise<SubscribeResult> {
  const existing = await findSubscriber(deps.db, email);
  const confirmed = existing?.active && existing.confirmed_at;
  const subscriber = confirmed ? existing : await upsertSubscriber(deps.db, { email, ...prefs, confirmed: false });
  if (!(await takeConfirmationSend(deps.db, subscriber.id, { now, ...CONFIRMATION_LIMIT }))) return { status: 'limited', subscriber };
  const subject = { subscriberId: subscriber.id, email: subscriber.email };
  const zh = subscriber.lang === 'zh';
  if (confirmed) {
    const { manage, unsubscribe } = subscriberLinks(deps.publicUrl, deps.secret, subject, now);
    await deps.mailer.send({
      to: subscriber.email,
      subject: zh ? '您已订阅 indwatch 工业报告摘要' : 'You are already subscribed to indwatch digests',
      ...bodies(zh ? ['此地址已订阅。管理订阅：', '退订：'] : ['This address is already subscribed. Manage it:', 'Unsubscribe:'], [manage, unsubscribe]),
    });
    return { status: 'manage-link-sent', subscriber };
  }
  const link = confirmLink(deps.publicUrl, deps.secret, subject, now);
  await deps.mailer.send({
    to: subscriber.email,
    subject: zh ? '请确认订阅 indwatch 工业报告摘要' : 'Please confirm your indwatch subscription',
    ...bodies(
      zh ? ['请在3天内点击以下链接确认订阅（若非本人操作，忽略此邮件即可）：'] : ['Confirm your subscription within 3 days (if you did not ask for it, ignore this mail):'],
      [link],
    ),
  });
  return { status: 'confirmation-sent', subscriber };
}

function bodies(lines: string[], links: string[]): { text: string; html: string } {
  return {
    text: `${lines.map((l, i) => `${l}\n${links[i] ?? ''}`).join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif">${lines.map((l, i) => `<p>${escapeHtml(l)}<br><a href="${escapeHtml(links[i] ?? '')}">${escapeHtml(links[i] ?? '')}</a></p>`).join('')}</body></html>`,
  };
}
