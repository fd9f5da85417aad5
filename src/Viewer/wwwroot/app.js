// Geo viewer: reads the results folder through /api/* (never recomputes) and draws it with MapLibre GL JS.
// Palettes and class breaks match src/Viewer/Rendering/{Palettes,MapClassification}.cs; keep them in step.
import * as maplibregl from './vendor/maplibre-gl.mjs';

const PALETTES = {
  time: ['#fde725', '#8fd744', '#35b779', '#21918c', '#31688e', '#443983', '#440154'],
  change: ['#542788', '#8073ac', '#b2abd2', '#d8daeb', '#f7f7f7', '#fee0b6', '#fdb863', '#e08214', '#b35806'],
  imd: ['#00224e', '#123570', '#3b496c', '#575d6d', '#707173', '#8a8779', '#a69d75', '#c4b56c', '#e4cf5b', '#fee838'],
  attr: ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'],
};
const NO_DATA = '#bdbdbd';
const TIME_BREAKS = [10, 20, 30, 45, 60, 90];
const CHANGE_BREAKS = [-30, -15, -5, -1, 1, 5, 15, 30];
// Site statuses come from the server (/api/site-statuses, worked out by SiteStatusResolver as for the static maps):
// drawOrder (first = bottom), legend labels, and per site the status for every "option|service". The page keeps no rule.
let siteStatuses = { drawOrder: [], labels: {}, sites: {} };

const $ = (id) => document.getElementById(id);
const fmt = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v)) ? '–' : Number(v).toFixed(d).replace(/\.0+$/, '');
const fmtInt = (v) => (v === null || v === undefined || Number.isNaN(Number(v))) ? '–' : Math.round(Number(v)).toLocaleString('en-GB');
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

const hook = {
  ready: false, featureCount: 0, zoneCount: 0, legend: null, lastError: null, errors: [],
  lastSwitchMs: null, firstRenderMs: null, timings: {}, state: null,
};
window.geoViewer = hook;

function rangeLabels(b, unit) {
  const u = unit ? ' ' + unit : '';
  if (b.length === 0) return ['all' + u];
  const f = (v) => String(Math.round(v * 100) / 100);
  const labels = ['< ' + f(b[0]) + u];
  for (let i = 1; i < b.length; i++) labels.push(f(b[i - 1]) + ' to ' + f(b[i]) + u);
  labels.push('≥ ' + f(b[b.length - 1]) + u);
  return labels;
}

/** Same rule as MapClassification.cs: class i is the first with v < breaks[i] (v <= breaks[i] for travel times,
 *  "within T minutes" = <= T); NaN/null = -1. */
export function classOf(breaks, v, upperInclusive = false) {
  if (v === null || v === undefined || Number.isNaN(v)) return -1;
  for (let i = 0; i < breaks.length; i++) if (v < breaks[i] || (upperInclusive && v === breaks[i])) return i;
  return breaks.length;
}

function withinLabels(b, unit) {
  const f = (v) => String(Math.round(v * 100) / 100);
  const labels = ['up to ' + f(b[0]) + ' ' + unit];
  for (let i = 1; i < b.length; i++) labels.push('over ' + f(b[i - 1]) + ' to ' + f(b[i]) + ' ' + unit);
  labels.push('over ' + f(b[b.length - 1]) + ' ' + unit);
  return labels;
}

function classification(layer, attr, values) {
  if (layer === 'need') {
    // Classes come from the server (MapClassification.Need, as on the static maps).
    if (!needData) return { title: 'Need map', breaks: [], colours: [NO_DATA], labels: ['no need map'] };
    return { title: needData.title, breaks: needData.breaks, colours: needData.colours, labels: needData.labels };
  }
  if (layer === 'time') {
    return { title: 'Travel time (minutes)', breaks: TIME_BREAKS.slice(), colours: PALETTES.time, labels: withinLabels(TIME_BREAKS, 'min'), upperInclusive: true };
  }
  if (layer === 'change') {
    const b = CHANGE_BREAKS;
    const labels = rangeLabels(b, 'min');
    const f = (v) => String(v);
    labels[0] = 'faster by ' + f(-b[0]) + '+ min';
    labels[labels.length - 1] = 'slower by ' + f(b[b.length - 1]) + '+ min';
    labels[b.length / 2] = 'no change (' + f(b[b.length / 2 - 1]) + ' to ' + f(b[b.length / 2]) + ')';
    return { title: 'Change vs baseline (minutes)', breaks: b.slice(), colours: PALETTES.change, labels };
  }
  if (layer === 'imd') {
    const labels = Array.from({ length: 10 }, (_, i) => String(i + 1));
    labels[0] += ' most deprived';
    labels[9] += ' least deprived';
    return { title: 'IMD decile', breaks: [2, 3, 4, 5, 6, 7, 8, 9, 10], colours: PALETTES.imd, labels };
  }
  const sorted = values.filter((v) => v !== null && !Number.isNaN(v)).sort((a, b) => a - b);
  const breaks = [];
  for (let k = 1; k < 5 && sorted.length > 0; k++) {
    const b = sorted[Math.floor(k * sorted.length / 5)];
    if ((breaks.length === 0 || b > breaks[breaks.length - 1]) && b > sorted[0]) breaks.push(b);
  }
  const colours = PALETTES.attr.slice(PALETTES.attr.length - breaks.length - 1);
  return { title: attr, breaks, colours, labels: rangeLabels(breaks, '') };
}

// ---------------------------------------------------------------- state and URL hash
/** Flow lines and need points as drawn by StaticMapRenderer.Need.cs (widths in proportion to visits, 1 to 18 px). */
const FLOW_MAX_PX = 18, FLOW_MIN_PX = 1, FLOW_COLOUR = '#08519c', POINT_COLOUR = '#d7301f';
let needMaps = [];         // /api/need-maps: [{ key, title, layer }]

