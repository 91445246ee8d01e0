// Camel Code Router control panel: reads GET /admin/routing every few seconds, collects edits locally, and sends
// them as one PUT /admin/routing. Plain DOM, no framework; every value from the router is set as text, never as HTML.
'use strict';

const API = '/admin/routing';
const KEY_STORE = 'ccr.routerKey';
const REFRESH_MS = 2000;
// the catalog changes rarely (configuration, a provider's publication, a refused parameter): read it less often
const MODELS_REFRESH_MS = 15000;
const HISTORY = 90; // samples kept for the charts (90 x 2 s = 3 minutes)
const COLOURS = ['#0b5cad', '#c4470d', '#1d7a3a', '#7a3fb0', '#a3147a', '#00727a', '#5c5c00', '#444c57'];

const $ = (id) => document.getElementById(id);

const state = {
  routing: null,
  // edits not yet saved: {providers: {name: {field: value or null}}, modelMap: {model: "p,m" or null}}
  pending: {providers: {}, modelMap: {}},
  history: new Map(), // provider -> [{t, rate, latency}]
  last: new Map(),    // provider -> {t, calls, errors, latency}
  timer: null,
  modelsReadAt: 0,    // when the model catalog was last read (0: read it with the next refresh)
};

// ---- talking to the router ----------------------------------------------------------------------------------------

function routerKey() {
  return sessionStorage.getItem(KEY_STORE);
}

/** A call to the admin API (the routing one unless path says otherwise); throws the API's message on an error. */
async function call(method, body, path = API) {
  const headers = {'accept': 'application/json'};
  const key = routerKey();
  if (key) headers['x-api-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store'});
  const json = await jsonOf(response);
  if (!response.ok) {
    const message = json && json.error && json.error.message ? json.error.message : `HTTP ${response.status}`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return json;
}

async function refresh() {
  try {
    const routing = await call('GET');
    showPanel();
    render(routing);
    refreshKeys();
    if (Date.now() - state.modelsReadAt >= MODELS_REFRESH_MS) refreshModels();
    $('live').textContent = 'Live · updated ' + new Date().toLocaleTimeString();
    $('live').classList.remove('stale');
  } catch (e) {
    if (e.status === 401) {
      showLogin(routerKey() ? 'The router refused this key: ' + e.message : null);
    } else {
      $('live').textContent = 'Connection lost · retrying';
      $('live').classList.add('stale');
    }
  }
}

function startRefreshing() {
  clearInterval(state.timer);
  refresh();
  state.timer = setInterval(refresh, REFRESH_MS);
}

// ---- sign in ------------------------------------------------------------------------------------------------------

function showLogin(problem) {
  clearInterval(state.timer);
  $('panel').hidden = true;
  $('login').hidden = false;
  $('sign-out').hidden = true;
  $('live').textContent = 'Not connected';
  if (problem) showMessage(problem, 'error');
  $('key').focus();
}

function showPanel() {
  if (!$('panel').hidden) return;
  $('login').hidden = true;
  $('panel').hidden = false;
  $('sign-out').hidden = !routerKey();
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY_STORE, $('key').value.trim());
  $('key').value = '';
  hideMessage();
  startRefreshing();
});

$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(KEY_STORE);
  hideNewKey();
  state.routing = null;
  state.modelsReadAt = 0;
  showLogin(null);
});

// ---- messages -----------------------------------------------------------------------------------------------------

function showMessage(text, kind) {
  const box = $('message');
  box.textContent = text;
  box.className = 'message ' + kind;
  // errors interrupt (assertive); successes are announced politely
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.hidden = false;
}

function hideMessage() {
  $('message').hidden = true;
}

// ---- rendering ----------------------------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

function render(routing) {
  state.routing = routing;
  routing.providers.forEach(sample);
  renderProviders(routing.providers);
  renderCharts(routing.providers);
  renderRoutes(routing.routes);
  renderModelMap(routing.modelMap);
  renderTargets(routing.providers);
  renderPending();
}

