// The operator's pages: crawl-now buttons that follow their job live, and busy forms.
// Loaded from /static (the content security policy allows no inline script); without it the forms still work.
'use strict';

const POLL_MS = 1000;
const zh = document.documentElement.lang.startsWith('zh');
const say = (zhText, enText) => (zh ? zhText : enText);

function csrfOf(form) {
  return form.querySelector('input[name="_csrf"]').value;
}

async function post(url, csrf) {
  const res = await fetch(url, { method: 'POST', headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' });
  const body = await res.json().catch(() => ({}));
  if (res.ok || res.status === 409) return body;
  throw new Error(body.error || `HTTP ${res.status}`);
}

function progressBox(sourceId) {
  return document.querySelector(`[data-progress-for="${CSS.escape(sourceId)}"]`);
}

function describe(s) {
  const pages = say(`列表页 ${s.listPages}，文章页 ${s.articlePages}`, `${s.listPages} list pages, ${s.articlePages} article pages`);
  switch (s.state) {
    case 'waiting':
    case 'prioritized':
    case 'delayed':
      return say('排队中……', 'queued…');
    case 'active':
      return `${say('抓取中：', 'crawling: ')}${pages}`;
    case 'waiting-children':
      return `${say('处理文章：', 'processing articles: ')}${s.articles ? `${s.articles.processed}/${s.articles.total}` : ''} (${pages})`;
    default:
      return s.state;
  }
}

/** The row's last-crawl and result cells, as the page would show them after a reload. */
function showResult(sourceId, r) {
  const row = document.querySelector(`tr[data-source="${CSS.escape(sourceId)}"]`);
  if (!row || !r) return;
  const last = row.querySelector('[data-cell="last"]');
  const result = row.querySelector('[data-cell="result"]');
  const pages = r.listPages + r.articlePages;
  const errors = r.errors.length;
  if (last) last.textContent = say('刚刚', 'just now');
  if (result) {
    result.textContent = zh
      ? `${r.status} · ${pages} 页 · 新文章 ${r.stored} · 错误 ${errors}`
      : `${r.status} · ${pages} pages · ${r.stored} new · ${errors} error${errors === 1 ? '' : 's'}`;
  }
}

/** Follows a crawl job until it completes or fails, writing its state into the source's progress box. */
async function follow(sourceId, jobId) {
  const box = progressBox(sourceId);
  if (!box) return;
  box.dataset.job = jobId;
  box.dataset.state = 'waiting';
  const line = document.createElement('div');
  line.className = 'progress-line';
  const bar = document.createElement('progress');
  box.replaceChildren(bar, line);
  for (;;) {
    const res = await fetch(`/api/crawl-jobs/${encodeURIComponent(jobId)}`, { credentials: 'same-origin' });
    if (!res.ok) {
      line.textContent = say('找不到这次抓取。', 'This crawl is no longer known.');
      box.dataset.state = 'unknown';
      return;
    }
    const s = await res.json();
    box.dataset.state = s.state;
    if (s.articles && s.articles.total) {
      bar.max = s.articles.total;
      bar.value = s.articles.processed;
    }
    if (s.state === 'completed') {
      bar.remove();
      showResult(sourceId, s.result);
      const summary = document.createElement('pre');
      summary.className = 'crawl-summary';
      summary.textContent = s.summaryText || say('完成', 'done');
      box.replaceChildren(summary);
      return;
    }
    if (s.state === 'failed') {
      bar.remove();
      line.className = 'error';
      line.textContent = `${say('失败：', 'failed: ')}${s.failedReason || ''}`;
      return;
    }
    line.textContent = describe(s);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function showError(form, err) {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = err.message;
  form.after(p);
}

for (const form of document.querySelectorAll('form[data-crawl]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = form.dataset.crawl;
    try {
      const body = await post(`/api/sources/${encodeURIComponent(id)}/crawl`, csrfOf(form));
      await follow(id, body.jobId);
    } catch (err) {
      showError(form, err);
    }
  });
}

for (const form of document.querySelectorAll('form[data-crawl-all]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const body = await post('/api/sources/crawl', csrfOf(form));
      await Promise.all([...body.queued, ...body.pending].map((j) => follow(j.sourceId, j.jobId)));
    } catch (err) {
      showError(form, err);
    }
  });
}

// A source's page reached from a form post (no script at the time) names the job to follow.
for (const box of document.querySelectorAll('[data-progress-for][data-job]')) {
  if (box.dataset.job) void follow(box.dataset.progressFor, box.dataset.job);
}

// Drafting and testing fetch a site: say so while the server works.
for (const form of document.querySelectorAll('form[data-busy]')) {
  form.addEventListener('submit', () => {
    const note = document.createElement('p');
    note.className = 'muted busy';
    note.textContent = form.dataset.busy;
    form.append(note);
  });
}