const state = {
  option: null, mode: null, service: null, layer: 'time', attr: null, need: null, flows: false,
  imdq: [1, 2, 3, 4, 5], band: '', la: '',
  sites: true, iso: false, placement: false, alloc: false, roads: true, tiles: false, view: null,
};
hook.state = state;

function readHash() {
  const h = new URLSearchParams(location.hash.replace(/^#/, ''));
  for (const k of ['option', 'mode', 'service', 'layer', 'attr', 'need', 'band', 'la']) if (h.has(k)) state[k] = h.get(k);
  if (h.has('imdq')) state.imdq = h.get('imdq').split(',').filter((s) => s).map(Number);
  for (const k of ['sites', 'iso', 'placement', 'alloc', 'flows', 'roads', 'tiles']) if (h.has(k)) state[k] = h.get(k) === '1';
  if (h.has('map')) {
    const [z, lat, lon] = h.get('map').split('/').map(Number);
    if ([z, lat, lon].every(Number.isFinite)) state.view = { zoom: z, center: [lon, lat] };
  }
}

function writeHash() {
  const h = new URLSearchParams();
  for (const k of ['option', 'mode', 'service', 'layer']) if (state[k]) h.set(k, state[k]);
  if (state.layer === 'attr' && state.attr) h.set('attr', state.attr);
  if (state.layer === 'need' && state.need) h.set('need', state.need);
  if (state.imdq.length !== 5) h.set('imdq', state.imdq.join(','));
  if (state.band !== '') h.set('band', state.band);
  if (state.la) h.set('la', state.la);
  for (const k of ['sites', 'iso', 'placement', 'alloc', 'flows', 'roads', 'tiles']) h.set(k, state[k] ? '1' : '0');
  if (map) {
    const c = map.getCenter();
    h.set('map', map.getZoom().toFixed(2) + '/' + c.lat.toFixed(5) + '/' + c.lng.toFixed(5));
  }
  history.replaceState(null, '', '#' + h.toString());
}

// ---------------------------------------------------------------- errors
function showError(message, fatal) {
  hook.lastError = message;
  hook.errors.push(message);
  const b = $('banner');
  b.hidden = false;
  if (fatal) b.classList.add('fatal');
  b.textContent = (b.textContent ? b.textContent + '\n' : '') + message;
  document.body.classList.add('has-banner');
  if (map) map.resize();
}

async function getJson(url, file) {
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(file + ': cannot reach the viewer server (' + e.message + ')');
  }
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) throw new Error(body && body.error ? body.error : file + ': HTTP ' + res.status);
  if (body === null) throw new Error(file + ': response is not valid JSON');
  return body;
}

// ---------------------------------------------------------------- data
let map = null;
let status = null;
let summary = null;
let zones = null;          // GeoJSON FeatureCollection
let zoneIds = [];          // zone_id per feature
let zoneProps = new Map(); // zone_id -> properties
let scores = null;         // current /api/scores response
let needData = null;       // current /api/need response, with byZone (zone_id -> value)
const needCache = new Map();
let flowMax = 0;           // largest flow's visits (line widths are in proportion, as on the static maps)

async function loadNeed(key) {
  if (!needCache.has(key)) {
    const d = await getJson('/api/need?key=' + encodeURIComponent(key), 'need_maps.json');
    d.byZone = new Map(d.zoneIds.map((z, i) => [String(z), d.values[i]]));
    needCache.set(key, d);
  }
  return needCache.get(key);
}
let scoreIndex = new Map();
let timeScores = null;     // scores used for the time-band filter (same as scores)
const scoreCache = new Map();

async function loadScores(option, mode, service) {
  const key = option + '|' + mode + '|' + service;
  if (!scoreCache.has(key)) {
    const q = new URLSearchParams({ option, mode, service });
    scoreCache.set(key, await getJson('/api/scores?' + q.toString(), 'zone_results.csv'));
  }
  return scoreCache.get(key);
}

function zoneValue(id, layer) {
  if (layer === 'time' || layer === 'change') {
    if (!scores) return null;
    const i = scoreIndex.get(id);
    if (i === undefined) return null;
    return layer === 'time' ? scores.minutes[i] : scores.change[i];
  }
  if (layer === 'need') {
    const v = needData ? needData.byZone.get(id) : null;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  const p = zoneProps.get(id) || {};
  const v = layer === 'imd' ? p.imd_decile : p[state.attr];
  const n = typeof v === 'number' ? v : parseFloat(v);
  return Number.isFinite(n) ? n : null;
}

function imdQuintile(p) {
  const q = Number(p.imd_quintile);
  if (Number.isFinite(q) && q >= 1) return q;
  const d = Number(p.imd_decile);
  return Number.isFinite(d) && d >= 1 ? Math.ceil(d / 2) : null;
}

// ---------------------------------------------------------------- drawing
function siteIcon(kind) {
  const size = 40;
  const c = document.createElement('canvas');
  c.width = size; c.height = size;
  const g = c.getContext('2d');
  const m = size / 2, r = 12;
  g.lineJoin = 'round';
  if (kind === 'closed') {
    g.lineCap = 'round';
    for (const [w, col] of [[9, '#ffffff'], [5, '#b2182b']]) {
      g.strokeStyle = col; g.lineWidth = w;
      g.beginPath(); g.moveTo(m - r, m - r); g.lineTo(m + r, m + r); g.moveTo(m + r, m - r); g.lineTo(m - r, m + r); g.stroke();
    }
  } else if (kind === 'new') {
    g.beginPath();
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + i * Math.PI / 5, rr = i % 2 === 0 ? 17 : 7.5;
      g[i === 0 ? 'moveTo' : 'lineTo'](m + rr * Math.cos(a), m + rr * Math.sin(a));
    }
    g.closePath();
    g.lineWidth = 5; g.strokeStyle = '#ffffff'; g.stroke();
    g.fillStyle = '#e66101'; g.fill();
    g.lineWidth = 1.5; g.strokeStyle = '#000000'; g.stroke();
  } else if (kind === 'candidate') {
    g.lineWidth = 7; g.strokeStyle = '#ffffff'; g.strokeRect(m - 10, m - 10, 20, 20);
    g.fillStyle = '#ffffff'; g.fillRect(m - 10, m - 10, 20, 20);
    g.lineWidth = 3; g.strokeStyle = '#555555'; g.strokeRect(m - 10, m - 10, 20, 20);
  } else {
    g.beginPath(); g.arc(m, m, 10, 0, 2 * Math.PI);
    g.lineWidth = 5; g.strokeStyle = '#ffffff'; g.stroke();
    g.fillStyle = '#000000'; g.fill();
  }
  return { canvas: c, data: g.getImageData(0, 0, size, size) };
}