function renderProviders(providers) {
  const body = $('providers').tBodies[0];
  for (const p of providers) {
    let row = body.querySelector(`tr[data-provider="${CSS.escape(p.name)}"]`);
    if (!row) row = body.appendChild(providerRow(p));
    const cells = row.cells;
    const health = el('span', {class: 'badge ' + p.status, text: p.status});
    cells[1].replaceChildren(health);
    if (p.reason && p.status === 'down') cells[1].append(el('span', {class: 'detail', text: p.reason}));
    if (p.lastError) cells[1].append(el('span', {class: 'detail', text: 'last error: ' + p.lastError}));
    cells[2].replaceChildren(el('span', {class: 'badge ' + p.breaker, text: p.breaker.toLowerCase().replace('_', ' ')}));
    cells[3].textContent = p.inFlight;
    cells[4].textContent = p.firstByteMillis == null ? '–' : Math.round(p.firstByteMillis) + ' ms';
    cells[5].textContent = p.calls;
    cells[6].textContent = p.errors;
    for (const field of ['priority', 'weight', 'enabled']) syncInput(row, p, field);
  }
}

function providerRow(p) {
  const row = el('tr', {'data-provider': p.name});
  const name = el('th', {scope: 'row', class: 'name', text: p.name});
  name.append(el('span', {class: 'detail', text: `${p.protocol} · ${p.baseUrl}`}));
  name.append(el('span', {class: 'detail', text: p.models.length ? p.models.join(', ') : 'any model'}));
  row.append(name);
  for (let i = 0; i < 3; i++) row.append(el('td'));
  for (let i = 0; i < 3; i++) row.append(el('td', {class: 'num'}));
  for (const field of ['priority', 'weight']) {
    const input = el('input', {type: 'number', min: '1', step: '1', 'data-field': field,
      'aria-label': `${field === 'priority' ? 'Priority' : 'Weight'} of ${p.name}`});
    input.addEventListener('input', () => {
      const configured = state.routing && providerByName(p.name);
      const value = input.value.trim();
      // an emptied field means "back to the configured value"
      edit(p.name, field, value === '' ? null : Number(value), configured);
    });
    row.append(el('td', {}, input));
  }
  const box = el('input', {type: 'checkbox', 'data-field': 'enabled', id: 'enabled-' + p.name,
    'aria-label': `Enabled: ${p.name}`});
  box.addEventListener('change', () => edit(p.name, 'enabled', box.checked, providerByName(p.name)));
  row.append(el('td', {}, box));
  return row;
}

function providerByName(name) {
  return state.routing.providers.find((p) => p.name === name);
}

/** Shows the router's value in an input unless the user has an unsaved edit there or is typing in it. */
function syncInput(row, p, field) {
  const input = row.querySelector(`[data-field="${field}"]`);
  const edits = state.pending.providers[p.name] || {};
  const dirty = field in edits;
  input.classList.toggle('changed', dirty);
  input.title = p.overridden.includes(field) ? `Changed at run time (configured: ${p.configured[field]})`
      : 'As configured';
  if (dirty || document.activeElement === input) return;
  if (field === 'enabled') input.checked = p.enabled;
  else input.value = p[field];
}

function edit(provider, field, value, current) {
  const edits = state.pending.providers[provider] || (state.pending.providers[provider] = {});
  const unchanged = value === null ? !current.overridden.includes(field) : current[field] === value;
  if (unchanged) delete edits[field];
  else edits[field] = value;
  if (!Object.keys(edits).length) delete state.pending.providers[provider];
  renderProviders(state.routing.providers);
  renderPending();
}

function renderRoutes(routes) {
  const body = $('routes').tBodies[0];
  body.replaceChildren();
  if (!routes.length) {
    body.append(el('tr', {}, el('td', {colspan: '4', class: 'empty', text: 'No category routes'})));
  }
  for (const r of routes) {
    const targets = el('ul', {class: 'targets'});
    for (const t of r.targets) targets.append(el('li', {text: t.model ? `${t.provider} · ${t.model}` : t.provider}));
    if (!r.targets.length) targets.append(el('li', {class: 'empty', text: r.strategy === 'dynamic'
        ? 'the provider named in the request' : 'none'}));
    body.append(el('tr', {},
        el('th', {scope: 'row', class: 'name', text: r.category}),
        el('td', {text: r.strategy}),
        el('td', {}, targets),
        el('td', {}, el('code', {text: r.routeId}))));
  }
}

