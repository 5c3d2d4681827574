// The one label dictionary: every code a reader may meet (kinds, relationship types, support modes,
// levels, qualifiers, units with their plural forms, roles, evidence, money flows, programmes,
// metrics, the scripts of place names) in Chinese and English. The explorer, its CSV and the JSON-LD all print codes through
// it, so no CULTURAL_EXCHANGE, grassrootsFundingShare or "150 count" reaches a person.
import type {
  EntityKind, Evidence, MoneyFlow, NameScript, ParticipationRole, QuantityQualifier, RelationshipType, SupportMode, TimelineDating, TwinningLevel, Unit,
} from '../generated/graphql.js';
import { METRICS } from './metric-vocabulary.js';

export type Lang = 'zh' | 'en';
/** [Chinese, English]. */
type Pair = readonly [zh: string, en: string];

export const KIND_LABELS: Record<EntityKind, Pair> = {
  PROVINCE: ['省级', 'province'], CITY: ['地级市', 'city'], DISTRICT: ['县级', 'county or district'],
  TOWNSHIP: ['乡镇', 'township'], VILLAGE: ['村/社区', 'village'], SCHOOL: ['学校', 'school'],
  HOSPITAL: ['医院', 'hospital'], ORGANIZATION: ['机构', 'organisation'], PERSON: ['人物', 'person'],
  PROJECT: ['项目', 'project'], EVENT: ['活动', 'event'], CORPS_DIVISION: ['兵团师', 'corps division'], PROGRAMME: ['对口支援工作', 'programme'],
};

/** Each type read from its `from` end to its `to` end: Dalian → supports → Sog County People's Hospital. */
export const TYPE_LABELS: Record<RelationshipType, Pair> = {
  TWINNED_WITH: ['结对支援', 'is paired with'], SUPPORTS: ['支援', 'supports'], PART_OF: ['隶属于', 'is part of'],
  LOCATED_IN: ['位于', 'is in'], MEMBER_OF: ['是成员', 'is a member of'], HOLDS_POST: ['任职于', 'holds a post in'],
  WORKS_AT: ['工作于', 'works at'], COMES_FROM: ['来自', 'comes from'], PARTICIPATES_IN: ['参与', 'takes part in'],
  BENEFITS: ['惠及', 'benefits'],
};
/** The type as a name (legends, filters): "Twinning", "Support". */
export const TYPE_NAMES: Record<RelationshipType, Pair> = {
  TWINNED_WITH: ['结对关系', 'twinning'], SUPPORTS: ['支援', 'support'], PART_OF: ['行政隶属', 'part of'],
  LOCATED_IN: ['所在地', 'location'], MEMBER_OF: ['成员', 'membership'], HOLDS_POST: ['任职', 'post'],
  WORKS_AT: ['工作', 'employment'], COMES_FROM: ['籍贯', 'origin'], PARTICIPATES_IN: ['参与', 'participation'],
  BENEFITS: ['受益', 'benefit'],
};

export const MODE_LABELS: Record<SupportMode, Pair> = {
  MEDICAL_TEAM: ['医疗人才“组团式”援藏', 'medical team'], HOSPITAL_TAKES_DEPARTMENT: ['以院包科', 'a hospital takes on a department'],
  EDUCATION_TEAM: ['教育人才“组团式”援藏', 'education team'], SCHOOL_TAKES_SUBJECT: ['以校包科', 'a school takes on a subject'],
  EMPLOYMENT: ['就业援藏', 'employment'], INDUSTRY: ['产业援藏', 'industry'], EDUCATION: ['教育援藏', 'education'],
  HIGHER_EDUCATION: ['高等教育', 'higher education'], CADRE_EXCHANGE: ['干部人才交流', 'cadre exchange'], TRAINING: ['培训', 'training'],
  DONATION: ['捐资捐物', 'donations'], PAIRING_ASSISTANCE: ['“一对一”结对帮扶', 'one-to-one pairing'], INFRASTRUCTURE: ['基础设施', 'infrastructure'],
  PUBLIC_SERVICES: ['公共服务', 'public services'], INVESTMENT_PROMOTION: ['招商引资', 'investment promotion'],
  TRADE_PROMOTION: ['展销帮扶', 'trade promotion'], TOURISM: ['旅游', 'tourism'], CULTURAL_EXCHANGE: ['交往交流交融', 'cultural exchange'],
  AGREEMENT: ['帮扶协议', 'agreements'],
};

export const LEVEL_LABELS: Record<TwinningLevel, Pair> = {
  PROVINCE: ['省对市', 'province level'], CITY: ['市对县', 'city level'], DISTRICT: ['县对乡', 'county level'],
  TOWNSHIP: ['乡镇级', 'township level'], INSTITUTION: ['机构对机构', 'institution to institution'],
};

export const QUALIFIER_LABELS: Record<QuantityQualifier, Pair> = {
  EXACT: ['', ''], AT_LEAST: ['至少', 'at least'], MORE_THAN: ['超过', 'more than'], APPROXIMATELY: ['约', 'about'],
  AT_MOST: ['至多', 'at most'], LESS_THAN: ['不足', 'less than'],
};

