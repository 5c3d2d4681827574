// Interface text in Chinese and English. The choice is kept in localStorage; names from the
// graph are shown in both languages wherever the graph has both (see names.ts).
import type { EntityKind, RelationshipType, SupportMode } from '../generated/graphql.js';

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
  searchPlaceholder: ['中文、英文、拼音或区划代码', 'Chinese, English, pinyin or division code'],
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
  rows: ['行', 'rows'],
  loading: ['加载中…', 'Loading…'],
  notFound: ['未找到', 'Not found'],
  error: ['出错了', 'Something went wrong'],
  clear: ['清除', 'Clear'],
  selectHint: ['点击节点或关系查看详情；双击节点展开。', 'Click a node or an edge for details; double-click a node to expand it.'],
  sortBy: ['排序', 'Sort by'],
  home: ['首页', 'Home'],
  switchLang: ['English', '中文'],
} as const;

export function t(key: keyof typeof TEXT): string {
  return TEXT[key][lang === 'zh' ? 0 : 1];
}

const KINDS: Record<EntityKind, [string, string]> = {
  PROVINCE: ['省级', 'Province'], CITY: ['地级市', 'City'], DISTRICT: ['县级', 'County/district'],
  TOWNSHIP: ['乡镇', 'Township'], VILLAGE: ['村/社区', 'Village'], SCHOOL: ['学校', 'School'],
  HOSPITAL: ['医院', 'Hospital'], ORGANIZATION: ['机构', 'Organisation'], PERSON: ['人物', 'Person'],
  PROJECT: ['项目', 'Project'], EVENT: ['活动', 'Event'], CORPS_DIVISION: ['兵团师', 'Corps division'], PROGRAMME: ['对口支援工作', 'Programme'],
};
export const ALL_KINDS = Object.keys(KINDS) as EntityKind[];
export const kindLabel = (k: EntityKind): string => KINDS[k][lang === 'zh' ? 0 : 1];

const TYPES: Record<RelationshipType, [string, string]> = {
  TWINNED_WITH: ['结对支援', 'twinned with'], SUPPORTS: ['支援', 'supports'], PART_OF: ['隶属', 'part of'],
  LOCATED_IN: ['位于', 'located in'], MEMBER_OF: ['成员', 'member of'], HOLDS_POST: ['任职', 'holds post in'],
  WORKS_AT: ['工作于', 'works at'], COMES_FROM: ['来自', 'comes from'], PARTICIPATES_IN: ['参与', 'takes part in'],
  BENEFITS: ['受益', 'benefits'],
};
export const ALL_TYPES = Object.keys(TYPES) as RelationshipType[];
export const typeLabel = (k: RelationshipType): string => TYPES[k][lang === 'zh' ? 0 : 1];

const MODES: Record<SupportMode, [string, string]> = {
  MEDICAL_TEAM: ['医疗人才“组团式”援藏', 'medical team'], HOSPITAL_TAKES_DEPARTMENT: ['以院包科', 'hospital takes a department'],
  EDUCATION_TEAM: ['教育人才“组团式”援藏', 'education team'], SCHOOL_TAKES_SUBJECT: ['以校包科', 'school takes a subject'],
  EMPLOYMENT: ['就业援藏', 'employment'], INDUSTRY: ['产业援藏', 'industry'], EDUCATION: ['教育援藏', 'education'],
  HIGHER_EDUCATION: ['高等教育', 'higher education'], CADRE_EXCHANGE: ['干部人才交流', 'cadre exchange'], TRAINING: ['培训', 'training'],
  DONATION: ['捐资捐物', 'donation'], PAIRING_ASSISTANCE: ['结对帮扶', 'pairing assistance'], INFRASTRUCTURE: ['基础设施', 'infrastructure'],
  PUBLIC_SERVICES: ['公共服务', 'public services'], INVESTMENT_PROMOTION: ['招商引资', 'investment promotion'],
  TRADE_PROMOTION: ['消费帮扶', 'trade promotion'], TOURISM: ['旅游', 'tourism'], CULTURAL_EXCHANGE: ['交往交流交融', 'cultural exchange'],
  AGREEMENT: ['帮扶协议', 'agreement'],
};
/** A support mode in the reader's language; unknown codes are shown as they are. */
export const modeLabel = (m: string): string => MODES[m as SupportMode]?.[lang === 'zh' ? 0 : 1] ?? m;