/** GET of a JSON endpoint with the router key: {status, json}; json is null when the answer is not JSON. */
async function readJson(path) {
  const response = await fetch(path, {headers: {'accept': 'application/json', 'x-api-key': routerKey() || ''},
    cache: 'no-store'});
  return {status: response.status, json: await jsonOf(response)};
}

/** The answer's JSON body, or null when it has none (a proxy's HTML error page, an empty 502). */
async function jsonOf(response) {
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}

async function refreshKeys() {
  try {
    const answer = await readJson('/admin/keys');
    if (answer.status === 200) renderKeys(answer.json.keys);
  } catch (e) {
    // the routing refresh reports a lost connection
  }
}

function renderKeys(keys) {
  const body = $('user-keys').tBodies[0];
  body.replaceChildren();
  if (!keys.length) {
    body.append(el('tr', {}, el('td', {colspan: '6', class: 'empty', text: 'No per-user keys'})));
  }
  for (const k of keys) {
    const l = k.limits;
    const limits = [l.requestsPerMinute ? `${l.requestsPerMinute} req/min` : null,
      l.tokensPerDay ? `${l.tokensPerDay} tokens/day` : null,
      l.spendPerMonth ? `$${l.spendPerMonth}/month` : null].filter(Boolean).join(', ') || 'none';
    const u = k.usage;
    body.append(el('tr', {'data-key': k.name},
        el('th', {scope: 'row', class: 'name', text: k.name}),
        el('td', {text: limits}),
        el('td', {text: String(u.requests)}),
        el('td', {text: `${u.inputTokens} / ${u.outputTokens} / ${u.cacheTokens}`}),
        el('td', {text: `$${u.spend}`}),
        el('td', {}, revokeButton(k.name))));
  }
}

function revokeButton(name) {
  const button = el('button', {type: 'button', class: 'quiet danger', text: 'Revoke', 'aria-label': `Revoke ${name}`});
  button.addEventListener('click', async () => {
    if (!confirm(`Revoke the key ${name}? Requests with it are refused at once; this cannot be undone.`)) return;
    try {
      await call('DELETE', undefined, '/admin/keys/' + encodeURIComponent(name));
      if ($('new-key').dataset.name === name) hideNewKey();
      showMessage(`Revoked ${name}: requests with its key are refused from now on.`, 'ok');
    } catch (e) {
      keyCallFailed('Not revoked', e);
    }
    refreshKeys();
  });
  return button;
}

/** A whole number or dollar amount from a limit field, or undefined when it is left empty (no limit). */
function limitValue(input) {
  return input.value.trim() === '' ? undefined : Number(input.value);
}

$('add-key').addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = $('key-name').value.trim();
  // JSON.stringify leaves out the undefined (empty) limits
  const limits = {requestsPerMinute: limitValue($('key-rpm')), tokensPerDay: limitValue($('key-tpd')),
    spendPerMonth: limitValue($('key-spend'))};
  try {
    const created = await call('POST', {name, limits}, '/admin/keys');
    $('add-key').reset();
    showNewKey(created.name, created.key);
    showMessage(`Created ${created.name}. Copy its key below: it will not be shown again.`, 'ok');
  } catch (e) {
    keyCallFailed('Key not created', e);
  }
  refreshKeys();
});

function keyCallFailed(what, e) {
  if (e.status === 401) showLogin('The router refused this key: ' + e.message);
  else showMessage(`${what}: ${e.message}`, 'error');
}

/** The new secret, in a read-only field until dismissed, the key is revoked or the user signs out. */
function showNewKey(name, secret) {
  $('new-key').dataset.name = name;
  $('new-key-label').textContent = `New key for ${name}`;
  $('new-key-secret').value = secret;
  $('new-key').hidden = false;
  $('new-key-secret').focus();
  $('new-key-secret').select();
}

function hideNewKey() {
  $('new-key').hidden = true;
  $('new-key-secret').value = '';
  delete $('new-key').dataset.name;
}

$('new-key-secret').addEventListener('focus', () => $('new-key-secret').select());
$('new-key-done').addEventListener('click', hideNewKey);

// ---- the model catalog -------------------------------------------------------------------------------------------

