/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright 2026 The Audit SDK Authors */
// Activity viewer: reads GET /api/activity and renders with DOM calls only. Every value from a
// record goes through textContent (never innerHTML), so a remark such as
// "<script>…" is shown as text; the Content-Security-Policy forbids inline script as well.
'use strict';

(function () {
  const API = '/api/activity';
  const PAGE_SIZE = 50;
  const CHART_HOURS = 24;
  const CHART_MAX_RECORDS = 5000;
  const FILTERS = ['actor', 'loginName', 'action', 'status', 'targetType', 'targetId', 'from', 'to', 'q'];
  const PALETTE = {
    'Create': '#2f9e44', 'Read': '#4263eb', 'Update': '#f08c00', 'Delete': '#e03131',
    'Login': '#0c8599', 'Logout': '#868e96', 'Login Failed': '#c2255c', 'Export': '#7048e8'
  };
  const EXTRA_COLOURS = ['#5c940d', '#1971c2', '#e8590c', '#9c36b5', '#495057'];

  const $ = (id) => document.getElementById(id);
  const form = $('filters');
  const tbody = document.querySelector('#records tbody');
  const loadMore = $('load-more');
  let nextCursor = null;
  let shown = [];
  let generation = 0;

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function svg(tag, attrs) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }

  function colour(action) {
    if (PALETTE[action]) return PALETTE[action];
    let h = 0;
    for (const c of String(action)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return EXTRA_COLOURS[h % EXTRA_COLOURS.length];
  }

  // The form's values as API parameters: datetime-local (the browser's zone) becomes an ISO instant.
  function filterParams() {
    const p = new URLSearchParams();
    for (const name of FILTERS) {
      const input = form.elements[name];
      const value = input.value.trim();
      if (!value) continue;
      p.set(name, input.type === 'datetime-local' ? new Date(value).toISOString() : value);
    }
    return p;
  }

  function fillFormFromUrl() {
    const p = new URLSearchParams(location.search);
    for (const name of FILTERS) {
      const input = form.elements[name];
      const value = p.get(name);
      if (value === null) continue;
      input.value = input.type === 'datetime-local' ? toLocalInput(value) : value;
    }
  }

  function toLocalInput(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return '';
    const pad = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' +
      pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  function formatTime(iso) {
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : toLocalInput(iso).replace('T', ' ');
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401 || response.status === 403 || response.redirected) {
      throw new Error('Not allowed: sign in as a user with the AUDITOR role.');
    }
    if (!response.ok) {
      let detail = '';
      try { const body = await response.json(); detail = body.message || body.error || ''; } catch (e) { /* not JSON */ }
      throw new Error('The server answered ' + response.status + (detail ? ': ' + detail : '.'));
    }
    return response.json();
  }

  function showMessage(text) {
    const m = $('message');
    m.textContent = text || '';
    m.hidden = !text;
  }

  // ---- records table -------------------------------------------------------------------------

  function badge(kind, value) {
    const b = el('span', 'badge ' + kind, value);
    if (kind === 'action') {
      b.style.setProperty('--badge', colour(value));
    }
    return b;
  }

  function statusBadge(status) {
    return status === 'FAILED' ? badge('failed', 'Failed') : badge('success', 'Success');
  }

  function row(item) {
    const tr = el('tr');
    tr.tabIndex = 0;
    tr.dataset.id = item.id;
    const time = el('td', 'time', formatTime(item.occurredAt));
    time.title = item.occurredAt;
    tr.append(time);
    // a failed login has no actor: show the name that was tried, marked so it never reads as a user
    const actor = el('td', 'actor', item.actor || (item.loginName ? 'tried: ' + item.loginName : '—'));
    if (!item.actor && item.loginName) actor.classList.add('tried');
    tr.append(actor);
    const action = el('td');
    action.append(badge('action', item.action));
    tr.append(action);
    const status = el('td');
    status.append(statusBadge(item.status));
    tr.append(status);
    tr.append(el('td', 'target', item.targetType ? item.targetType + (item.targetId ? ' #' + item.targetId : '') : ''));
    const http = [item.httpMethod, item.httpPath].filter(Boolean).join(' ') + (item.httpStatus ? ' → ' + item.httpStatus : '');
    tr.append(el('td', 'http', http));
    const remarks = el('td', 'remarks', item.remarks || '');
    remarks.title = item.remarks || '';
    tr.append(remarks);
    tr.addEventListener('click', () => openDetail(item));
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') openDetail(item); });
    return tr;
  }

  async function loadPage(reset) {
    const mine = reset ? ++generation : generation;
    const params = filterParams();
    params.set('limit', String(PAGE_SIZE));
    if (!reset && nextCursor) params.set('cursor', nextCursor);
    loadMore.disabled = true;
    try {
      const page = await getJson(API + '?' + params);
      if (mine !== generation) return;
      if (reset) {
        tbody.replaceChildren();
        shown = [];
      }
      for (const item of page.items) {
        tbody.append(row(item));
        shown.push(item);
      }
      nextCursor = page.nextCursor || null;
      loadMore.hidden = !nextCursor;
      $('count').textContent = shown.length === 0 ? 'No records match.' :
        'Showing ' + shown.length + (nextCursor ? ' (more available)' : '') + '.';
      showMessage('');
    } catch (e) {
      showMessage(e.message);
    } finally {
      loadMore.disabled = false;
    }
  }

  // ---- detail -------------------------------------------------------------------------------

  const DETAIL_FIELDS = [
    ['id', 'Id'], ['occurredAt', 'Occurred at (UTC)'], ['actor', 'Actor'], ['actorName', 'Actor name'],
    ['loginName', 'Login name (as typed)'],
    ['tenant', 'Tenant'], ['action', 'Action'], ['status', 'Status'], ['remarks', 'Remarks'],
    ['targetType', 'Target type'], ['targetId', 'Target id'], ['clientIp', 'Client IP'],
    ['userAgent', 'User agent'], ['requestId', 'Request id'], ['traceId', 'Trace id'],
    ['httpMethod', 'HTTP method'], ['httpPath', 'HTTP path'], ['httpRoute', 'HTTP route'],
    ['httpStatus', 'HTTP status'], ['durationMs', 'Duration (ms)'], ['source', 'Source'],
    ['schemaVersion', 'Schema version'], ['chainId', 'Chain id'], ['chainSeq', 'Chain sequence'],
    ['prevHash', 'Previous hash'], ['hash', 'Hash']
  ];

  function openDetail(item) {
    const dl = $('detail-fields');
    dl.replaceChildren();
    $('detail-title').textContent = item.action + ' by ' + (item.actor || 'anonymous');
    for (const [key, label] of DETAIL_FIELDS) {
      if (item[key] === undefined || item[key] === null || item[key] === '') continue;
      const dd = el('dd', key);
      if (key === 'status' || key === 'action') {
        dd.append(key === 'action' ? badge('action', item.action) : statusBadge(item.status));
      } else {
        dd.textContent = String(item[key]);
      }
      dl.append(el('dt', null, label), dd);
    }
    const known = new Set(DETAIL_FIELDS.map(([k]) => k).concat(['data']));
    for (const key of Object.keys(item)) {
      if (!known.has(key) && item[key] !== null && typeof item[key] !== 'object') {
        dl.append(el('dt', null, key), el('dd', null, item[key]));
      }
    }
    $('detail-data').textContent = JSON.stringify(item.data || {}, null, 2);
    $('detail').showModal();
  }

  // ---- chart --------------------------------------------------------------------------------

  async function drawChart() {
    const mine = generation;
    const params = filterParams();
    const to = params.has('to') ? new Date(params.get('to')) : new Date();
    const end = new Date(Math.ceil(to.getTime() / 3600000) * 3600000);
    const start = new Date(end.getTime() - CHART_HOURS * 3600000);
    const from = params.has('from') && new Date(params.get('from')) > start ? new Date(params.get('from')) : start;
    params.set('from', from.toISOString());
    params.set('to', to.toISOString());
    params.set('limit', '1000');
    const items = [];
    let truncated = false;
    try {
      for (let cursor = null, first = true; first || cursor;) {
        first = false;
        if (cursor) params.set('cursor', cursor);
        const page = await getJson(API + '?' + params);
        items.push(...page.items);
        cursor = page.nextCursor;
        if (cursor && items.length >= CHART_MAX_RECORDS) { truncated = true; break; }
      }
    } catch (e) {
      $('chart-note').textContent = e.message;
      return;
    }
    if (mine !== generation) return;
    renderChart(items, start, end, truncated);
  }

  function renderChart(items, start, end, truncated) {
    const hours = [];
    for (let t = start.getTime(); t < end.getTime(); t += 3600000) hours.push({ t: t, counts: new Map(), total: 0 });
    const actions = new Map();
    for (const item of items) {
      const i = Math.floor((new Date(item.occurredAt).getTime() - start.getTime()) / 3600000);
      if (i < 0 || i >= hours.length) continue;
      const h = hours[i];
      h.counts.set(item.action, (h.counts.get(item.action) || 0) + 1);
      h.total++;
      actions.set(item.action, (actions.get(item.action) || 0) + 1);
    }
    const max = Math.max(1, ...hours.map((h) => h.total));
    const W = 960, H = 170, left = 36, bottom = 22, top = 8;
    const bw = (W - left) / hours.length;
    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Records per hour by action' });
    const y = (v) => H - bottom - (H - bottom - top) * v / max;
    for (const v of [0, Math.ceil(max / 2), max]) {
      chart.append(svg('line', { x1: left, x2: W, y1: y(v), y2: y(v), class: 'grid' }));
      const label = svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' });
      label.textContent = String(v);
      chart.append(label);
    }
    const order = [...actions.keys()].sort();
    hours.forEach((h, i) => {
      let acc = 0;
      for (const action of order) {
        const n = h.counts.get(action) || 0;
        if (!n) continue;
        const rect = svg('rect', { x: left + i * bw + 2, width: Math.max(1, bw - 4), y: y(acc + n), height: y(acc) - y(acc + n), fill: colour(action) });
        const tip = svg('title');
        tip.textContent = formatTime(new Date(h.t).toISOString()).slice(0, 16) + ' · ' + action + ': ' + n;
        rect.append(tip);
        chart.append(rect);
        acc += n;
      }
      if (i % 3 === 0) {
        const label = svg('text', { x: left + i * bw + bw / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis' });
        label.textContent = String(new Date(h.t).getHours()).padStart(2, '0') + ':00';
        chart.append(label);
      }
    });
    $('chart').replaceChildren(chart);
    const legend = $('chart-legend');
    legend.replaceChildren();
    for (const action of order) {
      const li = el('li');
      const sw = svg('svg', { width: 12, height: 12, 'aria-hidden': 'true' });
      sw.append(svg('rect', { width: 12, height: 12, rx: 2, fill: colour(action) }));
      li.append(sw, el('span', null, action + ' ' + actions.get(action)));
      legend.append(li);
    }
    $('chart-note').textContent = (items.length === 0 ? 'No activity' : items.length + ' records') +
      ' in the 24 hours up to ' + formatTime(end.toISOString()).slice(0, 16) + (truncated ? ' (first ' + CHART_MAX_RECORDS + ' shown)' : '');
  }

  // ---- wiring -------------------------------------------------------------------------------

  function refresh() {
    const params = filterParams();
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    $('export-csv').href = '/api/activity/export?format=csv' + (query ? '&' + query : '');
    $('export-jsonl').href = '/api/activity/export?format=jsonl' + (query ? '&' + query : '');
    nextCursor = null;
    loadPage(true).then(drawChart);
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  $('reset').addEventListener('click', () => { form.reset(); refresh(); });
  loadMore.addEventListener('click', () => loadPage(false));
  $('detail-close').addEventListener('click', () => $('detail').close());
  $('detail').addEventListener('click', (e) => { if (e.target === $('detail')) $('detail').close(); });

  fillFormFromUrl();
  refresh();
})();
