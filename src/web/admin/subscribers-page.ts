import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { collectDigest } from '../../digest/collect.ts';
import { renderDigest } from '../../digest/render.ts';
import { recentDeliveries } from '../../store/deliveries.ts';
import { subscriberCounts, subscriberOverview, type SubscriberStatus } from '../../store/subscriber-overview.ts';
import { getSubscriber } from '../../store/subscribers.ts';
import { HttpError } from '../errors.ts';
import { html } from '../html.ts';
import type { Phrase } from '../pages/layout.ts';
import { parseQuery } from '../query.ts';
import { sendAdminPage, when } from './frame.ts';

const T = {
  title: { zh: '订阅者', en: 'Subscribers' },
  email: { zh: '邮箱', en: 'Address' },
  status: { zh: '状态', en: 'Status' },
  follows: { zh: '关注', en: 'Follows' },
  deliveries: { zh: '最近投递', en: 'Last deliveries' },
  preview: { zh: '摘要预览', en: 'Digest preview' },
  none: { zh: '还没有订阅者。', en: 'No subscribers yet.' },
  all: { zh: '全部', en: 'all' },
} satisfies Record<string, Phrase>;

const STATUS: Record<SubscriberStatus, Phrase> = {
  active: { zh: '接收中', en: 'receiving' },
  unconfirmed: { zh: '待确认', en: 'unconfirmed' },
  unsubscribed: { zh: '已退订', en: 'unsubscribed' },
  rejected: { zh: '被退信', en: 'rejected' },
};

const IdParams = z.strictObject({ id: z.string().regex(/^\d{1,12}$/, 'not a subscriber id').transform(Number) });
const DAY = 86_400_000;

/** Subscribers: counts by status, each one's last deliveries, and a preview of the digest each would get now. */
export function registerSubscribersPage(app: FastifyInstance, ctx: AppContext): void {
  const tz = ctx.config.timezone;
  const op = { config: { access: 'operator' as const }, schema: { hide: true } };

  app.get('/admin/subscribers', op, async (req, reply) => {
    const [counts, subscribers] = await Promise.all([subscriberCounts(ctx.db), subscriberOverview(ctx.db, 200)]);
    const deliveries = new Map<number, Awaited<ReturnType<typeof recentDeliveries>>>();
    for (const s of subscribers) deliveries.set(s.id, await recentDeliveries(ctx.db, s.id, 3));
    return sendAdminPage(req, reply, {
      title: T.title,
      body: (lang) => html`<ul class="counts">${(Object.keys(STATUS) as SubscriberStatus[]).map((k) => html`<li data-count="${k}"><strong>${counts[k]}</strong> ${STATUS[k][lang]}</li>`)}</ul>
${subscribers.length === 0 ? html`<p class="muted">${T.none[lang]}</p>` : html`<div class="table-wrap"><table>
<thead><tr><th>${T.email[lang]}</th><th>${T.status[lang]}</th><th>${T.follows[lang]}</th><th>${T.deliveries[lang]}</th><th></th></tr></thead>
<tbody>${subscribers.map((s) => html`<tr data-subscriber="${s.id}"><td>${s.email}</td><td>${STATUS[s.status][lang]}</td>
<td>${s.frequency} · ${s.regions.join('、') || T.all[lang]}${s.keywords.length ? html`<br><span class="muted">${s.keywords.join('、')}</span>` : ''}</td>
<td>${(deliveries.get(s.id) ?? []).map((d) => html`<div>${when(d.sent_at ?? d.created_at, tz)} · ${d.status} · ${d.article_count}${d.error ? html` <span class="error">${d.error}</span>` : ''}</div>`)}</td>
<td><a href="/admin/subscribers/${s.id}/preview">${T.preview[lang]}</a></td></tr>`)}</tbody></table></div>`}`,
    });
  });

  // The digest this subscriber would get for the period just ended, with their regions, keywords and sources.
  app.get('/admin/subscribers/:id/preview', op, async (req, reply) => {
    const { id } = parseQuery(IdParams, req.params);
    const s = await getSubscriber(ctx.db, id);
    if (!s) throw new HttpError(404, `no subscriber ${id}`);
    const until = new Date();
    const since = new Date(until.getTime() - (s.frequency === 'weekly' ? 7 : 1) * DAY);
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? (JSON.parse(v) as string[]) : []);
    const digest = await collectDigest(ctx.db, { since, until, regions: list(s.regions), keywords: list(s.keywords), sources: list(s.sources) });
    return reply.type('text/html; charset=utf-8').send(renderDigest(digest, { lang: s.lang, timezone: s.timezone }).html);
  });
}
