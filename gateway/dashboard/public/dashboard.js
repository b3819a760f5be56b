// Live dossier dashboard: talks to the gateway only over graphql-ws (protocol graphql-transport-ws).
// Flow: dossierStatsLive first; its snapshot's cursor starts dossierEvents(after:) so nothing falls
// between the two; after a reconnect, dossierEvents resumes after the last event shown.
// Every piece of data goes in with textContent, never as HTML.
'use strict';
(() => {
  const MAX_EVENTS = 50;
  const TOKEN_KEY = 'lienthong.dashboard.token';
  const PING_EVERY_MS = 15_000;
  const PONG_WITHIN_MS = 10_000;
  // Closes that a retry cannot fix: bad request, unauthorised, forbidden, subprotocol refused.
  const FATAL_CLOSES = new Set([4400, 4401, 4403, 4406]);
  // Errors that a retry cannot fix either; anything else (a subgraph restarting…) is retried.
  const FATAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'INVALID_CURSOR', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);
  const STATUS_LABELS = {
    NEW: 'Mới tiếp nhận', PAYMENT_DUE: 'Chờ nộp phí', ACCEPTED: 'Đã tiếp nhận', PROCESSING: 'Đang xử lý',
    SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung', NOT_ACCEPTED: 'Không tiếp nhận', WITHDRAWN: 'Công dân rút',
    STOPPED: 'Dừng xử lý', DONE: 'Đã có kết quả', RETURNED: 'Đã trả kết quả',
  };
  const STATS_QUERY = `subscription DashboardStats($agencyCode: String) {
    dossierStatsLive(agencyCode: $agencyCode) {
      cursor asOf
      agencies { agencyCode received receivedToday processing overdue finished finishedOnTime onTimeRate }
    }
  }`;
  const EVENTS_QUERY = `subscription DashboardEvents($agencyCode: String, $after: ID) {
    dossierEvents(agencyCode: $agencyCode, after: $after) {
      id cursor dossierCode agencyCode procedureCode fromStatus toStatus actor at
      dossier { procedure { name } }
    }
  }`;
  const $ = (id) => document.getElementById(id);
  const timeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' });
  const numberFormat = new Intl.NumberFormat('vi-VN');
  const percentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

  /** Minimal graphql-transport-ws client: init with the token, ping/pong, subscribe, reconnect with backoff. */
  class GraphqlWsClient {
    constructor(url, connectionParams, handlers) {
      Object.assign(this, { url, connectionParams, handlers, sinks: new Map(), nextId: 1, attempt: 0, stopped: false });
    }
    connect() {
      const ws = new WebSocket(this.url, 'graphql-transport-ws');
      this.ws = ws;
      ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: this.connectionParams }));
      ws.onmessage = (ev) => this.receive(ev.data);
      ws.onclose = (ev) => this.closed(ws, ev.code, ev.reason);
    }
    receive(data) {
      let msg;
      try { msg = JSON.parse(data); } catch { return; }
      this.lastHeard = Date.now();
      const sink = msg.id !== undefined ? this.sinks.get(msg.id) : undefined;
      switch (msg.type) {
        case 'connection_ack': this.attempt = 0; this.startHeartbeat(); this.handlers.onReady(); break;
        case 'ping': this.send({ type: 'pong' }); break;
        case 'next': sink?.next(msg.payload); break;
        case 'error': this.sinks.delete(msg.id); sink?.error(msg.payload); break;
        case 'complete': this.sinks.delete(msg.id); sink?.complete(); break;
      }
    }
    send(msg) {
      if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
    }
    subscribe(query, variables, sink) {
      const id = String(this.nextId++);
      this.sinks.set(id, sink);
      this.send({ id, type: 'subscribe', payload: { query, variables } });
      return id;
    }
    startHeartbeat() {
      // Our own pings find a connection that died without a close frame (a sleeping laptop, a NAT).
      clearInterval(this.heartbeat);
      this.heartbeat = setInterval(() => {
        if (Date.now() - this.lastHeard > PING_EVERY_MS + PONG_WITHIN_MS) this.drop(4000, 'Heartbeat timeout');
        else this.send({ type: 'ping' });
      }, PING_EVERY_MS);
    }
    /** Closes the current socket and handles it at once, without waiting for a closing handshake. */
    drop(code, reason) {
      const ws = this.ws;
      if (!ws) return;
      ws.onclose = ws.onmessage = null;
      try { ws.close(code, reason); } catch { /* already closing */ }
      this.closed(ws, code, reason);
    }
    closed(ws, code, reason) {
      if (ws !== this.ws) return;
      this.ws = undefined;
      clearInterval(this.heartbeat);
      this.sinks.clear();
      if (this.stopped) return;
      if (FATAL_CLOSES.has(code)) {
        this.stopped = true;
        this.handlers.onFatal(code, reason);
        return;
      }
      const delay = Math.min(30_000, 500 * 2 ** this.attempt++) * (0.75 + Math.random() / 2);
      this.handlers.onRetry(code, reason, delay);
      this.retryTimer = setTimeout(() => this.connect(), delay);
    }
    stop() {
      this.stopped = true;
      clearTimeout(this.retryTimer);
      this.drop(1000, 'Signed out');
    }
  }

  // ---- page state ----
  let client;
  let lastCursor = null; // of the last event shown (or the first snapshot's, before any event)
  const fragment = new URLSearchParams(location.hash.slice(1));
  const agencyFilter = fragment.get('agency') || null;

  const setState = (state, text) => {
    document.body.dataset.state = state;
    $('connection').textContent = text;
  };
  const showError = (code, message) => {
    $('error').hidden = false;
    $('error-code').textContent = code || 'ERROR';
    $('error-message').textContent = message || '';
  };
  const clearError = () => { $('error').hidden = true; };
  const firstError = (errors) => {
    const e = Array.isArray(errors) && errors.length ? errors[0] : {};
    return { code: e.extensions?.code ?? 'INTERNAL_SERVER_ERROR', message: e.message ?? 'Lỗi không xác định' };
  };
  /** Decimal cursors compared without precision loss: longer is later, then character by character. */
  const cursorAfter = (a, b) => b === null || a.length > b.length || (a.length === b.length && a > b);

  function cell(tr, field, value, text) {
    let td = tr.querySelector(`[data-field="${field}"]`);
    if (!td) {
      td = document.createElement(field === 'agencyCode' ? 'th' : 'td');
      td.dataset.field = field;
      tr.appendChild(td);
    }
    td.dataset.value = value === null ? '' : String(value);
    td.textContent = text;
  }

  function renderStats(stats) {
    const tbody = $('agencies');
    const rows = new Map([...tbody.querySelectorAll('tr[data-agency]')].map((tr) => [tr.dataset.agency, tr]));
    const agencies = [...stats.agencies].sort((x, y) => x.agencyCode.localeCompare(y.agencyCode));
    for (const a of agencies) {
      let tr = rows.get(a.agencyCode);
      rows.delete(a.agencyCode);
      if (!tr) {
        tr = document.createElement('tr');
        tr.dataset.agency = a.agencyCode;
      }
      tbody.appendChild(tr); // appending an existing row moves it: keeps the sort order
      cell(tr, 'agencyCode', a.agencyCode, a.agencyCode);
      for (const field of ['received', 'receivedToday', 'processing', 'overdue', 'finished']) cell(tr, field, a[field], numberFormat.format(a[field]));
      cell(tr, 'onTimeRate', a.onTimeRate, a.onTimeRate === null ? '—' : percentFormat.format(a.onTimeRate));
      tr.classList.toggle('has-overdue', a.overdue > 0);
    }
    for (const stale of rows.values()) stale.remove();
    $('no-agencies').hidden = agencies.length > 0;
    $('as-of').textContent = `Cập nhật ${timeFormat.format(new Date(stats.asOf))}`;
  }

  function addEvent(e) {
    if (!cursorAfter(e.cursor, lastCursor)) return; // replayed after a reconnect: already shown
    lastCursor = e.cursor;
    const li = document.createElement('li');
    li.dataset.dossierCode = e.dossierCode;
    li.dataset.cursor = e.cursor;
    li.dataset.toStatus = e.toStatus;
    const part = (cls, text, tag = 'span') => {
      const el = document.createElement(tag);
      el.className = cls;
      el.textContent = text;
      li.appendChild(el);
    };
    const at = new Date(e.at);
    const time = document.createElement('time');
    time.className = 'at';
    time.dateTime = at.toISOString();
    time.textContent = timeFormat.format(at);
    li.appendChild(time);
    part('code', e.dossierCode, 'strong');
    part('procedure', e.dossier?.procedure?.name ?? e.procedureCode);
    part('transition', `${e.fromStatus ? STATUS_LABELS[e.fromStatus] ?? e.fromStatus : '∅'} → ${STATUS_LABELS[e.toStatus] ?? e.toStatus}`);
    part('actor', e.actor);
    li.title = `${e.agencyCode} · ${e.procedureCode}`;
    const list = $('events');
    list.prepend(li);
    while (list.children.length > MAX_EVENTS) list.lastElementChild.remove();
    $('no-events').hidden = true;
  }

  /** A failed subscription: a fatal one stops the page, anything else reconnects and resumes. */
  function subscriptionFailed(errors) {
    const { code, message } = firstError(errors);
    showError(code, message);
    if (FATAL_CODES.has(code)) {
      client.stop();
      setState('error', 'Lỗi · Error');
      if (code === 'UNAUTHENTICATED') forgetToken();
    } else {
      client.drop(4000, 'Subscription failed');
    }
  }

  function subscribeAll() {
    let eventsStarted = false;
    const startEvents = (after) => {
      eventsStarted = true;
      client.subscribe(EVENTS_QUERY, { agencyCode: agencyFilter, after }, {
        next: (r) => {
          if (r.errors?.length) {
            const { code, message } = firstError(r.errors);
            showError(code, message); // a partial event (e.g. a subgraph down) is still shown
          }
          if (r.data?.dossierEvents) addEvent(r.data.dossierEvents);
        },
        error: subscriptionFailed,
        complete: () => client.drop(4000, 'Events ended'),
      });
    };
    // After a reconnect the last event's cursor is known: resume at once, no need to wait for stats.
    if (lastCursor !== null) startEvents(lastCursor);
    client.subscribe(STATS_QUERY, { agencyCode: agencyFilter }, {
      next: (r) => {
        if (!r.data?.dossierStatsLive) return subscriptionFailed(r.errors);
        renderStats(r.data.dossierStatsLive);
        if (!eventsStarted) {
          // No cursor means nothing was ever published: "0" replays from the very first event.
          lastCursor = r.data.dossierStatsLive.cursor ?? '0';
          startEvents(lastCursor);
        }
        clearError();
        setState('live', 'Trực tiếp · Live');
      },
      error: subscriptionFailed,
      complete: () => client.drop(4000, 'Statistics ended'),
    });
  }

  function connect(token) {
    $('sign-in').hidden = true;
    $('board').hidden = false;
    $('sign-out').hidden = false;
    setState('connecting', 'Đang kết nối… · Connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    client = new GraphqlWsClient(url, { authorization: `Bearer ${token}`, acceptLanguage: 'vi' }, {
      onReady: subscribeAll,
      onRetry: (code, _reason, delay) =>
        setState('reconnecting', `Mất kết nối (${code}), thử lại sau ${Math.round(delay / 1000)} giây · Reconnecting`),
      onFatal: (code, reason) => {
        setState('error', 'Lỗi · Error');
        const auth = code === 4401 || code === 4403;
        showError(auth ? 'UNAUTHENTICATED' : `CLOSE_${code}`,
          auth ? `Mã truy cập không hợp lệ hoặc đã hết hạn · Invalid or expired access token (${code} ${reason})` : `${code} ${reason}`);
        if (auth) forgetToken();
      },
    });
    client.connect();
  }

  function forgetToken() {
    sessionStorage.removeItem(TOKEN_KEY);
    $('sign-in').hidden = false;
  }

  async function signIn(form) {
    const role = form.role.value;
    const body = role === 'OFFICIAL' ? { role, agencyCode: form.agencyCode.value.trim() } : { role };
    const res = await fetch('/auth/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status === 404) {
      return showError('DEV_TOKENS_DISABLED', 'Gateway này không cấp mã thử nghiệm; mở trang với #token=… · This gateway offers no development tokens.');
    }
    const answer = await res.json().catch(() => ({}));
    if (!res.ok || !answer.token) return showError(answer.code ?? `HTTP_${res.status}`, (answer.issues ?? []).join('; '));
    clearError();
    sessionStorage.setItem(TOKEN_KEY, answer.token);
    connect(answer.token);
  }

  function start() {
    const fromFragment = fragment.get('token');
    if (fromFragment) {
      sessionStorage.setItem(TOKEN_KEY, fromFragment);
      // Out of the address bar and history; the agency filter, if any, stays.
      history.replaceState(null, '', location.pathname + location.search + (agencyFilter ? `#agency=${encodeURIComponent(agencyFilter)}` : ''));
    }
    $('sign-in-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      signIn(ev.target).catch((err) => showError('NETWORK_ERROR', String(err)));
    });
    $('sign-out').addEventListener('click', () => {
      client?.stop();
      sessionStorage.removeItem(TOKEN_KEY);
      location.reload();
    });
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) connect(token);
    else {
      $('sign-in').hidden = false;
      setState('signed-out', 'Chưa đăng nhập · Signed out');
    }
  }

  start();
})();