function drawSiteKey() {
  const key = $('siteKey');
  key.innerHTML = '';
  for (const kind of [...siteStatuses.drawOrder].reverse()) {
    const label = siteStatuses.labels[kind] || kind;
    const span = document.createElement('span');
    const img = siteIcon(kind).canvas;
    img.style.width = '20px'; img.style.height = '20px';
    span.appendChild(img);
    span.appendChild(document.createTextNode(label));
    key.appendChild(span);
  }
}

// ---------------------------------------------------------------- isochrone and placement legends
let isoBands = [];

/** Isochrone lines coloured by their minutes with the travel-time palette (a 30-minute line has the colour of "over 20 to 30 min"). */
function isochroneColour(minutes) {
  const k = classOf(TIME_BREAKS, minutes, true);
  return PALETTES.time[Math.min(Math.max(k, 0), PALETTES.time.length - 1)];
}

function setIsochrones(data) {
  const seen = new Map();
  for (const f of (data && data.features) || []) {
    const p = (f && f.properties) || {};
    const m = Number(p.minutes);
    if (!Number.isFinite(m)) continue;
    const key = m + '|' + (p.mode || '');
    if (!seen.has(key)) seen.set(key, { minutes: m, mode: String(p.mode || ''), colour: isochroneColour(m) });
  }
  isoBands = [...seen.values()].sort((a, b) => a.minutes - b.minutes || a.mode.localeCompare(b.mode));
  hook.isochroneBands = isoBands;
  map.getSource('isochrones').setData(data);
  const minutes = [...new Set(isoBands.map((b) => b.minutes))];
  if (minutes.length > 0) {
    const expr = ['match', ['to-number', ['get', 'minutes']]];
    for (const m of minutes) expr.push(m, isochroneColour(m));
    expr.push('#111111');
    map.setPaintProperty('isochrones', 'line-color', expr);
  }
}

/** Keys for the isochrone and placement layers, shown while those layers are on. */
function drawLayerKeys() {
  const iso = $('isoKey');
  iso.hidden = !(state.iso && isoBands.length > 0);
  iso.innerHTML = '<div class="title">Isochrones: reachable within</div>' + isoBands.map((b) =>
    '<div class="row"><span class="ln" style="border-top-color:' + b.colour + '"></span>' + esc(fmt(b.minutes)) + ' min' + (b.mode ? ' (' + esc(b.mode) + ')' : '') + '</div>').join('');
  const flowKey = $('flowKey');
  flowKey.hidden = !(state.flows && flowMax > 0);
  flowKey.innerHTML = '<div class="title">Visits (line width)</div>' + [flowMax, flowMax / 2, flowMax / 10].map((v) =>
    '<div class="row"><span class="ln" style="border-top:' + Math.max(FLOW_MIN_PX, FLOW_MAX_PX * v / (flowMax || 1)).toFixed(1) + 'px solid ' + FLOW_COLOUR + '"></span>' + esc(fmt(Math.round(v * 10) / 10)) + ' visits</div>').join('');
  const needKey = $('needPointsKey');
  if (needKey) needKey.remove();
  if (state.layer === 'need' && needData && needData.points.length > 0) {
    const div = document.createElement('div');
    div.id = 'needPointsKey'; div.className = 'row';
    div.innerHTML = '<span class="dot" style="display:inline-block;width:10px;height:10px;border-radius:50%;background:' + POINT_COLOUR + ';margin-right:6px"></span>'
      + esc(needData.pointSet || 'points') + ' (' + needData.points.length + ' points' + (needData.pointsOutside > 0 ? '; ' + needData.pointsOutside + ' outside the zones' : '') + ')';
    $('legend').appendChild(div);
  }
  const placement = $('placementKey');
  placement.hidden = !((state.placement || state.alloc) && status.hasPlacement);
  placement.innerHTML = '<div class="title">Placement result</div>'
    + '<div class="row"><span class="ring"></span>chosen site</div>'
    + '<div class="row"><span class="ln" style="border-top:2px solid #333333"></span>zone to its allocated site</div>';
}

function fillColourExpression(colours) {
  const expr = ['match', ['coalesce', ['feature-state', 'k'], -1]];
  colours.forEach((c, i) => { expr.push(i, c); });
  expr.push(NO_DATA);
  return expr;
}

const hiddenExpr = ['boolean', ['feature-state', 'hidden'], false];

