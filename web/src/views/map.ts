// The map of twinnings (#/map?supporter=…&recipient=…, the same filters as the twinnings table):
// supporters and recipients as dots where their seats are, one line per twinning, the quote that
// states it on click, labels where none covers another (label-layout.ts). An equirectangular
// projection of the points alone on SVG: no tiles and no boundaries are drawn (there is no approved
// boundary data offline), nothing is fetched but the API.
import { request } from '../api.js';
import { fill, h } from '../dom.js';
import { lang, t as say } from '../i18n.js';
import { placeLabels } from '../label-layout.js';
import { entityLink, primaryName } from '../names.js';
import { href, type Route } from '../route.js';
import { TwinningMapDocument, type MapPlaceFragment, type TwinningMapQuery } from '../../generated/graphql.js';

type MapTwinning = TwinningMapQuery['twinnings']['edges'][number]['node'];
interface Point { latitude: number; longitude: number }
/** A place on the map: where it is, or where the nearest located place it lies in is (`at`). */
interface Placed { place: MapPlaceFragment; point: Point; at: { id: string; name: string; nameZh?: string | null } | null }

const MAX_PAGES = 25; // 20 a page: the query cost limit allows no more with both ends' ancestors
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
/** The view's name, for the navigation. */
export const mapLabel = () => say('mapTitle');
const WIDTH = 960;
const HEIGHT = 600;
const PAD = 60;
/** Room on the right for the labels, which are written to the right of their dots. */
const LABEL_ROOM = 150;

async function fetchAll(filter: Record<string, string | boolean>): Promise<MapTwinning[]> {
  const rows: MapTwinning[] = [];
  let after: string | null | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { twinnings } = await request(TwinningMapDocument, { filter, after });
    rows.push(...twinnings.edges.map((e) => e.node));
    if (!twinnings.pageInfo.hasNextPage) break;
    after = twinnings.pageInfo.endCursor;
  }
  return rows;
}

/** The place's own point, or its nearest located ancestor's (parent first). */
function placed(place: MapPlaceFragment): Placed | null {
  if (place.location) return { place, point: place.location, at: null };
  const up = place.ancestors.find((a) => a.location);
  return up?.location ? { place, point: up.location, at: up } : null;
}

/** Equirectangular, scaled by the cosine of the middle latitude, fitted to the box. */
function projection(points: Point[]): (p: Point) => [number, number] {
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const spanX = Math.max((maxLon - minLon) * k, 1);
  const spanY = Math.max(maxLat - minLat, 1);
  const scale = Math.min((WIDTH - 2 * PAD - LABEL_ROOM) / spanX, (HEIGHT - 2 * PAD) / spanY);
  const offX = (WIDTH - LABEL_ROOM - spanX * scale) / 2;
  const offY = (HEIGHT - spanY * scale) / 2;
  return (p) => [offX + (p.longitude - minLon) * k * scale, offY + (maxLat - p.latitude) * scale];
}

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: Array<SVGElement | string>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

function detail(t: MapTwinning, ends: [Placed, Placed]): HTMLElement {
  const note = (p: Placed) => p.at && h('p', { class: 'muted' }, `${primaryName(p.place)}: ${say('mapPlacedAt')} ${primaryName(p.at)}`);
  return h('div', { class: 'map-detail', 'data-twinning': t.id },
    h('p', {}, entityLink(t.supporter, true), ' → ', entityLink(t.recipient, true)),
    t.distanceKm !== null && t.distanceKm !== undefined && h('p', {}, `${say('distance')}: ${t.distanceKm.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')} km`),
    note(ends[0]), note(ends[1]),
    ...t.sources.map((c) => h('blockquote', { class: 'quote' }, c.quote,
      h('footer', {}, `${say('source')}: `, h('a', { href: href('source', c.source.id) }, lang === 'zh' ? c.source.title : c.source.titleEn ?? c.source.title)))));
}

