// The map of twinnings (#/map?supporter=…&recipient=…, the same filters as the twinnings table):
// supporters and recipients as dots where their seats are, one line per twinning, the quote that
// states it on click. An equirectangular projection of the points alone on SVG: no tiles and no
// boundaries are drawn (there is no approved boundary data offline), nothing is fetched but the API.
import { request } from '../api.js';
import { fill, h } from '../dom.js';
import { lang } from '../i18n.js';
import { entityLink, primaryName } from '../names.js';
import { href, type Route } from '../route.js';
import { TwinningMapDocument, type MapPlaceFragment, type TwinningMapQuery } from '../../generated/graphql.js';

type MapTwinning = TwinningMapQuery['twinnings']['edges'][number]['node'];
interface Point { latitude: number; longitude: number }
/** A place on the map: where it is, or where the nearest located place it lies in is (`at`). */
interface Placed { place: MapPlaceFragment; point: Point; at: { id: string; name: string; nameZh?: string | null } | null }

const TEXT = {
  title: ['结对关系地图', 'Map of twinnings'],
  intro: ['点为支援方（蓝）和受援方（红）所在地（政府驻地），每条线是一对结对关系；点击线条查看来源原文。不绘制边界。',
    'Dots are where supporters (blue) and recipients (red) are (their seats); each line is one twinning: click it for the quote that states it. No borders are drawn.'],
  placedAt: ['无坐标，画在其所属的', 'not located; drawn at'],
  unplaced: ['无法定位，未画出', 'cannot be located, not drawn'],
  distance: ['直线距离', 'Distance'],
  none: ['没有可画的结对关系', 'No twinnings to draw'],
  source: ['来源', 'Source'],
  table: ['表格', 'Table'],
  pick: ['点击一条线查看来源。', 'Click a line for its source.'],
} as const;
const say = (key: keyof typeof TEXT) => TEXT[key][lang === 'zh' ? 0 : 1];

const MAX_PAGES = 25; // 20 a page: the query cost limit allows no more with both ends' ancestors
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
/** The view's name, for the navigation. */
export const mapLabel = () => say('title');
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
  const note = (p: Placed) => p.at && h('p', { class: 'muted' }, `${primaryName(p.place)}: ${say('placedAt')} ${primaryName(p.at)}`);
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
  const panel = h('aside', { class: 'map-panel', 'aria-live': 'polite', style: 'flex: 1 1 18rem; min-width: 16rem' }, h('p', { class: 'muted' }, say('pick')));
  const header = [
    h('h1', {}, say('title')),
    h('p', { class: 'muted' }, say('intro')),
    h('p', {}, h('a', { href: href('twinnings', undefined, filter) }, say('table'))),
  ];
  if (!drawn.length) { fill(main, ...header, h('p', {}, say('none'))); return; }

  const project = projection(drawn.flatMap((d) => d.ends.map((e) => e.point)));
  const map = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, class: 'twinning-map', role: 'img', 'aria-label': say('title') });
  map.append(svg('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#f7f9fc' }));
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
  const labelled = new Set<string>();
  // Hollow dots (places drawn at an ancestor's point) first, so a located place's dot stays on top.
  for (const { p, role } of [...dots.values()].sort((a, b) => Number(!a.p.at) - Number(!b.p.at))) {
    const [x, y] = project(p.point);
    const colour = role === 'supporter' ? '#1f4e9c' : '#d0342c';
    map.append(svg('circle', {
      cx: x, cy: y, r: 6, fill: p.at ? '#fff' : colour, stroke: colour, 'stroke-width': 2, class: `dot dot-${role}`, 'data-id': p.place.id,
    }, svg('title', {}, primaryName(p.place))));
    // Places drawn at one point share one label.
    const at = `${x.toFixed(0)},${y.toFixed(0)}`;
    const label = [...dots.values()].filter((d) => { const [dx, dy] = project(d.p.point); return `${dx.toFixed(0)},${dy.toFixed(0)}` === at; });
    if (labelled.has(at)) continue;
    labelled.add(at);
    const text = label.length > 1 ? `${primaryName(p.at ?? p.place)} (${label.length})` : primaryName(p.place);
    map.append(svg('text', { x: x + 9, y: y + 4, 'font-size': 13, 'font-family': FONT, fill: '#222', class: 'dot-label' }, text));
  }
  fill(main, ...header,
    h('div', { class: 'map-layout', style: 'display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start' },
      h('div', { class: 'map-canvas', style: 'flex: 0 1 auto; overflow: auto; max-width: 100%' }, map), panel),
    skipped.length ? h('p', { class: 'muted' }, `${skipped.length} ${say('unplaced')}`) : null);
}
