// Interface text in Chinese and English. The choice is kept in localStorage; names from the
// graph are shown in both languages wherever the graph has both (see names.ts).
import type { EntityKind, RelationshipType } from '../generated/graphql.js';
import {
  EVIDENCE_LABELS, formatFigure, KIND_LABELS, label, LEVEL_LABELS, listOf, metricLabel, MODE_LABELS, PROGRAMME_LABELS, PROPERTY_LABELS,
  QUALIFIER_LABELS, ROLE_LABELS, SCRIPT_LABELS, TYPE_LABELS, TYPE_NAMES, type Figure,
} from '../../src/domain/labels.js';

export type Lang = 'zh' | 'en';
const KEY = 'aidgraph.lang';
export let lang: Lang = (localStorage.getItem(KEY) as Lang | null) ?? (navigator.language.startsWith('zh') ? 'zh' : 'en');
export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-Hans' : 'en';
}

const TEXT = {
  search: ['搜索', 'Search'],
  searchPlaceholder: ['中文、英文、拼音、藏文、维吾尔文或区划代码', 'Chinese, English, pinyin, Tibetan, Uyghur or division code'],
  searchIntro: ['查找地方、机构、人物或项目，查看谁支援谁、依据什么来源。', 'Find a place, institution, person or project; see who supports whom, and who says so.'],
  kinds: ['类型', 'Kinds'],
  noHits: ['没有结果', 'No matches'],
  network: ['关系网络', 'Network'],
  path: ['两者如何关联', 'How are they connected'],
  twinnings: ['结对关系', 'Twinnings'],
  ide: ['GraphQL 接口', 'GraphQL IDE'],
  aliases: ['别名', 'Also known as'],
  code: ['区划代码', 'Division code'],
  figures: ['关键数据', 'Key figures'],
  citations: ['引用来源', 'Citations'],
  relationships: ['关系', 'Relationships'],
  timeline: ['时间线', 'Timeline'],
  source: ['来源', 'Source'],
  open: ['打开', 'Open'],
  expand: ['展开', 'Expand'],
  undo: ['撤销上次展开', 'Undo last expansion'],
  depth: ['层数', 'Depth'],
  limit: ['最多节点', 'At most nodes'],
  edgeTypes: ['关系类型', 'Edge types'],
  apply: ['应用', 'Apply'],
  shown: ['个相邻实体已显示', 'around it shown'],
  fromExpansions: ['个来自展开', 'from expansions'],
  of: ['/', 'of'],
  moreNotShown: ['个未显示', 'more not shown'],
  atLeast: ['至少', 'at least'],
  exportPng: ['导出 PNG', 'Export PNG'],
  exportJson: ['导出 JSON', 'Export JSON'],
  legend: ['图例', 'Legend'],
  nodes: ['节点', 'Nodes'],
  edges: ['关系', 'Edges'],
  from: ['从', 'From'],
  to: ['到', 'To'],
  maxHops: ['最多步数', 'At most steps'],
  find: ['查找', 'Find'],
  noPath: ['未找到关联', 'No connection found'],
  step: ['步', 'steps'],
  pick: ['选择', 'Choose'],
  supporter: ['支援方', 'Supporter'],
  recipient: ['受援方', 'Recipient'],
  withinNote: ['含其下属地方', 'and everything within it'],
  level: ['层级', 'Level'],
  since: ['始于', 'Since'],
  modes: ['支援方式', 'Modes'],
  activeYear: ['年份（有效）', 'Active in year'],
  asOfYear: ['截至年份（当年有效）', 'As of year'],
  programme: ['对口支援工作', 'Programme'],
  programmes: ['对口支援工作', 'Programmes'],
  until: ['止于', 'Until'],
  fromTerm: ['按期限推算', 'from the programme\'s term'],
  term: ['期限', 'Term'],
  years: ['年', 'years'],
  adjusted: ['调整于', 'Adjusted in'],
  matrix: ['支援方 × 受援方', 'Supporter × recipient'],
  figuresBySupporter: ['各支援方的数据', 'Figures by supporter'],
  noFigures: ['来源未给出数据', 'The sources state no figures'],
  sourcesDisagree: ['来源说法不一', 'sources disagree'],
  pathYears: ['共同有效年份', 'Years all steps share'],
  downloadCsv: ['下载 CSV', 'Download CSV'],
  aidSummary: ['援助汇总', 'Aid summary'],
  supports: ['支援项', 'Supports'],
  projects: ['项目', 'Projects'],
  people: ['人员', 'People'],
  totals: ['合计', 'Totals'],
  notSummed: ['未加总的数据', 'Figures not added up'],
  overall: ['总计', 'Overall'],
  claims: ['来源中的陈述', 'Claims taken from this source'],
  more: ['更多', 'More'],
  publisher: ['发布者', 'Publisher'],
  published: ['发布日期', 'Published'],
  link: ['原文链接', 'Link'],
  storedCopy: ['存档副本', 'stored copy'],
  storedExcerpt: ['存档摘录(不全)', 'stored excerpt (not the whole text)'],
  licence: ['版权', 'licence'],
  rows: ['行', 'rows'],
  loading: ['加载中…', 'Loading…'],
  notFound: ['未找到', 'Not found'],
  error: ['出错了', 'Something went wrong'],
  clear: ['清除', 'Clear'],
  selectHint: ['点击节点或关系查看详情；双击节点展开。', 'Click a node or an edge for details; double-click a node to expand it.'],
  sortBy: ['排序', 'Sort by'],
  home: ['首页', 'Home'],
  switchLang: ['English', '中文'],
  implied: ['推断', 'Implied:'],
  impliedWhy: ['原文没有直接陈述这一点，以下引文只是间接支持。', 'no sentence of the source states this; the quotes below only support it.'],
  reportedOn: ['报道于', 'reported on'],
  reportedTitle: ['报道日期（事件本身的日期未说明）', 'Reported on (when it happened is not stated)'],
  about: ['约', 'about'],
  statedFigures: ['个来源所述数字', 'stated figures'],
  sumOf: ['合计', 'Sum of'],
  onlyStated: ['仅涵盖来源所述，并非全部援助。', 'It covers only what the sources state, not all the aid there is.'],
  startUnknown: ['起始年份未说明', 'start year not stated'],
  unknownUnderYear: ['条的起始年份未说明：无法确定当年是否有效，仍列出并标注', 'have no stated start year: they cannot be placed in that year, and are listed, marked'],
  tooLong: ['搜索词过长，已截为前200个字符。', 'Your search was longer than 200 characters; it was shortened to the first 200.'],
  emptySearch: ['输入地名、机构、人物或项目的名称（中文简繁体、英文、拼音，地名也可用藏文或维吾尔文）或区划代码，例如：安多、Sog、ལྷ་ས།、540624。', 'Type the name of a place, institution, person or project (Chinese in simplified or traditional characters, English or pinyin; a place also in Tibetan or Uyghur script) or a division code, for example 安多, Sog, ལྷ་ས། or 540624.'],
  province: ['省份', 'Province'],
  allProvinces: ['全部省份', 'All provinces'],
  filters: ['筛选', 'Filters'],
  showing: ['显示', 'Showing'],
  matches: ['个结果', 'matches'],
  atLeastMatches: ['至少', 'at least'],
  narrowHint: ['结果较多：可按省份或类型缩小范围。', 'Many matches: narrow them by province or kind.'],
  menu: ['菜单', 'Menu'],
  firstEntries: ['仅显示最早的条目：', 'Showing the earliest entries only:'],
  otherEdges: ['其他关系', 'Other relationships'],
  administrative: ['行政隶属与所在地', 'Administrative (part of, located in)'],
  entitiesShown: ['已显示的实体', 'Entities shown'],
  shownOf: ['已显示', 'shown'],
  labelsHidden: ['节点较多：放大或将鼠标移到节点上查看名称。', 'Many nodes: zoom in, or point at a node, to read its name.'],
  mapTitle: ['结对关系地图', 'Map of twinnings'],
  mapIntro: ['点为支援方（蓝）和受援方（红）所在地（政府驻地），每条线是一对结对关系；点击线条查看来源原文。不绘制边界。',
    'Dots are where supporters (blue) and recipients (red) are (their seats); each line is one twinning: click it for the quote that states it. No borders are drawn.'],
  mapPlacedAt: ['无坐标，画在其所属的', 'not located; drawn at'],
  mapUnplaced: ['无法定位，未画出', 'cannot be located, not drawn'],
  distance: ['直线距离', 'Distance'],
  mapNone: ['没有可画的结对关系', 'No twinnings to draw'],
  table: ['表格', 'Table'],
  mapPick: ['点击一条线查看来源。', 'Click a line for its source.'],
  mapLabelsHidden: ['个名称因无处安放未标出：将鼠标移到点上查看。', 'names found no room on the map: point at a dot to read its name.'],
} as const;