export async function mapView(main: HTMLElement, route: Route): Promise<void> {
  // As the twinnings table: a supporter or recipient with everything within it.
  const filter: Record<string, string> = {};
  for (const key of ['supporter', 'recipient'] as const) { const v = route.params.get(key); if (v) filter[key] = v; }
  const rows = await fetchAll({ ...filter, includeDescendants: true });
  const drawn = rows.flatMap((t) => {
    const a = placed(t.supporter);
    const b = placed(t.recipient);
    return a && b ? [{ t, ends: [a, b] as [Placed, Placed] }] : [];
  });
  const skipped = rows.filter((t) => !drawn.some((d) => d.t.id === t.id));
  const panel = h('aside', { class: 'map-panel', 'aria-live': 'polite', style: 'flex: 1 1 18rem; min-width: 16rem' }, h('p', { class: 'muted' }, say('mapPick')));
  const header = [
    h('h1', {}, say('mapTitle')),
    h('p', { class: 'muted' }, say('mapIntro')),
    h('p', {}, h('a', { href: href('twinnings', undefined, filter) }, say('table'))),
  ];
  if (!drawn.length) { fill(main, ...header, h('p', {}, say('mapNone'))); return; }

  const project = projection(drawn.flatMap((d) => d.ends.map((e) => e.point)));
  const map = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, class: 'twinning-map', role: 'img', 'aria-label': say('mapTitle') });
  map.append(svg('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: BACKGROUND }));
  // Twinnings that share both ends bend apart, so each line can be clicked.
  const seen = new Map<string, number>();
  for (const { t, ends } of drawn) {
    const [x1, y1] = project(ends[0].point);
    const [x2, y2] = project(ends[1].point);
    const key = `${x1.toFixed(0)},${y1.toFixed(0)},${x2.toFixed(0)},${y2.toFixed(0)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const bend = (n % 2 ? -1 : 1) * Math.ceil(n / 2) * 18 + 12;
    const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const [cx, cy] = [mx - ((y2 - y1) / len) * bend, my + ((x2 - x1) / len) * bend];
    const line = svg('path', {
      d: `M${x1},${y1} Q${cx},${cy} ${x2},${y2}`, fill: 'none', stroke: '#8a6d3b', 'stroke-width': 2, 'stroke-opacity': 0.75,
      class: 'twinning-line', 'data-twinning': t.id, tabindex: 0, role: 'button',
    }, svg('title', {}, `${primaryName(t.supporter)} → ${primaryName(t.recipient)}`));
    const show = () => {
      for (const other of map.querySelectorAll('.twinning-line')) other.setAttribute('stroke', '#8a6d3b');
      line.setAttribute('stroke', '#d0342c');
      fill(panel, detail(t, ends));
    };
    line.addEventListener('click', show);
    line.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') show(); });
    map.append(line);
  }
  // Dots last, over the lines; one per place and side, labelled once.
  const dots = new Map<string, { p: Placed; role: 'supporter' | 'recipient' }>();
  for (const { ends } of drawn) {
    dots.set(ends[0].place.id, { p: ends[0], role: 'supporter' });
    if (!dots.has(ends[1].place.id)) dots.set(ends[1].place.id, { p: ends[1], role: 'recipient' });
  }
  const labels = new Map<string, Label>();
  // Hollow dots (places drawn at an ancestor's point) first, so a located place's dot stays on top.
  for (const { p, role } of [...dots.values()].sort((a, b) => Number(!a.p.at) - Number(!b.p.at))) {
    const [x, y] = project(p.point);
    const colour = role === 'supporter' ? '#1f4e9c' : '#d0342c';
    map.append(svg('circle', {
      cx: x, cy: y, r: DOT_RADIUS, fill: p.at ? '#fff' : colour, stroke: colour, 'stroke-width': 2, class: `dot dot-${role}`, 'data-id': p.place.id,
    }, svg('title', {}, primaryName(p.place))));
    // Places drawn at one point share one label.
    const at = `${x.toFixed(0)},${y.toFixed(0)}`;
    if (labels.has(at)) continue;
    const here = [...dots.values()].filter((d) => { const [dx, dy] = project(d.p.point); return `${dx.toFixed(0)},${dy.toFixed(0)}` === at; });
    const text = here.length > 1 ? `${primaryName(p.at ?? p.place)} (${here.length})` : primaryName(p.place);
    labels.set(at, { x, y, text, id: p.place.id, rank: labelRank(p, role) });
  }
  const hiddenNote = h('p', { class: 'muted', id: 'map-labels-hidden' });
  fill(main, ...header,
    h('div', { class: 'map-layout', style: 'display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start' },
      h('div', { class: 'map-canvas', style: 'flex: 0 1 auto; overflow: auto; max-width: 100%' }, map), panel),
    hiddenNote,
    skipped.length ? h('p', { class: 'muted' }, `${skipped.length} ${say('mapUnplaced')}`) : null);
  // Labels are laid out once the map is in the page, where their text can be measured.
  const hidden = drawLabels(map, [...labels.values()].sort((a, b) => a.rank - b.rank || a.text.localeCompare(b.text)));
  if (hidden) hiddenNote.textContent = `${hidden} ${say('mapLabelsHidden')}`;
}

const DOT_RADIUS = 6;
const BACKGROUND = '#f7f9fc';
interface Label { x: number; y: number; text: string; id: string; rank: number }

/** Which label keeps the nearest spot: the larger place, then a supporter, then a place at its own point. */
function labelRank(p: Placed, role: 'supporter' | 'recipient'): number {
  const level = KIND_ORDER.indexOf(p.place.kind);
  return (level < 0 ? KIND_ORDER.length : level) * 4 + (role === 'supporter' ? 0 : 2) + (p.at ? 1 : 0);
}
/** Places by size, as search ranks them (the map's operations carry the kind as text). */
const KIND_ORDER: string[] = ['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE'];

/**
 * Writes the labels (given in order of rank) where none covers another or a dot, a leader line to
 * those set further out; answers how many found no free spot (their dot's title still names them).
 */
function drawLabels(map: SVGSVGElement, labels: Label[]): number {
  const texts = labels.map((l) => {
    // A halo of the background's colour keeps a label legible where a line passes under it.
    const text = svg('text', {
      x: 0, y: 0, 'font-size': 13, 'font-family': FONT, fill: '#222', stroke: BACKGROUND, 'stroke-width': 3, 'paint-order': 'stroke',
      class: 'dot-label', 'data-id': l.id,
    }, l.text);
    map.append(text);
    return text;
  });
  const measured = texts.map((text) => text.getBBox());
  const dotBox = (x: number, y: number) => ({ x1: x - DOT_RADIUS - 1, y1: y - DOT_RADIUS - 1, x2: x + DOT_RADIUS + 1, y2: y + DOT_RADIUS + 1 });
  const dots = [...map.querySelectorAll('circle.dot')].map((c) => dotBox(Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))));
  const placements = placeLabels(labels.map((l, i) => ({ x: l.x, y: l.y, width: measured[i]!.width, height: measured[i]!.height })),
    dots, { x1: 0, y1: 0, x2: WIDTH, y2: HEIGHT });
  let hidden = 0;
  placements.forEach((placed, i) => {
    const [text, bb, label] = [texts[i]!, measured[i]!, labels[i]!];
    if (!placed) { text.remove(); hidden++; return; }
    // The box's corner where the layout put it; the text's own origin is its baseline.
    text.setAttribute('x', String(placed.box.x1 - bb.x));
    text.setAttribute('y', String(placed.box.y1 - bb.y));
    if (placed.leader) {
      // From the dot's edge to the nearest point of the label's box.
      const nx = Math.min(Math.max(label.x, placed.box.x1), placed.box.x2);
      const ny = Math.min(Math.max(label.y, placed.box.y1), placed.box.y2);
      const len = Math.hypot(nx - label.x, ny - label.y) || 1;
      const [sx, sy] = [label.x + ((nx - label.x) / len) * DOT_RADIUS, label.y + ((ny - label.y) / len) * DOT_RADIUS];
      map.insertBefore(svg('line', { x1: sx, y1: sy, x2: nx, y2: ny, stroke: '#666', 'stroke-width': 1, class: 'label-leader', 'data-id': label.id }), text);
    }
  });
  return hidden;
}