function addLayers() {
  map.addSource('roads', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'roads', type: 'line', source: 'roads',
    paint: {
      'line-color': ['match', ['get', 'highway'], ['motorway', 'trunk', 'primary', 'motorway_link', 'trunk_link', 'primary_link'], '#9a9a9a', '#bdbdbd'],
      'line-width': ['match', ['get', 'highway'], ['motorway', 'trunk', 'primary'], 2.2, 1],
    },
  });
  map.addSource('zones', { type: 'geojson', data: zones, promoteId: 'zone_id' });
  map.addLayer({
    id: 'zones-fill', type: 'fill', source: 'zones', filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': NO_DATA, 'fill-opacity': ['case', hiddenExpr, 0, 0.8] },
  });
  map.addLayer({
    id: 'zones-line', type: 'line', source: 'zones', filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': ['case', hiddenExpr, 0.15, 0.9] },
  });
  map.addLayer({
    id: 'zones-point', type: 'circle', source: 'zones', filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-color': NO_DATA, 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1,
      'circle-opacity': ['case', hiddenExpr, 0, 0.9], 'circle-stroke-opacity': ['case', hiddenExpr, 0, 1],
    },
  });
  map.addLayer({
    id: 'zones-hover', type: 'line', source: 'zones', filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': '#000000', 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0] },
  });
  map.addSource('isochrones', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'isochrones', type: 'line', source: 'isochrones', layout: { visibility: 'none' },
    paint: { 'line-color': '#111111', 'line-width': 3, 'line-dasharray': [3, 2] },
  });
  map.addSource('placement', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'alloc-lines', type: 'line', source: 'placement', filter: ['==', ['geometry-type'], 'LineString'],
    layout: { visibility: 'none' }, paint: { 'line-color': '#333333', 'line-width': 1, 'line-opacity': 0.6 },
  });
  map.addLayer({
    id: 'placement-sites', type: 'circle', source: 'placement', filter: ['==', ['geometry-type'], 'Point'],
    layout: { visibility: 'none' },
    paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#e66101', 'circle-stroke-width': 4 },
  });
  map.addSource('flows', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'flows', type: 'line', source: 'flows', layout: { visibility: 'none', 'line-cap': 'round', 'line-sort-key': ['to-number', ['get', 'visits']] },
    paint: { 'line-color': FLOW_COLOUR, 'line-opacity': 0.67, 'line-width': FLOW_MIN_PX },
  });
  map.addSource('need-points', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'need-points', type: 'circle', source: 'need-points', layout: { visibility: 'none' },
    paint: { 'circle-radius': 4.5, 'circle-color': POINT_COLOUR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  });
  for (const kind of siteStatuses.drawOrder) map.addImage('site-' + kind, siteIcon(kind).data, { pixelRatio: 2 });
  map.addSource('sites', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'sites', type: 'symbol', source: 'sites',
    layout: {
      'icon-image': ['concat', 'site-', ['get', '_status']], 'icon-allow-overlap': true, 'icon-ignore-placement': true,
      'icon-size': ['match', ['get', '_status'], 'candidate', 0.8, 1.2], 'symbol-sort-key': ['get', '_order'],
    },
  });
}

/** The server's status of a site for the current option and service; 'none' (not drawn) when it gives none. */
function siteStatusOf(p) {
  const bySite = siteStatuses.sites[String(p.site_id)] || {};
  return bySite[state.option + '|' + (state.service || '')] || 'none';
}

let sitesData = null;
let sitesKey = null;

/** Puts the sites for the current option and service into the map: placement-only candidates left off, closing on top. */
function updateSites() {
  if (!sitesData || !map.getSource('sites')) return;
  const key = state.option + '|' + state.service;
  if (key === sitesKey) return;
  sitesKey = key;
  const features = [];
  sitesData.features.forEach((f, i) => {
    if (!f || !f.geometry || f.geometry.type !== 'Point') return;
    const st = siteStatusOf(f.properties || {});
    const order = siteStatuses.drawOrder.indexOf(st);
    if (order < 0) return;
    features.push({ type: 'Feature', geometry: f.geometry, properties: { ...f.properties, _status: st, _order: order, _index: i } });
  });
  features.sort((a, b) => a.properties._order - b.properties._order || a.properties._index - b.properties._index);
  hook.sites = features.map((f) => ({ id: f.properties.site_id, status: f.properties._status }));
  map.getSource('sites').setData({ type: 'FeatureCollection', features });
}

function setVisibility(id, on) {
  if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
}

let hoverId = null;

function syncControls() {
  for (const k of ['option', 'mode', 'service', 'layer', 'band', 'la']) {
    const el = $(k);
    if (el && state[k] !== null && el.value !== String(state[k])) el.value = state[k];
  }
  if (state.attr && $('attr').value !== state.attr) $('attr').value = state.attr;
  $('attrLabel').hidden = state.layer !== 'attr';
  if (state.need && $('need').value !== state.need) $('need').value = state.need;
  $('needLabel').hidden = state.layer !== 'need';
  $('imdq').querySelectorAll('input').forEach((i) => { i.checked = state.imdq.includes(Number(i.value)); });
  const toggles = { showSites: 'sites', showIso: 'iso', showPlacement: 'placement', showAlloc: 'alloc', showFlows: 'flows', showRoads: 'roads', showTiles: 'tiles' };
  for (const [id, key] of Object.entries(toggles)) $(id).checked = state[key];
}