async function refreshModels() {
  state.modelsReadAt = Date.now();
  try {
    // /health/providers answers 503 with the same body when no provider is up: its refusals still count
    const [models, health] = await Promise.all([readJson('/v1/models'), readJson('/health/providers')]);
    if (models.status !== 200 || !models.json) {
      const why = models.json && models.json.error ? models.json.error.message : `HTTP ${models.status}`;
      renderModelsProblem('Could not read the model catalog: ' + why);
      return;
    }
    renderModels(models.json.data, health.json && health.json.providers ? health.json.providers : []);
  } catch (e) {
    state.modelsReadAt = 0; // the routing refresh reports the lost connection; read again once it is back
  }
}

/** One row per listed model (GET /v1/models order), plus any model a provider refused parameters for. */
function modelRows(models, health) {
  const rows = models.map((m) => {
    const comma = m.id.indexOf(',');
    return {provider: m.id.slice(0, comma), model: m.id.slice(comma + 1), info: m, refused: []};
  });
  for (const p of health) {
    for (const [model, fields] of Object.entries(p.unsupportedParameters || {})) {
      let row = rows.find((r) => r.provider === p.name && r.model === model);
      if (!row) rows.push(row = {provider: p.name, model, info: null, refused: []});
      row.refused = fields;
    }
  }
  return rows;
}

function renderModels(models, health) {
  const body = $('models').tBodies[0];
  body.replaceChildren();
  const rows = modelRows(models, health);
  if (!rows.length) {
    body.append(el('tr', {}, el('td', {colspan: '8', class: 'empty',
      text: 'No provider lists its models: set ccr.providers.<name>.models to see them here'})));
  }
  for (const r of rows) {
    const i = r.info || {};
    const model = el('td', {class: 'name model', text: r.model});
    if (!r.info) model.append(el('span', {class: 'detail', text: 'not in the provider\'s models list'}));
    body.append(el('tr', {'data-model': `${r.provider},${r.model}`},
        el('th', {scope: 'row', text: r.provider}),
        model,
        el('td', {class: 'num', text: tokens(i.context_window)}),
        el('td', {class: 'num', text: tokens(i.max_output_tokens)}),
        el('td', {}, capabilities(i)),
        el('td', {class: 'num price', text: prices(i)}),
        el('td', {}, sources(i.source)),
        el('td', {}, refusals(r.refused))));
  }
  renderUnlisted(rows);
}

function renderModelsProblem(text) {
  $('models').tBodies[0].replaceChildren(el('tr', {}, el('td', {colspan: '8', class: 'empty', text})));
}

/** Providers whose models the catalog view cannot show: say why rather than leave them out silently. */
function renderUnlisted(rows) {
  const shown = new Set(rows.map((r) => r.provider));
  const providers = state.routing ? state.routing.providers.filter((p) => !shown.has(p.name)) : [];
  const anyModel = providers.filter((p) => !p.models.length).map((p) => p.name);
  const notReady = providers.filter((p) => p.models.length).map((p) => p.name);
  const parts = [];
  if (anyModel.length) parts.push(`${anyModel.join(', ')} (any model, none listed: looked up when requested)`);
  if (notReady.length) parts.push(`${notReady.join(', ')} (not configured yet: see Providers)`);
  $('models-unlisted').hidden = !parts.length;
  $('models-unlisted').textContent = parts.length ? 'Not shown: ' + parts.join('; ') + '.' : '';
}

function tokens(value) {
  return value == null ? '–' : value.toLocaleString();
}

function prices(i) {
  if (i.input_price_per_mtok == null && i.output_price_per_mtok == null) return '–';
  const usd = (v) => v == null ? '–' : '$' + v.toLocaleString(undefined, {minimumFractionDigits: 2, maximumFractionDigits: 4});
  return `${usd(i.input_price_per_mtok)} / ${usd(i.output_price_per_mtok)}`;
}

/** Each capability as a tag that reads right without colour: "tools", "no images", "caching unknown". */
function capabilities(i) {
  const list = el('ul', {class: 'caps'});
  const caps = [['reasoning', i.reasoning, i.reasoning_style], ['images', i.images], ['tools', i.tools],
    ['prompt caching', i.prompt_caching]];
  for (const [name, known, style] of caps) {
    const text = known == null ? `${name} unknown` : known ? (style ? `${name} (${style})` : name) : `no ${name}`;
    list.append(el('li', {class: 'cap ' + (known == null ? 'unknown' : known ? 'yes' : 'no'), text}));
  }
  return list;
}

