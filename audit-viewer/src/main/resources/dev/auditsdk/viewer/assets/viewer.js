/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright 2026 The Audit SDK Authors */
// The trail viewer. It reads the read API named by <meta name="audit-api"> and builds the page with
// DOM calls only: every value of a record goes through textContent (never innerHTML), so a remark
// such as "<script>…" shows as text; the Content-Security-Policy forbids inline script and style.
'use strict';

(function () {
  const API = document.querySelector('meta[name="audit-api"]').content;
  const PAGE_SIZE = 50;
  const CHART_HOURS = 24;
  const CHART_MAX_RECORDS = 5000;
  const FILTERS = ['actor', 'loginName', 'action', 'status', 'targetType', 'targetId', 'requestId',
    'clientIp', 'source', 'from', 'to', 'q'];
  const PALETTE = {
    'Create': '#2f9e44', 'Read': '#4263eb', 'Update': '#e67700', 'Delete': '#e03131',
    'Login': '#0c8599', 'Logout': '#868e96', 'Login Failed': '#c2255c', 'Export': '#7048e8', 'Verify': '#5c940d'
  };
  const EXTRA_COLOURS = ['#5c940d', '#1971c2', '#e8590c', '#9c36b5', '#495057'];
  const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';

  const $ = (id) => document.getElementById(id);
  const form = $('filters');
  const tbody = document.querySelector('#records tbody');
  const loadMore = $('load-more');
  let nextCursor = null;
  let shown = 0;
  let generation = 0;
  let current = new URLSearchParams();

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

  function plural(n, one, many) {
    return n.toLocaleString() + ' ' + (n === 1 ? one : many);
  }

  function offsetLabel(date) {
    const minutes = -date.getTimezoneOffset();
    const sign = minutes >= 0 ? '+' : '-';
    const abs = Math.abs(minutes);
    return 'UTC' + sign + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0');
  }

  // ---- filters and URL ----------------------------------------------------------------------

  // The form's values as API parameters: datetime-local (the browser's zone) becomes an ISO instant.
  function formParams() {
    const p = new URLSearchParams();
    for (const name of FILTERS) {
      const input = form.elements[name];
      const value = input.value.trim();
      if (!value) continue;
      const date = input.type === 'datetime-local' ? new Date(value) : null;
      p.set(name, date && !isNaN(date) ? date.toISOString() : value);
    }
    return p;
  }

  // The URL's filters go to the server as they are, so a bad one is answered with its message
  // instead of being dropped by the form.
  function urlParams() {
    const p = new URLSearchParams();
    for (const [k, v] of new URLSearchParams(location.search)) {
      if (FILTERS.includes(k)) p.append(k, v);
    }
    return p;
  }

  function fillForm(params) {
    for (const name of FILTERS) {
      const input = form.elements[name];
      const value = params.get(name);
      if (value === null) { input.value = ''; continue; }
      if (input.type === 'datetime-local') {
        input.value = toLocalInput(value);
      } else if (input.tagName === 'SELECT') {
        const option = [...input.options].find((o) => o.value.toLowerCase() === value.toLowerCase());
        input.value = option ? option.value : '';
      } else {
        input.value = value;
      }
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
    let body = null;
    try { body = await response.json(); } catch (e) { /* not JSON */ }
    if (response.status === 401 || response.status === 403 || response.redirected) {
      throw new Error('Not allowed: ' + ((body && body.message) || 'sign in as a user allowed to read the trail.'));
    }
    if (!response.ok || body === null) {
      const detail = body ? (body.message || body.error || '') : '';
      throw new Error((response.status === 400 ? 'Invalid filter: ' : 'The server answered ' + response.status + ': ') +
        (detail || 'no details.'));
    }
    return body;
  }

  function showMessage(text) {
    const m = $('message');
    m.textContent = text || '';
    m.hidden = !text;
  }

  // ---- records table ------------------------------------------------------------------------

  function badge(kind, value) {
    const b = el('span', 'badge ' + kind, value);
    if (kind === 'action') b.style.setProperty('--badge', colour(value));
    return b;
  }

  function statusBadge(status) {
    return status === 'FAILED' ? badge('failed', 'Failed') : badge('success', 'Success');
  }

  // A value that filters the trail when clicked: "everything by this actor / in this request / on this target".
  function pivot(text, label, filters) {
    const b = el('button', 'pivot', text);
    b.type = 'button';
    // the title describes the button; its name stays the visible text (axe: label-content-name-mismatch)
    b.title = label;
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      if (typeof $('detail').close === 'function' && $('detail').open) $('detail').close();
      applyFilters(new URLSearchParams(filters));
    });
    return b;
  }

  function cell(label, className) {
    const td = el('td', className);
    td.dataset.label = label;
    return td;
  }

  function row(item) {
    const tr = el('tr');
    tr.dataset.id = item.id;
    const time = cell('Time', 'time');
    const open = el('button', 'open', formatTime(item.occurredAt));
    open.type = 'button';
    open.title = item.occurredAt + ' (UTC); open the record';
    open.addEventListener('click', (e) => { e.stopPropagation(); openDetail(item); });
    time.append(open);
    tr.append(time);

    const actor = cell('Actor', 'actor');
    if (item.actor) {
      actor.append(pivot(item.actor, 'Everything by ' + item.actor, { actor: item.actor }));
    } else if (item.loginName) {
      // a failed login has no actor: show the name that was tried, marked so it never reads as a user
      actor.append(pivot('tried: ' + item.loginName, 'Everything tried as ' + item.loginName, { loginName: item.loginName }));
      actor.classList.add('tried');
    } else {
      actor.textContent = '—';
    }
    tr.append(actor);

    const action = cell('Action');
    action.append(badge('action', item.action));
    tr.append(action);
    const status = cell('Status');
    status.append(statusBadge(item.status));
    tr.append(status);

    const target = cell('Target', 'target');
    if (item.targetType) {
      const text = item.targetType + (item.targetId ? ' #' + item.targetId : '');
      const filters = { targetType: item.targetType };
      if (item.targetId) filters.targetId = item.targetId;
      target.append(pivot(text, 'Everything on ' + text, filters));
    }
    tr.append(target);

    const request = cell('Request', 'request');
    const http = [item.httpMethod, item.httpPath].filter(Boolean).join(' ') + (item.httpStatus ? ' → ' + item.httpStatus : '');
    if (item.requestId) {
      request.append(pivot(http || item.requestId, 'Everything in request ' + item.requestId, { requestId: item.requestId }));
    } else {
      request.textContent = http;
    }
    tr.append(request);

    const ip = cell('Client IP', 'ip');
    if (item.clientIp) ip.append(pivot(item.clientIp, 'Everything from ' + item.clientIp, { clientIp: item.clientIp }));
    tr.append(ip);

    const remarks = cell('Remarks', 'remarks');
    remarks.textContent = item.remarks || '';
    remarks.title = item.remarks || '';
    tr.append(remarks);
    tr.addEventListener('click', () => openDetail(item));
    return tr;
  }

  async function loadPage(reset) {
    const mine = reset ? ++generation : generation;
    const params = new URLSearchParams(current);
    params.set('limit', String(PAGE_SIZE));
    if (!reset && nextCursor) params.set('cursor', nextCursor);
    loadMore.disabled = true;
    try {
      const page = await getJson(API + '?' + params);
      if (mine !== generation) return false;
      if (reset) {
        tbody.replaceChildren();
        shown = 0;
      }
      for (const item of page.items) {
        tbody.append(row(item));
        shown++;
      }
      nextCursor = page.nextCursor || null;
      loadMore.hidden = !nextCursor;
      showMessage('');
      return true;
    } catch (e) {
      if (mine !== generation) return false;
      tbody.replaceChildren();
      shown = 0;
      nextCursor = null;
      loadMore.hidden = true;
      $('count').textContent = '';
      showMessage(e.message);
      return false;
    } finally {
      loadMore.disabled = false;
    }
  }

  async function loadCount() {
    const mine = generation;
    try {
      const count = await getJson(API + '/count?' + current);
      if (mine !== generation) return;
      const total = count.exact ? plural(count.count, 'record', 'records') : 'more than ' + plural(count.count, 'record', 'records');
      $('count').textContent = count.count === 0 && count.exact ? 'No records match.' :
        'Showing ' + shown.toLocaleString() + ' of ' + total + '.';
    } catch (e) {
      $('count').textContent = 'Showing ' + plural(shown, 'record', 'records') + '.';
    }
  }

  // ---- detail -------------------------------------------------------------------------------

  const DETAIL_FIELDS = [
    ['id', 'Id'], ['occurredAt', 'Occurred at'], ['actor', 'Actor'], ['actorName', 'Actor name'],
    ['loginName', 'Name tried (as typed)'],
    ['tenant', 'Tenant'], ['action', 'Action'], ['status', 'Status'], ['remarks', 'Remarks'],
    ['targetType', 'Target type'], ['targetId', 'Target id'], ['clientIp', 'Client IP'],
    ['userAgent', 'User agent'], ['requestId', 'Request id'], ['traceId', 'Trace id'],
    ['httpMethod', 'HTTP method'], ['httpPath', 'HTTP path'], ['httpRoute', 'HTTP route'],
    ['httpStatus', 'HTTP status'], ['durationMs', 'Duration (ms)'], ['source', 'Source']
  ];

  function display(value) {
    if (value === undefined) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  function renderChanges(changes) {
    const block = $('changes-block');
    const table = $('changes');
    if (!Array.isArray(changes) || changes.length === 0) {
      block.hidden = true;
      return;
    }
    // path, old and new first; any other key an entry has gets its own column
    const keys = ['path', 'old', 'new'];
    for (const c of changes) {
      if (c && typeof c === 'object') for (const k of Object.keys(c)) if (!keys.includes(k)) keys.push(k);
    }
    const labels = { path: 'Field', old: 'Before', new: 'After' };
    const head = table.querySelector('thead tr');
    head.replaceChildren(...keys.map((k) => { const th = el('th', null, labels[k] || k); th.scope = 'col'; return th; }));
    const body = table.querySelector('tbody');
    body.replaceChildren();
    for (const c of changes) {
      const tr = el('tr');
      for (const k of keys) {
        const td = el('td', k === 'old' ? 'before' : k === 'new' ? 'after' : null, c && typeof c === 'object' ? display(c[k]) : display(c));
        tr.append(td);
      }
      body.append(tr);
    }
    block.hidden = false;
  }

  function openDetail(item) {
    const dl = $('detail-fields');
    dl.replaceChildren();
    $('detail-title').textContent = item.action + ' by ' + (item.actor || (item.loginName ? 'tried: ' + item.loginName : 'anonymous'));
    for (const [key, label] of DETAIL_FIELDS) {
      const value = item[key];
      if (value === undefined || value === null || value === '') continue;
      const dd = el('dd', key);
      if (key === 'status') dd.append(statusBadge(value));
      else if (key === 'action') dd.append(badge('action', value));
      else if (key === 'occurredAt') dd.textContent = formatTime(value) + ' ' + ZONE + ' (' + value + ')';
      else dd.textContent = String(value);
      dl.append(el('dt', null, label), dd);
    }
    const known = new Set(DETAIL_FIELDS.map(([k]) => k).concat(['data']));
    for (const key of Object.keys(item)) {
      if (!known.has(key) && item[key] !== null && item[key] !== undefined) {
        dl.append(el('dt', null, key), el('dd', null, display(item[key])));
      }
    }
    renderChanges(item.data && item.data.changes);
    $('detail-data').textContent = JSON.stringify(item.data || {}, null, 2);
    $('detail').showModal();
  }

  // ---- chart --------------------------------------------------------------------------------

  async function drawChart() {
    const mine = generation;
    const params = new URLSearchParams(current);
    const to = params.has('to') && !isNaN(new Date(params.get('to'))) ? new Date(params.get('to')) : new Date();
    const end = new Date(Math.ceil(to.getTime() / 3600000) * 3600000);
    const start = new Date(end.getTime() - CHART_HOURS * 3600000);
    const given = params.has('from') ? new Date(params.get('from')) : null;
    const from = given && !isNaN(given) && given > start ? given : start;
    params.set('from', from.toISOString());
    params.set('to', to.toISOString());
    params.set('limit', '1000');
    params.delete('cursor');
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
      if (mine === generation) {
        $('chart').replaceChildren();
        $('chart-legend').replaceChildren();
        $('chart-note').textContent = 'No chart: the filters are invalid.';
      }
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
    const summary = [...actions.entries()].map(([a, n]) => a + ' ' + n).join(', ');
    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img',
      'aria-label': 'Records per hour by action, last ' + CHART_HOURS + ' hours' + (summary ? ': ' + summary : ': none') });
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
    $('chart-note').textContent = (items.length === 0 ? 'No activity' : plural(items.length, 'record', 'records')) +
      ' in the 24 hours up to ' + formatTime(end.toISOString()).slice(0, 16) + ' ' + ZONE + (truncated ? ' (first ' + CHART_MAX_RECORDS + ' shown)' : '');
  }

  // ---- integrity ----------------------------------------------------------------------------

  async function verify() {
    const out = $('integrity-result');
    const button = $('verify');
    const params = new URLSearchParams();
    if ($('verify-since').checked && current.get('from')) params.set('from', current.get('from'));
    button.disabled = true;
    out.className = 'integrity';
    out.replaceChildren(el('p', 'muted', 'Verifying…'));
    try {
      const report = await getJson(API + '/verify?' + params);
      const clean = report.status === 'clean';
      out.className = 'integrity ' + (clean ? 'clean' : 'tampered');
      const head = el('p', 'verdict', clean ? 'CLEAN' : 'TAMPERED');
      const scope = (report.from ? 'since ' + formatTime(report.from) + ' ' + ZONE : 'the whole trail') +
        (report.complete ? '' : ' (stopped early, limited by ' + report.limitedBy + ': the rest was not checked)');
      const facts = el('p', null, plural(report.rowsChecked, 'record', 'records') + ' in ' +
        plural(report.chains, 'chain', 'chains') + ' checked, ' + scope + '; ' + report.elapsedMs + ' ms.');
      out.replaceChildren(head, facts);
      if (!clean && report.issues && report.issues.length) {
        const first = report.issues[0];
        const p = el('p', 'first-issue');
        p.append(el('strong', null, 'First problem: ' + first.kind), document.createTextNode(' — ' + first.detail));
        out.append(p);
        if (first.id) {
          const b = el('button', 'pivot', 'Open record ' + first.id);
          b.type = 'button';
          b.addEventListener('click', () => openById(first.id));
          out.append(b);
        }
        if (report.issueCount > 1) out.append(el('p', 'muted', plural(report.issueCount, 'problem', 'problems') + ' in all.'));
      }
    } catch (e) {
      out.className = 'integrity error';
      out.replaceChildren(el('p', null, e.message));
    } finally {
      button.disabled = false;
    }
  }

  async function openById(id) {
    try {
      openDetail(await getJson(API + '/' + encodeURIComponent(id)));
    } catch (e) {
      showMessage(e.message);
    }
  }

  // ---- wiring -------------------------------------------------------------------------------

  function exportLink(format) {
    const p = new URLSearchParams(current);
    p.set('format', format);
    return API + '/export?' + p;
  }

  async function refresh() {
    const query = current.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    $('export-csv').href = exportLink('csv');
    $('export-jsonl').href = exportLink('jsonl');
    nextCursor = null;
    const ok = await loadPage(true);
    if (ok) {
      await loadCount();
      await drawChart();
    } else {
      $('chart').replaceChildren();
      $('chart-legend').replaceChildren();
      $('chart-note').textContent = '';
    }
    document.body.dataset.loaded = String(generation);
  }

  function applyFilters(params) {
    current = params;
    fillForm(current);
    return refresh();
  }

  function focusRow(delta) {
    const buttons = [...tbody.querySelectorAll('button.open')];
    if (!buttons.length) return;
    const i = buttons.indexOf(document.activeElement);
    const next = i < 0 ? 0 : Math.min(buttons.length - 1, Math.max(0, i + delta));
    buttons[next].focus();
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); current = formParams(); refresh(); });
  $('reset').addEventListener('click', () => applyFilters(new URLSearchParams()));
  loadMore.addEventListener('click', () => loadPage(false).then(loadCount));
  $('detail-close').addEventListener('click', () => $('detail').close());
  $('detail').addEventListener('click', (e) => { if (e.target === $('detail')) $('detail').close(); });
  $('verify').addEventListener('click', verify);
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (typing || $('detail').open || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '/') { e.preventDefault(); $('filter-q').focus(); }
    else if (e.key === 'j' || (e.key === 'ArrowDown' && tbody.contains(document.activeElement))) { e.preventDefault(); focusRow(1); }
    else if (e.key === 'k' || (e.key === 'ArrowUp' && tbody.contains(document.activeElement))) { e.preventDefault(); focusRow(-1); }
  });

  const now = new Date();
  $('zone').textContent = 'Times in ' + ZONE + ' (' + offsetLabel(now) + ')';
  $('time-head').textContent = 'Time (' + offsetLabel(now) + ')';
  for (const span of document.querySelectorAll('.zone-label')) span.textContent = '(' + ZONE + ')';
  current = urlParams();
  fillForm(current);
  refresh();
})();