function applyStyle() {
  syncControls();
  const values = zoneIds.map((id) => zoneValue(id, state.layer));
  const cls = classification(state.layer, state.attr, values);
  const timeCls = classification('time');
  const bandClass = state.band === '' ? null : Number(state.band);
  const counts = new Array(cls.colours.length).fill(0);
  let noData = 0, visible = 0;
  const imdq = new Set(state.imdq);
  for (let i = 0; i < zoneIds.length; i++) {
    const id = zoneIds[i];
    const p = zoneProps.get(id) || {};
    let show = true;
    if (imdq.size < 5) { const q = imdQuintile(p); show = q !== null && imdq.has(q); }
    if (show && bandClass !== null) {
      const t = timeScores ? timeScores.minutes[scoreIndex.get(id)] : null;
      show = classOf(timeCls.breaks, t ?? null, true) === bandClass;
    }
    if (show && state.la) show = String(p.local_authority ?? '') === state.la;
    const k = classOf(cls.breaks, values[i], cls.upperInclusive === true);
    if (show) { visible++; if (k < 0) noData++; else counts[k]++; }
    map.setFeatureState({ source: 'zones', id }, { k, hidden: !show });
  }
  const colourExpr = fillColourExpression(cls.colours);
  map.setPaintProperty('zones-fill', 'fill-color', colourExpr);
  map.setPaintProperty('zones-point', 'circle-color', colourExpr);
  updateSites();
  setVisibility('sites', state.sites);
  setVisibility('isochrones', state.iso);
  setVisibility('placement-sites', state.placement);
  setVisibility('alloc-lines', state.alloc);
  setVisibility('flows', state.flows);
  setVisibility('need-points', state.layer === 'need' && needData !== null && needData.points.length > 0);
  if (map.getSource('need-points')) {
    map.getSource('need-points').setData({ type: 'FeatureCollection', features: state.layer === 'need' && needData
      ? needData.points.map((c) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties: {} })) : [] });
  }
  setVisibility('roads', state.roads);
  setVisibility('tiles', state.tiles);
  hook.featureCount = visible;
  hook.legend = { layer: state.layer, title: cls.title, breaks: cls.breaks, colours: cls.colours, labels: cls.labels, counts, noData };
  drawLegend(cls, counts, noData);
  drawLayerKeys();
  $('shown').textContent = visible + ' of ' + zoneIds.length + ' zones shown';
  drawSummaryTable();
  drawEquality();
  writeHash();
}

function drawLegend(cls, counts, noData) {
  const el = $('legend');
  let html = '<div class="title">' + esc(cls.title) + '</div>';
  cls.colours.forEach((c, i) => {
    html += '<div class="row" data-class="' + i + '"><span class="sw" style="background:' + c + '"></span>' + esc(cls.labels[i]) + '<span class="n">' + counts[i] + '</span></div>';
  });
  if (noData > 0) html += '<div class="row"><span class="sw" style="background:' + NO_DATA + '"></span>no data / unreachable<span class="n">' + noData + '</span></div>';
  html += '<div class="muted legend-note">Numbers are counts of zones, not people.</div>';
  el.innerHTML = html;
}

/** Attribution the data's licences require (ODbL for OpenStreetMap, OGL for ONS/MHCLG), from summary.json when it lists it. */
const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL)';
function attributionLines() {
  const lines = summary && summary.methods && Array.isArray(summary.methods.attribution) ? summary.methods.attribution.slice() : [];
  if (!lines.some((l) => l.includes('OpenStreetMap'))) lines.unshift(OSM_ATTRIBUTION);
  return lines;
}

function metricsFor(option) {
  if (!summary || !Array.isArray(summary.metrics)) return null;
  return summary.metrics.find((m) => m.option === option && m.mode === state.mode && (m.service === state.service || !state.service)) || null;
}

function drawSummaryTable() {
  const el = $('summaryTable');
  $('tableCaption').textContent = (state.mode || '') + (state.service ? ', ' + state.service : '');
  if (!summary || !Array.isArray(summary.metrics)) { el.innerHTML = '<p class="muted">No metrics in summary.json.</p>'; return; }
  let html = '<table class="summary"><thead><tr><th>Option</th><th>Mean</th><th>Median</th><th>P90</th><th>Δ mean</th><th>Worse 10+</th></tr></thead><tbody>';
  for (const o of status.options) {
    const m = metricsFor(o.id);
    html += '<tr data-option="' + esc(o.id) + '"' + (o.id === state.option ? ' class="current"' : '') + '><td title="' + esc(o.name) + '">' + esc(o.id) + ' ' + esc(o.name).slice(0, 22) + '</td>';
    if (m) html += '<td>' + fmt(m.meanMinutes) + '</td><td>' + fmt(m.medianMinutes) + '</td><td>' + fmt(m.p90Minutes) + '</td><td>' + fmt(m.meanChange) + '</td><td>' + fmtInt(m.worse10) + '</td>';
    else html += '<td colspan="5" class="muted">no metrics</td>';
    html += '</tr>';
  }
  el.innerHTML = html + '</tbody></table><p class="muted">Minutes; "Worse 10+" = residents whose trip is 10+ min longer.</p>';
  el.querySelectorAll('tbody tr').forEach((tr) => tr.addEventListener('click', () => { $('option').value = tr.dataset.option; switchTo({ option: tr.dataset.option }); }));
}

function drawEquality() {
  const el = $('equality');
  const rows = summary && Array.isArray(summary.equality)
    ? summary.equality.filter((e) => e.option === state.option && e.mode === state.mode && (e.service === state.service || !state.service) && e.dimension === 'imd_quintile')
    : [];
  if (rows.length === 0) { el.innerHTML = '<p class="muted">No IMD quintile rows in summary.json for this option.</p>'; return; }
  rows.sort((a, b) => Number(a.group) - Number(b.group));
  const W = 340, rowH = 26, left = 105, H = rows.length * rowH + 24;
  const max = Math.max(1, ...rows.map((r) => Number(r.meanMinutes) || 0));
  let svg = '<svg width="' + W + '" height="' + H + '" role="img" aria-label="Mean minutes by IMD quintile">';
  rows.forEach((r, i) => {
    const y = i * rowH + 4, w = (W - left - 115) * (Number(r.meanMinutes) || 0) / max;
    const colour = PALETTES.imd[Math.min(9, (Number(r.group) - 1) * 2)] || '#888';
    svg += '<text x="0" y="' + (y + 16) + '" font-size="14">Q' + esc(r.group) + (r.group == 1 ? ' most dep.' : '') + '</text>';
    svg += '<rect x="' + left + '" y="' + y + '" width="' + w.toFixed(1) + '" height="' + (rowH - 6) + '" fill="' + colour + '"' + (r.flag ? ' stroke="#b35806" stroke-width="3"' : '') + '></rect>';
    svg += '<text x="' + (left + w + 6).toFixed(1) + '" y="' + (y + 16) + '" font-size="14">' + fmt(r.meanMinutes) + (r.meanChange !== undefined && r.meanChange !== null ? ' (' + (r.meanChange > 0 ? '+' : '') + fmt(r.meanChange) + ')' : '') + '</text>';
  });
  svg += '<text x="0" y="' + (H - 4) + '" font-size="12" fill="#5a5a5a">bars: mean minutes (change); orange outline = flagged</text></svg>';
  el.innerHTML = svg;
}