export function t(key: keyof typeof TEXT): string {
  return TEXT[key][lang === 'zh' ? 0 : 1];
}

// Every code goes through the one label dictionary (src/domain/labels.ts), shared with the CSV
// and the JSON-LD, so the page never shows CULTURAL_EXCHANGE, grassrootsFundingShare or "150 count".
const cap = (x: string) => (lang === 'en' && x ? x[0]!.toUpperCase() + x.slice(1) : x);
export const ALL_KINDS = Object.keys(KIND_LABELS) as EntityKind[];
export const kindLabel = (k: EntityKind): string => cap(label(KIND_LABELS, k, lang));
export const ALL_TYPES = Object.keys(TYPE_LABELS) as RelationshipType[];
/** The type as a verb, read from the edge's `from` end to its `to` end ("supports"). */
export const typeLabel = (k: RelationshipType): string => label(TYPE_LABELS, k, lang);
/** The type as a name, for legends and filters ("Twinning"). */
export const typeName = (k: RelationshipType): string => cap(label(TYPE_NAMES, k, lang));
/** A support mode in the reader's language; a code the dictionary lacks is put in words, never shown raw. */
export const modeLabel = (m: string): string => label(MODE_LABELS, m, lang);
export const levelLabel = (l: string): string => label(LEVEL_LABELS, l, lang);
export const roleLabel = (r: string): string => label(ROLE_LABELS, r, lang);
export const programmeLabel = (p: string): string => label(PROGRAMME_LABELS, p, lang);
export const propertyLabel = (p: string): string => label(PROPERTY_LABELS, p, lang);
export const evidenceLabel = (e: string): string => label(EVIDENCE_LABELS, e, lang);
export const qualifierLabel = (q: string): string => label(QUALIFIER_LABELS, q, lang);
/** The script of a place's name (Tibetan, Uyghur). */
export const scriptLabel = (s: string): string => label(SCRIPT_LABELS, s, lang);
export const metricName = (m: string): string => metricLabel(m, lang);
export const figure = (f: Figure): string => formatFigure(f, lang);
export const list = (items: readonly string[]): string => listOf(items, lang);