function sources(source) {
  if (!source) return el('span', {class: 'empty', text: 'no source knows it'});
  const list = el('ul', {class: 'targets sources'});
  for (const s of source.split(', ')) list.append(el('li', {text: s}));
  return list;
}

function refusals(fields) {
  if (!fields.length) return el('span', {class: 'empty', text: 'none'});
  const list = el('ul', {class: 'targets refused'});
  for (const f of fields) list.append(el('li', {}, el('code', {text: f})));
  return list;
}

function renderModelMap(saved) {
  const body = $('model-map').tBodies[0];
  body.replaceChildren();
  const models = new Set([...Object.keys(saved), ...Object.keys(state.pending.modelMap)]);
  if (!models.size) {
    body.append(el('tr', {}, el('td', {colspan: '3', class: 'empty', text: 'No mappings: the route rules decide'})));
  }
  for (const model of [...models].sort()) {
    const pending = model in state.pending.modelMap ? state.pending.modelMap[model] : undefined;
    const removed = pending === null;
    const target = pending === undefined || pending === null ? saved[model] : pending;
    const row = el('tr', {class: removed ? 'removed' : pending !== undefined ? 'changed' : ''},
        el('th', {scope: 'row', text: model}),
        el('td', {}, el('code', {text: target})));
    const button = el('button', {type: 'button', class: 'quiet',
      text: removed || (pending !== undefined && !(model in saved)) ? 'Undo' : 'Remove',
      'aria-label': `${removed ? 'Undo removal of' : 'Remove'} mapping for ${model}`});
    button.addEventListener('click', () => {
      if (pending !== undefined) delete state.pending.modelMap[model];
      else state.pending.modelMap[model] = null;
      renderModelMap(state.routing.modelMap);
      renderPending();
    });
    row.append(el('td', {}, button));
    body.append(row);
  }
}

function renderTargets(providers) {
  const list = $('map-targets');
  list.replaceChildren();
  for (const p of providers) {
    for (const m of p.models) list.append(el('option', {value: `${p.name},${m}`}));
  }
}

$('add-mapping').addEventListener('submit', (event) => {
  event.preventDefault();
  const model = $('map-model').value.trim();
  const target = $('map-target').value.trim();
  if (!model || !target) return;
  state.pending.modelMap[model] = target;
  $('map-model').value = '';
  $('map-target').value = '';
  renderModelMap(state.routing.modelMap);
  renderPending();
  $('map-model').focus();
});

// ---- saving -------------------------------------------------------------------------------------------------------

function describePending() {
  const parts = [];
  for (const [name, edits] of Object.entries(state.pending.providers)) {
    for (const [field, value] of Object.entries(edits)) {
      if (field === 'enabled') parts.push(`${value ? 'enable' : 'disable'} ${name}`);
      else parts.push(value === null ? `${name} ${field} back to configured` : `${name} ${field} ${value}`);
    }
  }
  for (const [model, target] of Object.entries(state.pending.modelMap)) {
    parts.push(target === null ? `remove ${model}` : `${model} → ${target}`);
  }
  return parts;
}

function renderPending() {
  const parts = describePending();
  $('pending').textContent = parts.length ? 'Unsaved: ' + parts.join('; ') : 'No unsaved changes';
  $('pending').classList.toggle('dirty', parts.length > 0);
  $('save').disabled = !parts.length;
  $('discard').disabled = !parts.length;
}

$('save').addEventListener('click', async () => {
  const change = {};
  if (Object.keys(state.pending.providers).length) change.providers = state.pending.providers;
  if (Object.keys(state.pending.modelMap).length) change.modelMap = state.pending.modelMap;
  const summary = describePending().join('; ');
  $('save').disabled = true;
  try {
    const routing = await call('PUT', change);
    state.pending = {providers: {}, modelMap: {}};
    render(routing);
    showMessage('Saved: ' + summary + '. In effect for the next request.', 'ok');
  } catch (e) {
    if (e.status === 401) showLogin('The router refused this key: ' + e.message);
    else showMessage('Not saved, nothing was changed: ' + e.message, 'error');
    renderPending();
  }
});

