import { SUBSCRIPTION_PATHS } from '../../digest/links.ts';
import { html, type SafeHtml } from '../html.ts';
import type { RegionChoices } from '../region-choices.ts';
import { page, type Lang } from './layout.ts';
import { PUBLIC_NAV } from './public-nav.ts';

/** Preferences as a form shows them: what was stored, or what was typed (possibly wrong). */
export interface FormValues {
  email?: string;
  regions: string[];
  keywords: string;
  sources: string[];
  frequency: string;
  hour: string;
  weekday: string;
  lang: string;
}

export const DEFAULT_VALUES: FormValues = { regions: [], keywords: '', sources: [], frequency: 'daily', hour: '8', weekday: '1', lang: 'zh' };

/** What every subscription form offers to choose from. */
export interface FormChoices {
  regions: RegionChoices;
  sources: { id: string; name: string }[];
}

const T = {
  subscribe: { zh: '订阅工业报告摘要', en: 'Subscribe to the industry digest' },
  intro: {
    zh: '选择您关注的地区、关键词和来源，我们会按您选择的频率把新的工业报告和关键数据发到您的邮箱。',
    en: 'Choose the regions, keywords and sources you follow; new industry reports and their key figures reach your inbox as often as you like.',
  },
  email: { zh: '电子邮箱', en: 'E-mail address' },
  regions: { zh: '地区（不选即全部）', en: 'Regions (none chosen: all)' },
  wholeProvince: { zh: '全省', en: 'whole province' },
  keywords: { zh: '关键词（用逗号分隔，可不填）', en: 'Keywords (comma-separated, optional)' },
  sources: { zh: '来源（不选即全部）', en: 'Sources (none chosen: all)' },
  frequency: { zh: '频率', en: 'Frequency' },
  daily: { zh: '每天', en: 'Daily' },
  weekly: { zh: '每周', en: 'Weekly' },
  hour: { zh: '发送时间（北京时间）', en: 'Hour (China time)' },
  weekday: { zh: '每周的哪一天（每周发送时）', en: 'Day of the week (weekly digests)' },
  mailLang: { zh: '邮件语言', en: 'Language of the mail' },
  submit: { zh: '订阅', en: 'Subscribe' },
  problems: { zh: '请检查以下内容：', en: 'Please check:' },
  inboxTitle: { zh: '请查收邮件', en: 'Check your inbox' },
  inbox: { zh: '如果该地址可以接收邮件，确认链接已发往', en: 'If the address can receive mail, a confirmation link is on its way to' },
  inboxHint: { zh: '点击邮件中的链接完成订阅。未确认的订阅会在几天后自动删除。', en: 'Click the link in the mail to finish subscribing. An unconfirmed subscription is forgotten after a few days.' },
  confirmedTitle: { zh: '订阅已确认', en: 'Subscription confirmed' },
  confirmed: { zh: '订阅已确认，摘要将发往', en: 'Confirmed: digests will go to' },
  manage: { zh: '修改订阅设置', en: 'Change your preferences' },
  prefsTitle: { zh: '订阅设置', en: 'Your preferences' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存。', en: 'Saved.' },
  inactive: { zh: '该订阅已退订或尚未确认，保存设置不会恢复发送。', en: 'This subscription is cancelled or not yet confirmed; saving does not restart it.' },
  unsubscribeTitle: { zh: '退订', en: 'Unsubscribe' },
  unsubscribeAsk: { zh: '停止向以下地址发送摘要：', en: 'Stop sending digests to:' },
  unsubscribeButton: { zh: '确认退订', en: 'Unsubscribe' },
  unsubscribedTitle: { zh: '已退订', en: 'Unsubscribed' },
  unsubscribed: { zh: '不会再向以下地址发送摘要：', en: 'No more digests will be sent to:' },
  resubscribe: { zh: '重新订阅', en: 'Subscribe again' },
  errorTitle: { zh: '出错了', en: 'Something went wrong' },
};

const WEEKDAYS = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** Asks the weekday only for weekly digests; greys out the cities of a province ticked whole. The forms work without it. */
const SCRIPT = '/static/subscribe.js';

interface Frame {
  lang: Lang;
  path: string;
}

/** The subscribe form, empty or as typed with the problems found. Works without script: a plain POST with the CSRF token. */
export function subscribePage(frame: Frame & { csrf: string; choices: FormChoices; values: FormValues; problems?: string[] }): SafeHtml {
  const { lang } = frame;
  const body = html`<p class="muted">${T.intro[lang]}</p>
${problemList(lang, frame.problems)}
<form class="stack" method="post" action="${SUBSCRIPTION_PATHS.subscribe}" novalidate data-preferences>
<input type="hidden" name="_csrf" value="${frame.csrf}">
<label>${T.email[lang]}<input type="email" name="email" required autocomplete="email" maxlength="254" value="${frame.values.email ?? ''}"></label>
${preferenceFields(lang, frame.choices, frame.values)}
<button type="submit">${T.submit[lang]}</button>
</form>`;
  return page({ lang, title: T.subscribe[lang], path: frame.path, nav: PUBLIC_NAV, body, scripts: [SCRIPT] });
}

/** The preferences form reached from a digest's link: the token in the form's address is the authority. */
export function preferencesPage(frame: Frame & { token: string; email: string; active: boolean; choices: FormChoices; values: FormValues; saved?: boolean; problems?: string[] }): SafeHtml {
  const { lang } = frame;
  const action = `${SUBSCRIPTION_PATHS.preferences}?token=${encodeURIComponent(frame.token)}`;
  const body = html`<p><strong>${frame.email}</strong></p>
${frame.saved ? html`<p class="notice" role="status">${T.saved[lang]}</p>` : ''}
${frame.active ? '' : html`<p class="warn">${T.inactive[lang]}</p>`}
${problemList(lang, frame.problems)}
<form class="stack" method="post" action="${action}" data-preferences>
${preferenceFields(lang, frame.choices, frame.values)}
<button type="submit">${T.save[lang]}</button>
</form>`;
  return page({ lang, title: T.prefsTitle[lang], path: frame.path, nav: PUBLIC_NAV, body, scripts: [SCRIPT] });
}

export function checkInboxPage(frame: Frame & { email: string }): SafeHtml {
  const { lang } = frame;
  const body = html`<p class="notice" role="status">${T.inbox[lang]} <strong>${frame.email}</strong>.</p><p class="muted">${T.inboxHint[lang]}</p>`;
  return page({ lang, title: T.inboxTitle[lang], path: frame.path, nav: PUBLIC_NAV, body });
}

export function confirmedPage(frame: Frame & { email: string; manageHref: string }): SafeHtml {
  const { lang } = frame;
  const body = html`<p class="notice" role="status">${T.confirmed[lang]} <strong>${frame.email}</strong>.</p><p><a href="${frame.manageHref}">${T.manage[lang]}</a></p>`;
  return page({ lang, title: T.confirmedTitle[lang], path: frame.path, nav: PUBLIC_NAV, body });
}

/** A GET never unsubscribes (mail scanners follow links): one button that POSTs. */
export function unsubscribePage(frame: Frame & { token: string; email: string }): SafeHtml {
  const { lang } = frame;
  const action = `${SUBSCRIPTION_PATHS.unsubscribe}?token=${encodeURIComponent(frame.token)}`;
  const body = html`<p>${T.unsubscribeAsk[lang]} <strong>${frame.email}</strong></p>
<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${T.unsubscribeButton[lang]}</button></form>`;
  return page({ lang, title: T.unsubscribeTitle[lang], path: frame.path, nav: PUBLIC_NAV, body });
}

export function unsubscribedPage(frame: Frame & { email: string }): SafeHtml {
  const { lang } = frame;
  const body = html`<p class="notice" role="status">${T.unsubscribed[lang]} <strong>${frame.email}</strong></p><p><a href="/subscribe">${T.resubscribe[lang]}</a></p>`;
  return page({ lang, title: T.unsubscribedTitle[lang], path: frame.path, nav: PUBLIC_NAV, body });
}

/** A refusal (bad or expired link, cancelled subscription) told as a page. */
export function problemPage(frame: Frame & { message: string }): SafeHtml {
  const { lang } = frame;
  return page({ lang, title: T.errorTitle[lang], path: frame.path, nav: PUBLIC_NAV, body: html`<p class="error" role="alert">${frame.message}</p>` });
}

function problemList(lang: Lang, problems: string[] | undefined): SafeHtml | string {
  if (!problems?.length) return '';
  return html`<div class="notice error" role="alert"><p>${T.problems[lang]}</p><ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div>`;
}

/** Regions (a province whole or city by city), keywords, sources, frequency, hour, weekday, mail language. */
function preferenceFields(lang: Lang, choices: FormChoices, v: FormValues): SafeHtml {
  const checked = (on: boolean) => (on ? 'checked' : '');
  const regions = choices.regions.provinces.length
    ? html`<fieldset class="regions"><legend>${T.regions[lang]}</legend>${choices.regions.provinces.map(
        (p) => html`<div class="province"><label class="check whole"><input type="checkbox" name="regions" value="${p.province}" ${checked(v.regions.includes(p.province))}> ${p.province} <span class="muted">(${T.wholeProvince[lang]})</span></label><div class="cities">${p.members.map(
          (m) => html`<label class="check"><input type="checkbox" name="regions" value="${m}" ${checked(v.regions.includes(m))}> ${m}</label>`,
        )}</div></div>`,
      )}</fieldset>`
    : '';
  const sources = choices.sources.length
    ? html`<fieldset class="sources"><legend>${T.sources[lang]}</legend>${choices.sources.map(
        (s) => html`<label class="check"><input type="checkbox" name="sources" value="${s.id}" ${checked(v.sources.includes(s.id))}> ${s.name}</label>`,
      )}</fieldset>`
    : '';
  return html`${regions}
<label>${T.keywords[lang]}<input type="text" name="keywords" maxlength="500" value="${v.keywords}"></label>
${sources}
<fieldset class="inline"><legend>${T.frequency[lang]}</legend><label class="check"><input type="radio" name="frequency" value="daily" ${checked(v.frequency !== 'weekly')}> ${T.daily[lang]}</label><label class="check"><input type="radio" name="frequency" value="weekly" ${checked(v.frequency === 'weekly')}> ${T.weekly[lang]}</label></fieldset>
<label>${T.hour[lang]}<select name="hour">${Array.from({ length: 24 }, (_, h) => html`<option value="${h}" ${String(h) === v.hour ? 'selected' : ''}>${String(h).padStart(2, '0')}:00</option>`)}${/^\d{1,2}$/.test(v.hour) && Number(v.hour) < 24 ? '' : html`<option value="${v.hour}" selected>${v.hour}</option>`}</select></label>
<label class="weekday">${T.weekday[lang]}<select name="weekday">${WEEKDAYS[lang].map((name, i) => html`<option value="${i + 1}" ${String(i + 1) === v.weekday ? 'selected' : ''}>${name}</option>`)}</select></label>
<fieldset class="inline"><legend>${T.mailLang[lang]}</legend><label class="check"><input type="radio" name="lang" value="zh" ${checked(v.lang !== 'en')}> 中文</label><label class="check"><input type="radio" name="lang" value="en" ${checked(v.lang === 'en')}> English</label></fieldset>`;
}