export const ROLE_LABELS: Record<ParticipationRole, Pair> = {
  FUNDING: ['出资', 'funds'], IMPLEMENTING: ['实施', 'carries out'], ORGANISING: ['组织', 'organises'], PARTICIPATING: ['参与', 'takes part'],
};

export const EVIDENCE_LABELS: Record<Evidence, Pair> = {
  STATES: ['原文陈述', 'states it'], IMPLIES: ['间接支持（推断）', 'supports it (implied)'],
};

export const FLOW_LABELS: Record<MoneyFlow, Pair> = {
  GIVEN: ['援助方投入', 'given by the supporter'], ATTRACTED: ['引进的资金', 'attracted from others'], UNATTRIBUTED: ['出资方未说明', 'paid by whom not stated'], EARNED: ['当地收入', 'earned by its people'],
};

export const DATING_LABELS: Record<TimelineDating, Pair> = { EVENT: ['发生', 'happened'], REPORTED: ['报道于', 'reported on'] };

/** The script a place's name is written in (Place.scriptNames). */
export const SCRIPT_LABELS: Record<NameScript, Pair> = { TIBETAN: ['藏文', 'Tibetan'], UYGHUR: ['维吾尔文', 'Uyghur'] };

/** The fixed programme ids (team brief) and the string the first seed used before them. */
export const PROGRAMME_LABELS: Record<string, Pair> = {
  'programme:aid-tibet': ['对口援藏', 'paired aid to Tibet'],
  'programme:aid-xinjiang': ['对口援疆', 'paired aid to Xinjiang'],
  'programme:aid-qinghai': ['对口援青', 'paired aid to Qinghai'],
  'programme:wenchuan-reconstruction': ['汶川地震灾后恢复重建对口支援', 'Wenchuan earthquake reconstruction'],
  'programme:east-west-cooperation': ['东西部扶贫协作', 'east–west poverty alleviation cooperation'],
  对口援藏: ['对口援藏', 'paired aid to Tibet'],
};

/** An entity's own dates, as the timeline names them. */
export const PROPERTY_LABELS: Record<string, Pair> = {
  openedOn: ['投入使用', 'opened'], date: ['举行', 'took place'], startedOn: ['启动', 'started'], year: ['年份', 'year'], foundedOn: ['成立', 'founded'],
};

/** Units with their singular and plural English forms; Chinese writes the measure word after the number. */
export const UNIT_LABELS: Record<Unit, { zh: string; one: string; other: string }> = {
  CNY: { zh: '元', one: 'yuan', other: 'yuan' }, m2: { zh: '平方米', one: 'm²', other: 'm²' },
  person: { zh: '人', one: 'person', other: 'people' }, percent: { zh: '%', one: '%', other: '%' },
  count: { zh: '个', one: '', other: '' }, year: { zh: '年', one: 'year', other: 'years' }, day: { zh: '天', one: 'day', other: 'days' },
  km: { zh: '公里', one: 'km', other: 'km' }, m: { zh: '米', one: 'm', other: 'm' },
  set: { zh: '套', one: 'set', other: 'sets' }, batch: { zh: '批次', one: 'batch', other: 'batches' },
};

const pick = (p: Pair | undefined, lang: Lang): string | undefined => (p ? p[lang === 'zh' ? 0 : 1] : undefined);

/** A code in the reader's language; a code the dictionary does not know is humanised, never shown raw. */
export function label(table: Record<string, Pair>, code: string, lang: Lang): string {
  return pick(table[code], lang) ?? humanise(code);
}

/** CULTURAL_EXCHANGE → "cultural exchange", grassrootsFundingShare → "grassroots funding share". */
export function humanise(code: string): string {
  return code.replace(/^[a-z-]+:/, '').replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A metric's label in the reader's language. */
export function metricLabel(metric: string, lang: Lang): string {
  const m = METRICS.get(metric);
  return m ? (lang === 'zh' ? m.labelZh : m.label) : humanise(metric);
}

/** Lists as each language writes them: 、 between Chinese items, ", " between English ones. */
export function listOf(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

export interface Figure { value: number; unit: Unit; qualifier: QuantityQualifier; measure?: 'LEVEL' | 'CHANGE' | null }

/**
 * A figure as a reader says it: "at least 18,000,000 yuan", "150 people", "6 batches", "about
 * 1,600 m²", "+234.89%" for a change; in Chinese "至少18,000,000元", "150人", "6批次".
 */
export function formatFigure(f: Figure, lang: Lang): string {
  const number = Math.abs(f.value).toLocaleString('en-US', { maximumFractionDigits: 2 });
  const signed = f.measure === 'CHANGE' ? `${f.value < 0 ? '−' : '+'}${number}` : number;
  const q = QUALIFIER_LABELS[f.qualifier]?.[lang === 'zh' ? 0 : 1] ?? '';
  const u = UNIT_LABELS[f.unit];
  if (lang === 'zh') return `${q}${signed}${u?.zh ?? ''}`;
  const word = !u ? '' : f.value === 1 ? u.one : u.other;
  const joined = !word ? signed : f.unit === 'percent' ? `${signed}%` : `${signed} ${word}`;
  return q ? `${q} ${joined}` : joined;
}