$('discard').addEventListener('click', () => {
  state.pending = {providers: {}, modelMap: {}};
  hideMessage();
  render(state.routing);
});

// ---- charts -------------------------------------------------------------------------------------------------------

/** Turns the ever-growing counters into a rate and an average latency since the previous read. */
function sample(p) {
  const now = performance.now();
  const prev = state.last.get(p.name);
  state.last.set(p.name, {t: now, calls: p.calls, errors: p.errors, latency: p.latencyMillisTotal});
  if (!prev) return;
  const seconds = (now - prev.t) / 1000;
  if (seconds <= 0.2) return; // a PUT answer right after a poll: too short to measure
  const calls = Math.max(0, p.calls - prev.calls);
  const ok = calls - Math.max(0, p.errors - prev.errors);
  const latency = ok > 0 ? (p.latencyMillisTotal - prev.latency) / ok : null;
  const points = state.history.get(p.name) || [];
  points.push({rate: calls / seconds, latency});
  if (points.length > HISTORY) points.shift();
  state.history.set(p.name, points);
}

function renderCharts(providers) {
  const series = providers.map((p, i) => ({name: p.name, colour: COLOURS[i % COLOURS.length],
    points: state.history.get(p.name) || []}));
  drawChart($('rate-chart'), series, (pt) => pt.rate, axisLabel);
  drawChart($('latency-chart'), series, (pt) => pt.latency, axisLabel);
  const legend = $('legend');
  legend.replaceChildren();
  for (const s of series) {
    const last = s.points[s.points.length - 1];
    const text = last ? `${s.name}: ${last.rate.toFixed(1)}/s, ${last.latency == null ? '–' : Math.round(last.latency) + ' ms'}`
        : `${s.name}: measuring…`;
    const item = el('li', {text});
    item.style.setProperty('--swatch', s.colour);
    legend.append(item);
  }
}

function drawChart(canvas, series, value, label) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  if (canvas.width !== Math.round(width * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  const pad = {left: 42, right: 10, top: 10, bottom: 18};
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  let max = 0;
  for (const s of series) for (const pt of s.points) max = Math.max(max, value(pt) || 0);
  max = niceMax(max);

  g.font = '11px system-ui, sans-serif';
  g.fillStyle = '#4a5360';
  g.strokeStyle = '#e1e4e8';
  g.lineWidth = 1;
  for (let i = 0; i <= 4; i++) {
    const y = pad.top + plotH - (plotH * i) / 4;
    g.beginPath();
    g.moveTo(pad.left, y + .5);
    g.lineTo(pad.left + plotW, y + .5);
    g.stroke();
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    g.fillText(label((max * i) / 4), pad.left - 6, y);
  }
  g.textAlign = 'left';
  g.textBaseline = 'alphabetic';
  g.fillText('−3 min', pad.left, height - 4);
  g.textAlign = 'right';
  g.fillText('now', pad.left + plotW, height - 4);

  const step = plotW / (HISTORY - 1);
  for (const s of series) {
    g.strokeStyle = s.colour;
    g.lineWidth = 2;
    g.beginPath();
    let drawing = false;
    let last = null;
    const offset = HISTORY - s.points.length;
    s.points.forEach((pt, i) => {
      const v = value(pt);
      if (v == null) {
        drawing = false; // a gap: no successful call to measure
        return;
      }
      const x = pad.left + (offset + i) * step;
      const y = pad.top + plotH - (plotH * v) / max;
      if (drawing) g.lineTo(x, y);
      else g.moveTo(x, y);
      drawing = true;
      last = {x, y};
    });
    g.stroke();
    if (last) {
      // the newest value as a dot, so a series with a single sample still shows
      g.fillStyle = s.colour;
      g.beginPath();
      g.arc(last.x, last.y, 3, 0, 2 * Math.PI);
      g.fill();
    }
  }
}

function axisLabel(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function niceMax(value) {
  if (value <= 0) return 1;
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (value <= m * magnitude) return m * magnitude;
  }
  return 10 * magnitude;
}

startRefreshing();