function tooltipHtml(id) {
  const p = zoneProps.get(id) || {};
  const i = scoreIndex.get(id);
  const t = i === undefined ? null : scores.minutes[i];
  const c = i === undefined ? null : scores.change[i];
  const site = i === undefined ? null : scores.site[i];
  const st = i === undefined ? null : scores.status[i];
  let html = '<b>' + esc(p.zone_name || id) + '</b><span class="muted">' + esc(id) + '</span><table>';
  html += '<tr><td>Population</td><td>' + fmtInt(p.population) + '</td></tr>';
  html += '<tr><td>Aged 65+</td><td>' + fmtInt(p.age65plus) + '</td></tr>';
  html += '<tr><td>IMD decile</td><td>' + esc(p.imd_decile ?? '–') + '</td></tr>';
  html += '<tr><td>Time (' + esc(state.mode) + ')</td><td>' + (t === null ? (st && st !== 'ok' ? esc(st) : '–') : fmt(t) + ' min') + '</td></tr>';
  html += '<tr><td>Change</td><td>' + (c === null ? '–' : (c > 0 ? '+' : '') + fmt(c) + ' min') + '</td></tr>';
  if (site) html += '<tr><td>Nearest site</td><td>' + esc(site) + '</td></tr>';
  if (state.layer === 'attr' && state.attr) html += '<tr><td>' + esc(state.attr) + '</td><td>' + esc(p[state.attr] ?? '–') + '</td></tr>';
  if (state.layer === 'need' && needData) {
    const v = needData.byZone.get(String(p.zone_id));
    html += '<tr><td>' + esc(needData.title) + '</td><td>' + esc(typeof v === 'number' ? fmt(Math.round(v * 10) / 10) : '–') + '</td></tr>';
  }
  return html + '</table>';
}

/** Tooltip for a site: its name, its status in the current option, and the zones it is the serving site for (mode, service). */
function siteTooltipHtml(p) {
  const id = String(p.site_id);
  const st = siteStatusOf(p);
  let n = 0, people = 0, weighted = 0, longest = null;
  if (scores) {
    for (let i = 0; i < scores.zoneIds.length; i++) {
      const t = scores.minutes[i];
      if (scores.site[i] !== id || t === null || t === undefined) continue;
      const pop = Number((zoneProps.get(scores.zoneIds[i]) || {}).population) || 0;
      n++; people += pop; weighted += pop * t;
      longest = longest === null ? t : Math.max(longest, t);
    }
  }
  let html = '<b>' + esc(p.site_name || id) + '</b><span class="muted">' + esc(id) + '</span><table>';
  html += '<tr><td>Status (' + esc(state.option) + ')</td><td>' + esc(siteStatuses.labels[st] || st) + '</td></tr>';
  if (n > 0) {
    html += '<tr><td>Serves</td><td>' + fmtInt(n) + (n === 1 ? ' zone, ' : ' zones, ') + fmtInt(people) + ' people</td></tr>';
    html += '<tr><td>Mean time (' + esc(state.mode) + ')</td><td>' + (people > 0 ? fmt(weighted / people) + ' min' : '–') + '</td></tr>';
    html += '<tr><td>Longest time</td><td>' + fmt(longest) + ' min</td></tr>';
  } else {
    html += '<tr><td colspan="2" class="muted">the nearest open site of no zone (' + esc(state.mode) + ')</td></tr>';
  }
  return html + '</table>';
}
hook.siteTooltip = (siteId) => {
  const f = sitesData && sitesData.features.find((x) => x && x.properties && String(x.properties.site_id) === String(siteId));
  return f ? siteTooltipHtml(f.properties) : null;
};

function setupHover() {
  const tip = $('tooltip');
  const show = (e, html) => {
    tip.innerHTML = html;
    tip.hidden = false;
    const mapBox = $('map').getBoundingClientRect();
    const x = e.point.x + mapBox.left + 14, y = e.point.y + mapBox.top + 14;
    tip.style.left = Math.min(x, window.innerWidth - 360) + 'px';
    tip.style.top = Math.min(y, window.innerHeight - 200) + 'px';
    map.getCanvas().style.cursor = 'pointer';
  };
  const unhover = () => {
    if (hoverId !== null) map.setFeatureState({ source: 'zones', id: hoverId }, { hover: false });
    hoverId = null;
  };
  const onLeave = () => {
    unhover();
    tip.hidden = true;
    map.getCanvas().style.cursor = '';
  };
  // Sites are on top of zones: a site under the pointer wins.
  map.on('mousemove', (e) => {
    const site = state.sites ? map.queryRenderedFeatures(e.point, { layers: ['sites'] })[0] : null;
    if (site) { unhover(); show(e, siteTooltipHtml(site.properties)); return; }
    const f = map.queryRenderedFeatures(e.point, { layers: ['zones-fill', 'zones-point'] })
      .find((x) => !(map.getFeatureState({ source: 'zones', id: x.id }) || {}).hidden);
    if (!f) { onLeave(); return; }
    if (hoverId !== null && hoverId !== f.id) map.setFeatureState({ source: 'zones', id: hoverId }, { hover: false });
    hoverId = f.id;
    map.setFeatureState({ source: 'zones', id: hoverId }, { hover: true });
    show(e, tooltipHtml(String(f.id)));
  });
  map.getCanvas().addEventListener('mouseleave', onLeave);
}

