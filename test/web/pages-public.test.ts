import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestSecret } from '../../src/digest/links.ts';
import { signToken } from '../../src/digest/tokens.ts';
import { getSubscriber, upsertSubscriber } from '../../src/store/subscribers.ts';
import { uniquePrefix } from '../helpers/redis.ts';
import { formSession, HOSTILE_TITLE, publicServer, seedReports, type PublicServer } from '../fixtures/public-reports.ts';

const html = { accept: 'text/html,application/xhtml+xml' };
const form = { ...html, 'content-type': 'application/x-www-form-urlencoded' };

/** The text of every match of `re`'s first group. */
const all = (body: string, re: RegExp) => [...body.matchAll(re)].map((m) => m[1]);

describe('subscriber pages', () => {
  let s: PublicServer;
  let stories: { dalian: number; liaoning: number };

  beforeAll(async () => {
    s = await publicServer(uniquePrefix());
    stories = await seedReports(s.ctx);
  }, 120_000);

  afterAll(async () => {
    await s?.close();
  });

  describe('subscribe', () => {
    it('offers the sources’ regions grouped by province, the sources, frequency, hour, weekday and language, in Chinese by default', async () => {
      const { page, csrf } = await formSession(s.server);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<html lang="zh-CN">');
      expect(page.body).toContain('订阅工业报告摘要');
      expect(csrf.length).toBeGreaterThan(10);
      // 辽宁省's department covers the whole province: each of its cities is offered; 大连市 once.
      const regions = all(page.body, /name="regions" value="([^"]+)"/g);
      expect(regions).toEqual(expect.arrayContaining(['辽宁省', '大连市', '沈阳市', '山东省', '烟台市']));
      expect(regions.filter((r) => r === '大连市')).toHaveLength(1);
      expect(regions.indexOf('沈阳市')).toBeGreaterThan(regions.indexOf('辽宁省'));
      expect(all(page.body, /name="sources" value="([^"]+)"/g)).toEqual(['dalian-gxj', 'liaoning-gxt', 'yantai-gxj']);
      expect(page.body.match(/<select name="hour">([^]*?)<\/select>/)![1].match(/<option/g)).toHaveLength(24);
      expect(page.body).toContain('name="weekday"');
      expect(page.body).toContain('name="lang" value="en"');

      const en = await s.server.inject({ url: '/subscribe?lang=en', headers: html });
      expect(en.body).toContain('<html lang="en">');
      expect(en.body).toContain('Subscribe to the industry digest');
      expect(String(en.headers['set-cookie'])).toContain('lang=en');
      // The JSON clients of issue 10 still get their token.
      const json = await s.server.inject({ url: '/subscriptions' });
      expect(json.json()).toEqual({ csrf: expect.any(String) });
    });

    it('answers bad input with the form again, each problem named, what was typed kept and escaped', async () => {
      const { cookie, csrf } = await formSession(s.server);
      const payload = new URLSearchParams([
        ['_csrf', csrf],
        ['email', 'not-an-address"><script>alert(1)</script>'],
        ['regions', '大连市'],
        ['regions', '火星市'],
        ['frequency', 'weekly'],
        ['hour', '25'],
        ['weekday', '3'],
      ]).toString();
      const r = await s.server.inject({ method: 'POST', url: '/subscriptions', headers: { ...form, cookie }, payload });
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('text/html');
      const problems = all(r.body, /<li>([^<]+)<\/li>/g);
      expect(problems).toEqual(['email: not a valid e-mail address', 'regions: unknown region &quot;火星市&quot; (a province, city or county of China, e.g. 江苏省, 南京市)', 'hour: expected a whole hour 0–23, got &quot;25&quot;']);
      expect(r.body).not.toContain('<script>alert(1)');
      expect(r.body).toContain('value="not-an-address&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
      expect(r.body).toMatch(/value="大连市" checked/);
      expect(r.body).toMatch(/value="weekly" checked/);
      expect(r.body).toMatch(/<option value="3" selected>周三/);
      // A fresh token for the next try.
      expect(r.body).toMatch(/name="_csrf" value="[^"]+"/);
    });

    it('refuses a form post without the CSRF token', async () => {
      const { cookie } = await formSession(s.server);
      const r = await s.server.inject({ method: 'POST', url: '/subscriptions', headers: { ...form, cookie }, payload: 'email=a%40example.com' });
      expect(r.statusCode).toBe(403);
      expect(await s.ctx.db.selectFrom('subscribers').select('id').where('email', '=', 'a@example.com').executeTakeFirst()).toBeUndefined();
    });

    it('says “check your inbox” after a good form post, and the subscriber waits unconfirmed with the chosen preferences', async () => {
      const { cookie, csrf } = await formSession(s.server);
      const payload = new URLSearchParams([['_csrf', csrf], ['email', 'Reader@Example.com'], ['regions', '辽宁省'], ['keywords', '风电, 装备'], ['sources', 'dalian-gxj'], ['frequency', 'weekly'], ['hour', '7'], ['weekday', '5'], ['lang', 'en']]).toString();
      const r = await s.server.inject({ method: 'POST', url: '/subscriptions', headers: { ...form, cookie }, payload });
      expect(r.statusCode).toBe(202);
      expect(r.body).toContain('请查收邮件');
      expect(r.body).toContain('<strong>reader@example.com</strong>');
      const row = await s.ctx.db.selectFrom('subscribers').selectAll().where('email', '=', 'reader@example.com').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ regions: ['辽宁省'], keywords: ['风电', '装备'], sources: ['dalian-gxj'], frequency: 'weekly', hour: 7, weekday: 5, lang: 'en', confirmed_at: null });
    });
  });

  describe('the pages behind the mail’s links', () => {
    it('confirms, links to the preferences, saves them (nothing ticked means all) and unsubscribes with one button', async () => {
      const sub = await upsertSubscriber(s.ctx.db, { email: 'links@example.com', confirmed: false, regions: ['大连市'], hour: 9 });
      const secret = await digestSecret(s.config);
      const token = (purpose: 'confirm' | 'manage' | 'unsubscribe') => encodeURIComponent(signToken(secret, purpose, { subscriberId: sub.id, email: sub.email }));

      const confirmed = await s.server.inject({ url: `/subscriptions/confirm?token=${token('confirm')}`, headers: html });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.body).toContain('订阅已确认');
      const manage = /href="(\/subscriptions\/preferences\?token=[^"]+)"/.exec(confirmed.body)![1].replaceAll('&amp;', '&');

      const prefs = await s.server.inject({ url: manage, headers: html });
      expect(prefs.statusCode).toBe(200);
      expect(prefs.body).toContain('<strong>links@example.com</strong>');
      expect(prefs.body).toMatch(/value="大连市" checked/);
      expect(prefs.body).toMatch(/<option value="9" selected>09:00/);

      const action = /<form class="stack" method="post" action="([^"]+)"/.exec(prefs.body)![1].replaceAll('&amp;', '&');
      const bad = await s.server.inject({ method: 'POST', url: action, headers: form, payload: 'regions=%E7%81%AB%E6%98%9F%E5%B8%82&hour=9' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('regions: unknown region &quot;火星市&quot;');

      const saved = await s.server.inject({ method: 'POST', url: action, headers: form, payload: 'frequency=weekly&hour=18&weekday=7&lang=zh&keywords=' });
      expect(saved.statusCode).toBe(200);
      expect(saved.body).toContain('已保存。');
      expect(await getSubscriber(s.ctx.db, sub.id)).toMatchObject({ regions: [], frequency: 'weekly', hour: 18, weekday: 7 });

      const ask = await s.server.inject({ url: `/subscriptions/unsubscribe?token=${token('unsubscribe')}`, headers: html });
      expect(ask.body).toContain('确认退订');
      expect((await getSubscriber(s.ctx.db, sub.id))!.active).toBe(true);
      const button = /<form method="post" action="([^"]+)"/.exec(ask.body)![1].replaceAll('&amp;', '&');
      const done = await s.server.inject({ method: 'POST', url: button, headers: form, payload: 'List-Unsubscribe=One-Click' });
      expect(done.statusCode).toBe(200);
      expect(done.body).toContain('已退订');
      expect((await getSubscriber(s.ctx.db, sub.id))!.active).toBe(false);
    });

    it('speaks the language the subscriber chose for the mail, unless the browser chose one', async () => {
      const sub = await upsertSubscriber(s.ctx.db, { email: 'english@example.com', confirmed: true, lang: 'en' });
      const token = encodeURIComponent(signToken(await digestSecret(s.config), 'manage', { subscriberId: sub.id, email: sub.email }));
      const en = await s.server.inject({ url: `/subscriptions/preferences?token=${token}`, headers: html });
      expect(en.body).toContain('<html lang="en">');
      expect(en.body).toContain('Your preferences');
      const zh = await s.server.inject({ url: `/subscriptions/preferences?token=${token}`, headers: { ...html, cookie: 'lang=zh' } });
      expect(zh.body).toContain('订阅设置');
    });

    it('tells a person with a broken link what is wrong, as a page', async () => {
      const r = await s.server.inject({ url: '/subscriptions/preferences?token=garbage-token-123', headers: html });
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.body).toContain('出错了');
      expect(r.body).toMatch(/class="error" role="alert">[^<]+</);
    });
  });

  describe('the story archive', () => {
    it('shows each story with its figures and places, a hostile title as text and a javascript: link dead', async () => {
      const r = await s.server.inject({ url: '/stories', headers: html });
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain('<script>alert("title")');
      expect(r.body).toContain(HOSTILE_TITLE.replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;'));
      expect(r.body).not.toMatch(/href="javascript:/i);
      const liaoning = r.body.slice(r.body.indexOf(`data-story="${stories.liaoning}"`));
      expect(liaoning.slice(0, liaoning.indexOf('</li>'))).toMatch(/<a href="#" rel="noopener noreferrer">原文<\/a>/);
      const dalian = r.body.slice(r.body.indexOf(`data-story="${stories.dalian}"`));
      const item = dalian.slice(0, dalian.indexOf('</li>'));
      expect(item).toContain(`<a href="/stories/${stories.dalian}">`);
      expect(item).toMatch(/规模以上工业增加值[^]*2026-01~2026-09[^]*7.2%/);
      expect(item).toContain('大连市工业和信息化局');
      // Newest first: the Dalian report (3 days old) before the Yantai ones, the Liaoning one (40 days) last.
      expect(all(r.body, /data-story="(\d+)"/g).map(Number)).toHaveLength(7);
      expect(all(r.body, /data-story="(\d+)"/g).map(Number)[0]).toBe(stories.dalian);
      expect(all(r.body, /data-story="(\d+)"/g).map(Number).at(-1)).toBe(stories.liaoning);
    });

    it('filters by region (a province includes its cities), period, source and keyword', async () => {
      const ids = async (query: string) => all((await s.server.inject({ url: `/stories?${query}`, headers: html })).body, /data-story="(\d+)"/g).map(Number);
      expect(await ids(`region=${encodeURIComponent('辽宁省')}&since=&source=&keyword=`)).toEqual([stories.dalian, stories.liaoning]);
      expect(await ids(`region=${encodeURIComponent('大连市')}`)).toEqual([stories.dalian]);
      expect(await ids(`region=${encodeURIComponent('沈阳市')}`)).toEqual([]);
      expect(await ids('since=30d')).not.toContain(stories.liaoning);
      expect(await ids('since=30d')).toHaveLength(6);
      expect(await ids('source=liaoning-gxt')).toEqual([stories.liaoning]);
      expect(await ids(`keyword=${encodeURIComponent('风电装备')}`)).toHaveLength(5);
      const none = await s.server.inject({ url: `/stories?keyword=${encodeURIComponent('不存在的词')}`, headers: html });
      expect(none.body).toContain('没有符合条件的报告。');
      const bad = await s.server.inject({ url: '/stories?since=whenever', headers: html });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('text/html');
      expect(bad.body).toContain('since: expected a duration');
    });

    it('pages through the stories with the filters kept', async () => {
      const seen: number[] = [];
      let url: string | null = `/stories?limit=2&region=${encodeURIComponent('烟台市')}`;
      let pages = 0;
      while (url) {
        const r: { statusCode: number; body: string } = await s.server.inject({ url, headers: html });
        expect(r.statusCode).toBe(200);
        seen.push(...all(r.body, /data-story="(\d+)"/g).map(Number));
        url = /<a rel="next" href="([^"]+)"/.exec(r.body)?.[1].replaceAll('&amp;', '&') ?? null;
        if (url) expect(url).toContain('region=');
        if (pages > 0) expect(/<a rel="first" href="([^"]+)"/.exec(r.body)?.[1].replaceAll('&amp;', '&')).toBe(`/stories?limit=2&region=${encodeURIComponent('烟台市')}`);
        pages++;
      }
      expect(pages).toBe(3);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    });

    it('gives each story a page with every figure and place, and the story as JSON', async () => {
      const r = await s.server.inject({ url: `/stories/${stories.dalian}`, headers: html });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('<title>大连工业&lt;script&gt;');
      expect(r.body).not.toContain('<script>alert("title")');
      expect(r.body).toMatch(/2026-01~2026-08[^]*6.9%/);
      expect(r.body).toContain('http://gxj.dl.example.cn/art/2026/10/20/art_1.html');
      expect(r.body).toContain('装备制造业持续发力');
      const missing = await s.server.inject({ url: '/stories/999999', headers: html });
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('no story 999999');
      const json = await s.server.inject(`/api/stories/${stories.liaoning}`);
      expect(json.json()).toMatchObject({ storyId: stories.liaoning, url: 'javascript:alert("url")', figures: expect.arrayContaining([expect.objectContaining({ region: '沈阳市', value: 5.1 })]) });
    });
  });

  describe('the figures explorer', () => {
    it('answers the JSON API with each value once, its reports, and the disagreeing values marked', async () => {
      const r = await s.server.inject(`/api/figures?region=${encodeURIComponent('大连市')}&indicator=${encodeURIComponent('规模以上工业增加值')}&kind=growth`);
      expect(r.statusCode).toBe(200);
      const [dalian] = r.json().series;
      expect(dalian.values.map((v: { period: string; value: number; conflict: boolean }) => [v.period, v.value, v.conflict])).toEqual([
        ['2026-01~2026-08', 6.9, false],
        ['2026-01~2026-09', 7.2, true],
        ['2026-01~2026-09', 7.5, true],
      ]);
      expect(dalian.values[2].reports).toEqual([expect.objectContaining({ sourceName: '辽宁省工业和信息化厅', storyId: stories.liaoning })]);
      expect((await s.server.inject('/api/figures?region=a&region=b&region=c&indicator=x&kind=growth')).json().error).toMatch(/region\W+at most two regions/);
      expect((await s.server.inject(`/api/figures?region=x&indicator=x&kind=speed`)).statusCode).toBe(400);
      expect((await s.server.inject('/api/figures/choices')).json()).toMatchObject({ regions: expect.arrayContaining(['大连市', '沈阳市', '辽宁省']), measures: [{ indicator: '规模以上工业增加值', kind: 'growth', count: 5 }] });
    });

    it('draws two regions on one chart and lists the same points in a table, each linked to its report', async () => {
      const r = await s.server.inject({ url: `/figures?region=${encodeURIComponent('大连市')}&region=${encodeURIComponent('沈阳市')}&indicator=${encodeURIComponent('规模以上工业增加值')}&kind=growth`, headers: html });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('<svg class="chart"');
      const series = all(r.body, /<g class="series" data-series="([^"]+)"/g);
      expect(series).toEqual(['大连市', '沈阳市']);
      const points = [...r.body.matchAll(/<a href="([^"]*)" class="(point(?: conflict)?)" data-x="([^"]+)" data-y="([^"]+)"/g)].map((m) => ({ href: m[1], conflict: m[2] === 'point conflict', x: m[3], y: Number(m[4]) }));
      expect(points).toEqual([
        { href: 'http://gxj.dl.example.cn/art/2026/10/20/art_1.html', conflict: false, x: '2026-01~2026-08', y: 6.9 },
        { href: 'http://gxj.dl.example.cn/art/2026/10/20/art_1.html', conflict: true, x: '2026-01~2026-09', y: 7.2 },
        // The Liaoning report's address is `javascript:`: the point stays, its link goes nowhere.
        { href: '#', conflict: true, x: '2026-01~2026-09', y: 7.5 },
        { href: '#', conflict: false, x: '2026-01~2026-09', y: 5.1 },
      ]);
      const rows = all(r.body, /<tr class="(conflict|)">/g);
      expect(rows).toEqual(['', 'conflict', 'conflict', '']);
      expect(r.body).toContain('来源不一致');
      expect(r.body).toContain(`<a href="/stories/${stories.dalian}">`);
      expect(r.body).not.toContain('<script>alert');
    });

    it('starts with the most reported region and measure chosen, and says when a choice has no values', async () => {
      const first = await s.server.inject({ url: '/figures', headers: html });
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain('<svg class="chart"');
      const none = await s.server.inject({ url: `/figures?region=${encodeURIComponent('烟台市')}&indicator=${encodeURIComponent('规模以上工业增加值')}&kind=growth&lang=en`, headers: html });
      expect(none.body).toContain('No values of this indicator were found.');
      expect(none.body).not.toContain('<svg class="chart"');
    });
  });
});
