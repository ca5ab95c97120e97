/// <reference lib="dom" />
import { createClient, type Client } from 'graphql-ws/client';
import { followCounters, type CountersFeed, type FeedState } from './feed.js';
import { summarize, toRow, visibleRows, type Row, type RowFilter } from './model.js';

/**
 * The backorders dashboard: a client of the gateway's public GraphQL API like any other. It reads the locations
 * over HTTP and follows `backorderCounters` over graphql-ws (the documents of operations/, embedded in the page by
 * the gateway). With authentication on, the token the user enters is kept in sessionStorage and sent as the
 * `Authorization` header over HTTP and as `{ authorization }` in graphql-ws's connection_init payload.
 */

interface LocationInfo {
  readonly entityId: number;
  readonly code: string;
  readonly name: string;
}

const TOKEN_KEY = 'backorder-gateway:token';
const GRAPHQL_URL = new URL('../graphql', window.location.href);
const WS_URL = new URL(GRAPHQL_URL);
WS_URL.protocol = WS_URL.protocol === 'https:' ? 'wss:' : 'ws:';

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing from the page`);
  return found;
}

function operation(name: string): string {
  const text = document.getElementById(`operation-${name}`)?.textContent;
  if (text === undefined || text === null || text === '') throw new Error(`operation ${name} is missing`);
  return text;
}

const ui = {
  connection: element('connection', HTMLParagraphElement),
  alert: element('alert', HTMLParagraphElement),
  signOut: element('sign-out', HTMLButtonElement),
  auth: element('auth', HTMLFormElement),
  authMessage: element('auth-message', HTMLParagraphElement),
  token: element('token', HTMLInputElement),
  filters: element('filters', HTMLFormElement),
  location: element('location', HTMLSelectElement),
  sku: element('sku', HTMLInputElement),
  summary: element('summary', HTMLParagraphElement),
  updated: element('updated', HTMLParagraphElement),
  rows: element('rows', HTMLTableSectionElement),
};

const rows = new Map<string, Row>();
const locations = new Map<number, LocationInfo>();
/** Rows changed by a live event since the last render, highlighted once. */
const changed = new Set<string>();
let client: Client | null = null;
let feed: CountersFeed | null = null;
let renderQueued = false;
/** Counts calls of connect(), so that an older one still loading locations gives way to a newer one. */
let connecting = 0;

function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

function authorization(): string | null {
  const value = token();
  return value === null ? null : `Bearer ${value}`;
}

// ---- filters (kept in the URL, so a filtered view can be bookmarked) ----

function currentFilter(): RowFilter {
  const location = Number.parseInt(ui.location.value, 10);
  return { locationId: Number.isSafeInteger(location) ? location : null, sku: ui.sku.value };
}

function restoreFilter(): void {
  const params = new URLSearchParams(window.location.search);
  ui.sku.value = params.get('sku') ?? '';
  ui.location.dataset['wanted'] = params.get('location') ?? '';
}

function saveFilter(): void {
  const params = new URLSearchParams();
  if (ui.location.value !== '') params.set('location', ui.location.value);
  if (ui.sku.value.trim() !== '') params.set('sku', ui.sku.value.trim());
  const query = params.toString();
  window.history.replaceState(null, '', query === '' ? window.location.pathname : `?${query}`);
}

function renderLocationOptions(): void {
  const known = new Map<number, string>();
  for (const location of locations.values())
    known.set(location.entityId, `${location.name} (${location.code})`);
  for (const row of rows.values())
    if (!known.has(row.locationId)) known.set(row.locationId, row.locationCode);
  const wanted = ui.location.dataset['wanted'] ?? ui.location.value;
  const options = [...known.entries()].sort(([a], [b]) => a - b);
  const signature = JSON.stringify(options);
  if (ui.location.dataset['options'] === signature) return;
  ui.location.dataset['options'] = signature;
  ui.location.replaceChildren(
    new Option('All locations', ''),
    ...options.map(([id, label]) => new Option(label, String(id))),
  );
  if (options.some(([id]) => String(id) === wanted)) {
    ui.location.value = wanted;
    delete ui.location.dataset['wanted'];
  }
}

// ---- rendering ----

function locationLabel(row: Row): string {
  return locations.get(row.locationId)?.name ?? row.locationCode;
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className !== undefined) td.className = className;
  return td;
}

function usedCell(row: Row): HTMLTableCellElement {
  const td = cell('', 'used');
  if (row.usedShare === null || row.backorderLimit === null) {
    td.textContent = 'No limit';
    return td;
  }
  // A drawn bar rather than <meter>, whose colours browsers choose; the percentage next to it is the text.
  const bar = document.createElement('span');
  bar.className = 'bar';
  bar.setAttribute('aria-hidden', 'true');
  const fill = document.createElement('span');
  fill.className = row.atLimit || row.usedShare >= 0.9 ? 'danger' : row.usedShare >= 0.5 ? 'warn' : 'ok';
  fill.style.width = `${Math.min(100, Math.round(row.usedShare * 100))}%`;
  bar.append(fill);
  const percent = document.createElement('span');
  percent.textContent = `${Math.round(row.usedShare * 100)}%`;
  td.append(bar, percent);
  return td;
}

function rowElement(row: Row): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset['sku'] = row.sku;
  tr.dataset['location'] = String(row.locationId);
  if (row.atLimit) tr.classList.add('at-limit');
  if (changed.has(row.id)) tr.classList.add('changed');
  const sku = document.createElement('th');
  sku.scope = 'row';
  sku.textContent = row.sku;
  const location = cell(locationLabel(row));
  location.title = row.locationCode;
  const status = cell('', 'status');
  if (row.atLimit) {
    const badge = document.createElement('strong');
    badge.className = 'badge';
    badge.textContent = 'At limit';
    status.append(badge);
  }
  tr.append(
    sku,
    location,
    cell(String(row.qtyBackordered), 'num backordered'),
    cell(row.backorderLimit === null ? 'Unlimited' : String(row.backorderLimit), 'num limit'),
    usedCell(row),
    cell(row.remaining === null ? 'Unlimited' : String(row.remaining), 'num remaining'),
    cell(String(row.availableToSell), 'num'),
    cell(String(row.onHand), 'num'),
    status,
  );
  return tr;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function render(): void {
  renderQueued = false;
  renderLocationOptions();
  const visible = visibleRows(rows.values(), currentFilter());
  const summary = summarize(visible);
  ui.summary.textContent =
    `${plural(summary.items, 'item', 'items')} on backorder, ${plural(summary.units, 'unit', 'units')}; ` +
    `${summary.atLimit} at ${summary.atLimit === 1 ? 'its' : 'their'} limit`;
  if (visible.length === 0) {
    const tr = document.createElement('tr');
    const td = cell(rows.size === 0 ? 'Waiting for counters…' : 'No items on backorder match the filters.');
    td.colSpan = 9;
    td.className = 'empty';
    tr.append(td);
    ui.rows.replaceChildren(tr);
  } else {
    ui.rows.replaceChildren(...visible.map(rowElement));
  }
  changed.clear();
}

function queueRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(render);
}

// ---- connection ----

const STATE_TEXT: Record<FeedState['kind'], string> = {
  connecting: 'Connecting…',
  live: 'Live: counters update as they change',
  reconnecting: 'Connection lost; reconnecting…',
  unauthorized: 'Signed out: enter an access token',
  stopped: 'Disconnected',
};

function showState(state: FeedState): void {
  ui.connection.dataset['state'] = state.kind;
  const reason = 'reason' in state && state.reason !== '' ? ` (${state.reason})` : '';
  ui.connection.textContent = STATE_TEXT[state.kind] + (state.kind === 'reconnecting' ? reason : '');
  if (state.kind === 'unauthorized') askForToken(state.reason);
}

function askForToken(reason: string): void {
  ui.auth.hidden = false;
  ui.authMessage.textContent =
    token() === null
      ? 'This gateway requires an access token.'
      : `The gateway refused the token: ${reason}. Enter another one.`;
  ui.token.focus();
}

async function loadLocations(): Promise<'ok' | 'unauthorized' | 'failed'> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const auth = authorization();
  if (auth !== null) headers['authorization'] = auth;
  try {
    const response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: operation('Locations'), operationName: 'Locations' }),
    });
    if (response.status === 401 || response.status === 403) return 'unauthorized';
    const body = (await response.json()) as { data?: { locations?: unknown } };
    const list = body.data?.locations;
    if (!Array.isArray(list)) return 'failed';
    for (const entry of list as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { entityId, code, name } = entry as Record<string, unknown>;
      if (typeof entityId === 'number' && typeof code === 'string' && typeof name === 'string')
        locations.set(entityId, { entityId, code, name });
    }
    return 'ok';
  } catch {
    // The counters name each location's code, which is enough to filter by.
    return 'failed';
  }
}

function disconnect(): void {
  feed?.stop();
  feed = null;
  void client?.dispose();
  client = null;
}

async function connect(): Promise<void> {
  const generation = ++connecting;
  disconnect();
  ui.auth.hidden = true;
  ui.signOut.hidden = token() === null;
  showState({ kind: 'connecting' });
  const locationsRead = await loadLocations();
  if (generation !== connecting) return;
  if (locationsRead === 'unauthorized') {
    showState({ kind: 'unauthorized', reason: 'missing or invalid token' });
    return;
  }
  queueRender();
  client = createClient({
    url: WS_URL.href,
    lazy: true,
    // The feed reconnects itself, so that it can resume after the last event it saw.
    retryAttempts: 0,
    keepAlive: 15_000,
    connectionParams: () => {
      const auth = authorization();
      return auth === null ? {} : { authorization: auth };
    },
  });
  feed = followCounters({
    client,
    query: operation('BackorderCounters'),
    onState: showState,
    onValue: (value, fresh) => {
      if (fresh) rows.clear();
      const row = toRow(value);
      const before = rows.get(row.id);
      rows.set(row.id, row);
      if (!value.initial) {
        changed.add(row.id);
        ui.updated.textContent = `Last change: ${new Date().toLocaleTimeString()}`;
        if (row.atLimit && before?.atLimit !== true)
          ui.alert.textContent = `${row.sku} reached its backorder limit at ${locationLabel(row)}.`;
      }
      queueRender();
    },
  });
}

ui.auth.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = ui.token.value.trim();
  if (value === '') return;
  sessionStorage.setItem(TOKEN_KEY, value);
  ui.token.value = '';
  void connect();
});

ui.signOut.addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  rows.clear();
  queueRender();
  void connect();
});

ui.filters.addEventListener('submit', (event) => event.preventDefault());
ui.filters.addEventListener('input', () => {
  delete ui.location.dataset['wanted'];
  saveFilter();
  queueRender();
});

restoreFilter();
queueRender();
void connect();