// ---------------------------------------------------------------- controls
function fillSelect(el, items, value) {
  el.innerHTML = '';
  for (const it of items) {
    const o = document.createElement('option');
    o.value = typeof it === 'string' ? it : it.id;
    o.textContent = typeof it === 'string' ? it : (it.name && it.name !== it.id ? it.id + ' – ' + it.name : it.id);
    el.appendChild(o);
  }
  if (value !== null && value !== undefined) el.value = value;
}

function setupControls() {
  fillSelect($('option'), status.options, state.option);
  fillSelect($('mode'), status.modes, state.mode);
  fillSelect($('service'), status.services, state.service);
  $('layer').value = state.layer;
  fillSelect($('attr'), status.numericZoneAttributes, state.attr);
  $('attrLabel').hidden = state.layer !== 'attr';
  const fs = $('imdq');
  for (let q = 1; q <= 5; q++) {
    const l = document.createElement('label');
    l.innerHTML = '<input type="checkbox" value="' + q + '"' + (state.imdq.includes(q) ? ' checked' : '') + '> ' + q;
    fs.appendChild(l);
  }
  fs.addEventListener('change', () => {
    state.imdq = [...fs.querySelectorAll('input:checked')].map((i) => Number(i.value));
    switchTo({});
  });
  const band = $('band');
  withinLabels(TIME_BREAKS, 'min').forEach((label, i) => {
    const o = document.createElement('option'); o.value = String(i); o.textContent = label; band.appendChild(o);
  });
  band.value = state.band;
  const las = [...new Set(zoneIds.map((id) => (zoneProps.get(id) || {}).local_authority).filter((v) => v))].sort();
  for (const la of las) { const o = document.createElement('option'); o.value = la; o.textContent = la; $('la').appendChild(o); }
  $('la').value = state.la;
  $('option').addEventListener('change', (e) => switchTo({ option: e.target.value }));
  $('mode').addEventListener('change', (e) => switchTo({ mode: e.target.value }));
  $('service').addEventListener('change', (e) => switchTo({ service: e.target.value }));
  $('layer').addEventListener('change', (e) => {
    $('attrLabel').hidden = e.target.value !== 'attr';
    $('needLabel').hidden = e.target.value !== 'need';
    switchTo({ layer: e.target.value });
  });
  $('attr').addEventListener('change', (e) => switchTo({ attr: e.target.value }));
  fillSelect($('need'), needMaps.map((m) => ({ id: m.key, name: m.title })), state.need);
  $('needOption').hidden = needMaps.length === 0;
  $('need').addEventListener('change', (e) => switchTo({ need: e.target.value }));
  $('flowsLabel').hidden = !status.hasFlows;
  band.addEventListener('change', (e) => switchTo({ band: e.target.value }));
  $('la').addEventListener('change', (e) => switchTo({ la: e.target.value }));
  const toggles = { showSites: 'sites', showIso: 'iso', showPlacement: 'placement', showAlloc: 'alloc', showFlows: 'flows', showRoads: 'roads', showTiles: 'tiles' };
  for (const [id, key] of Object.entries(toggles)) {
    $(id).checked = state[key];
    $(id).addEventListener('change', (e) => switchTo({ [key]: e.target.checked }));
  }
  if (status.tilesUrl) $('tilesLabel').hidden = false;
  drawSiteKey();
}

function waitIdle() {
  return new Promise((resolve) => {
    if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) {
      map.once('idle', resolve);
      map.triggerRepaint();
    } else {
      map.once('idle', resolve);
    }
  });
}

/** Changes the view (any of state's keys), redraws, and resolves when the map is idle. Used by the page and by tests. */
async function switchTo(changes) {
  const t0 = performance.now();
  Object.assign(state, changes);
  try {
    if (state.option && state.mode && status.options.length > 0) {
      scores = await loadScores(state.option, state.mode, state.service || '');
      scoreIndex = new Map(scores.zoneIds.map((z, i) => [z, i]));
      timeScores = scores;
    }
  } catch (e) {
    scores = null; scoreIndex = new Map(); timeScores = null;
    showError(e.message, false);
  }
  needData = null;
  if (state.layer === 'need' && state.need) {
    try { needData = await loadNeed(state.need); } catch (e) { showError(e.message, false); }
  }
  applyStyle();
  await waitIdle();
  hook.lastSwitchMs = performance.now() - t0;
  return hook.lastSwitchMs;
}
hook.setView = switchTo;
hook.needPointCount = () => map.queryRenderedFeatures({ layers: ['need-points'] }).length;
hook.renderedFeatureCount = () => {
  const feats = map.queryRenderedFeatures({ layers: ['zones-fill', 'zones-point'] });
  const ids = new Set();
  for (const f of feats) if (!(map.getFeatureState({ source: 'zones', id: f.id }) || {}).hidden) ids.add(f.id);
  return ids.size;
};
hook.zoneScreenPoint = (id) => {
  // A point inside the zone's first ring (centroid of the vertices, nudged to the ring if outside), in page pixels.
  const f = zones.features.find((x) => String(x.properties.zone_id) === String(id));
  if (!f) return null;
  let ring = null;
  const g = f.geometry;
  if (g.type === 'Point') ring = [g.coordinates];
  else if (g.type === 'Polygon') ring = g.coordinates[0];
  else if (g.type === 'MultiPolygon') ring = g.coordinates[0][0];
  if (!ring) return null;
  let lon = 0, lat = 0;
  for (const c of ring) { lon += c[0]; lat += c[1]; }
  const p = map.project([lon / ring.length, lat / ring.length]);
  const box = $('map').getBoundingClientRect();
  return { x: p.x + box.left, y: p.y + box.top };
};
hook.fitZones = () => fitZones(false);
hook.screenPoint = (lon, lat) => {
  const p = map.project([lon, lat]);
  const box = $('map').getBoundingClientRect();
  return { x: p.x + box.left, y: p.y + box.top };
};

function fitZones(fromHash) {
  if (fromHash && state.view) { map.jumpTo(state.view); return; }
  let minX = 180, minY = 90, maxX = -180, maxY = -90;
  const visit = (c) => {
    if (typeof c[0] === 'number') { minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]); minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]); return; }
    for (const x of c) visit(x);
  };
  for (const f of zones.features) if (f.geometry) visit(f.geometry.coordinates);
  if (minX <= maxX) map.fitBounds([[minX, minY], [maxX, maxY]], { padding: 30, duration: 0 });
}

// ---------------------------------------------------------------- start
async function start() {
  const t0 = performance.now();
  readHash();
  try {
    status = await getJson('/api/status', 'status');
  } catch (e) {
    showError('Cannot load the results: ' + e.message, true);
    hook.ready = true;
    return;
  }
  $('scenario').textContent = status.scenario || '';
  document.title = 'Geo viewer' + (status.scenario ? ' – ' + status.scenario : '');
  for (const err of status.errors) showError(err.file + ': ' + err.problem, err.required);
  if (!state.option || !status.options.some((o) => o.id === state.option)) state.option = status.options.length > 1 ? status.options[1].id : (status.options[0] || {}).id || null;
  if (!state.mode || !status.modes.includes(state.mode)) state.mode = status.modes[0] || null;
  if (!state.service || !status.services.includes(state.service)) state.service = status.services[0] || null;
  if (!state.attr) state.attr = status.numericZoneAttributes[0] || null;
  try { needMaps = await getJson('/api/need-maps', 'need_maps.json'); } catch (e) { showError(e.message, false); }
  if (!state.need || !needMaps.some((m) => m.key === state.need)) state.need = needMaps.length > 0 ? needMaps[0].key : null;
  try { siteStatuses = await getJson('/api/site-statuses', 'sites.geojson'); } catch (e) { showError(e.message, false); }
  try { summary = await getJson('/api/summary', 'summary.json'); } catch { summary = null; }
  try {
    zones = await getJson('/api/zones', 'zones.geojson');
  } catch (e) {
    if (!status.errors.some((x) => x.file === 'zones.geojson')) showError(e.message, true);
    zones = { type: 'FeatureCollection', features: [] };
  }
  hook.timings.dataLoadedMs = performance.now() - t0;
  zoneIds = zones.features.map((f) => String(f.properties.zone_id));
  zoneProps = new Map(zones.features.map((f) => [String(f.properties.zone_id), f.properties]));
  hook.zoneCount = zoneIds.length;

  const style = { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f2f2ee' } }] };
  if (status.tilesUrl) {
    style.sources.tiles = { type: 'raster', tiles: [status.tilesUrl], tileSize: 256, attribution: 'Tiles: ' + new URL(status.tilesUrl.replace(/[{}]/g, '')).host };
    style.layers.push({ id: 'tiles', type: 'raster', source: 'tiles', layout: { visibility: state.tiles ? 'visible' : 'none' } });
  }
  map = new maplibregl.Map({ container: 'map', style, attributionControl: false, preserveDrawingBuffer: true, fadeDuration: 0 });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: attributionLines().map(esc) }), 'bottom-right');
  $('attribution').innerHTML = attributionLines().map((l) => '<div>' + esc(l) + '</div>').join('');
  map.on('error', (e) => {
    // Online tiles are optional: a failed tile request (offline, blocked) must not raise the error banner.
    if (e && e.sourceId === 'tiles') { hook.tileErrors = (hook.tileErrors || 0) + 1; return; }
    showError('Map: ' + (e && e.error ? e.error.message : String(e)), false);
  });
  await new Promise((resolve) => map.once('load', resolve));
  hook.timings.mapLoadedMs = performance.now() - t0;
  addLayers();
  setupControls();
  setupHover();
  fitZones(true);
  map.on('moveend', writeHash);
  const loadOptional = async (url, file, source) => {
    try { map.getSource(source).setData(await getJson(url, file)); } catch (e) { showError(e.message, false); }
  };
  await Promise.all([
    (async () => {
      try { sitesData = await getJson('/api/sites', 'sites.geojson'); sitesKey = null; } catch (e) { showError(e.message, false); }
    })(),
    status.hasBasemap ? loadOptional('/api/basemap', 'basemap.geojson', 'roads') : Promise.resolve(),
    status.hasIsochrones
      ? (async () => { try { setIsochrones(await getJson('/api/isochrones', 'isochrones')); } catch (e) { showError(e.message, false); } })()
      : Promise.resolve(),
    status.hasPlacement ? loadOptional('/api/placement', 'placement/placement.geojson', 'placement') : Promise.resolve(),
    status.hasFlows ? (async () => {
      try {
        const flows = await getJson('/api/flows', 'flows.geojson');
        flowMax = Math.max(0, ...flows.features.map((f) => Number(f.properties.visits) || 0));
        map.getSource('flows').setData(flows);
        if (flowMax > 0) map.setPaintProperty('flows', 'line-width', ['max', FLOW_MIN_PX, ['*', FLOW_MAX_PX / flowMax, ['to-number', ['get', 'visits']]]]);
      } catch (e) { showError(e.message, false); }
    })() : Promise.resolve(),
  ]);
  hook.timings.layersLoadedMs = performance.now() - t0;
  await switchTo({});
  hook.timings.firstSwitchMs = hook.lastSwitchMs;
  hook.firstRenderMs = performance.now() - t0;
  hook.ready = true;
}

window.addEventListener('error', (e) => { hook.lastError = String(e.message); });
window.addEventListener('unhandledrejection', (e) => { hook.lastError = String(e.reason && e.reason.message ? e.reason.message : e.reason); });
start().catch((e) => { showError('Viewer failed to start: ' + e.message, true); hook.ready = true; });
