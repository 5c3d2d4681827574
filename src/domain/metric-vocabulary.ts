// The metric vocabulary: every metric a quantity may use, declared once with its labels, dimension,
// unit and whether it adds up. Seed validation refuses any other metric or a unit of the wrong
// dimension; aid summaries add only additive metrics; the API serves this list as `metrics`.
import { MetricDimension, type Measure, type MoneyFlow, type Unit } from './vocabulary.js';

export interface MetricRecord {
  name: string;
  label: string;
  labelZh: string;
  dimension: MetricDimension;
  unit: Unit;
  additive: boolean;
  flow: MoneyFlow | null;
  description: string | null;
}

/** The units each dimension may be stated in. */
export const DIMENSION_UNITS: Record<MetricDimension, readonly Unit[]> = {
  MONEY: ['CNY'],
  PEOPLE: ['person'],
  COUNT: ['count', 'set', 'batch'],
  AREA: ['m2'],
  DURATION: ['year', 'day'],
  RATE: ['percent'],
  DISTANCE: ['km', 'm'],
};

type Declaration = [label: string, labelZh: string, dimension: MetricDimension, unit: Unit, additive: boolean, description?: string];
const given = (d: Declaration) => ({ d, flow: 'GIVEN' as const });
const attracted = (d: Declaration) => ({ d, flow: 'ATTRACTED' as const });
const unattributed = (d: Declaration) => ({ d, flow: 'UNATTRIBUTED' as const });
const earned = (d: Declaration) => ({ d, flow: 'EARNED' as const });

const DECLARED: Record<string, Declaration | { d: Declaration; flow: MoneyFlow }> = {
  // Money given and money attracted are different things and never one total.
  aidFunding: given(['Aid funding', '援助资金投入', 'MONEY', 'CNY', true, 'money the source says the supporter side gave']),
  // 总投入 says how much went into a project, not who paid it: not aid given until a source says so.
  projectInvestment: unattributed(['Total investment in a project', '项目总投入', 'MONEY', 'CNY', true, "a project's total investment (总投入), from whoever paid; the source does not say it was all aid"]),
  donations: given(['Donations of money and goods', '捐资捐物', 'MONEY', 'CNY', true, 'money and goods given, valued in CNY']),
  investmentAttracted: attracted(['Investment attracted', '招商引资投资额', 'MONEY', 'CNY', true, 'investment by enterprises the aid drew in (招商引资), not aid money']),
  contractedSales: attracted(['Contracted sales', '协议销售额', 'MONEY', 'CNY', true, "sales agreed at fairs the aid organised, the recipients' income, not aid money"]),
  // Paid in is a part of what was pledged (对口支援资金 … 已到位资金): never added to aidFunding.
  fundsArrived: given(['Aid funds paid in', '已到位资金', 'MONEY', 'CNY', true, 'the part of the aid funding pledged that has arrived; a part of aidFunding, not more of it']),
  housingSubsidiesPaid: given(['Rural housing subsidies paid in', '上缴农户永久性住房建房补助', 'MONEY', 'CNY', true, "money a supporter paid into the recipient province's subsidy for farmers' permanent homes"]),
  // What people earn is a level of living, not money that moves with the aid.
  incomePerHead: earned(['Annual income per head', '人均年收入', 'MONEY', 'CNY', false, "a place's yearly income per person"]),

  medicalExpertsSent: ['Medical experts sent', '派出医疗人才“组团式”援藏专家', 'PEOPLE', 'person', true],
  cadresSent: ['Cadres and professionals sent', '选派干部人才数', 'PEOPLE', 'person', true, 'aid cadres and technical staff a supporter sent (援藏干部人才)'],
  teachersAndManagersSent: ['Teachers and school managers sent', '选派骨干教师和管理人员', 'PEOPLE', 'person', true],
  employedInLiaoning: ['People from Nagqu employed in Liaoning', '那曲籍在辽就业人数', 'PEOPLE', 'person', true, 'graduates and workers, cumulative'],
  intendedHires: ['Intended hires', '初步达成意向就业人数', 'PEOPLE', 'person', true, 'preliminary hiring intentions, not jobs taken'],
  directParticipants: ['Direct participants', '直接参与人数', 'PEOPLE', 'person', true],
  participants: ['Participants', '参加人数', 'PEOPLE', 'person', true],
  enrolledStudents: ['Students enrolled', '招收人数', 'PEOPLE', 'person', true],
  // What a place is: its people (the source's count at its date), never added across places that may nest.
  population: ['Population', '总人口', 'PEOPLE', 'person', false],
  partyMembers: ['Party members', '党员数', 'PEOPLE', 'person', false],
  publicSectorCadres: ['Cadres of government and public institutions', '在职行政事业单位干部数', 'PEOPLE', 'person', false],
  farmersWithIncreasedIncome: ['Farmers and herders with increased income', '带动农牧民增收人数', 'PEOPLE', 'person', true, 'reached indirectly (间接带动)'],

  projectsImplemented: ['Projects implemented', '实施项目数', 'COUNT', 'count', true],
  projectCount: ['Projects in a group', '项目数', 'COUNT', 'count', true, 'how many projects a named group of projects holds'],
  projectsSigned: ['Projects signed', '签约项目数', 'COUNT', 'count', true],
  enterprisesAttracted: ['Enterprises attracted', '引进企业数', 'COUNT', 'count', true],
  agreementsSigned: ['Agreements signed', '签署协议数', 'COUNT', 'count', true],
  activities: ['Activities held', '活动次数', 'COUNT', 'count', true],
  tradeFairs: ['Trade fairs attended', '展销洽谈会场次', 'COUNT', 'count', true],
  directJobsCreated: ['Jobs created directly', '直接提供就业岗位数', 'COUNT', 'count', true],
  batchesSent: ['Batches sent', '选派批次', 'COUNT', 'batch', true],
  campusEquipmentSets: ['Sets of campus activity equipment', '校园活动器械套数', 'COUNT', 'set', true],
  sportsGrounds: ['Sports grounds', '运动场数', 'COUNT', 'count', true],
  serviceAreas: ['Service areas', '服务区数', 'COUNT', 'count', true],
  serviceWindows: ['Service windows', '服务窗口数', 'COUNT', 'count', true],
  municipalKeySpecialties: ['Municipal key specialties', '市级重点专科数', 'COUNT', 'count', true],
  outpatientEmergencyVisits: ['Outpatient and emergency visits', '门急诊量', 'COUNT', 'count', true],
  inpatientAdmissions: ['Inpatient admissions', '住院量', 'COUNT', 'count', true],
  surgeries: ['Surgeries', '手术量', 'COUNT', 'count', true],
  projectsPlanned: ['Aid projects settled on', '确定援建项目数', 'COUNT', 'count', true, 'projects decided on, built or not yet'],
  householdsRebuilt: ['Households whose homes were rebuilt', '民房重建户数', 'COUNT', 'count', true],
  facilitiesBuilt: ['Facilities built', '建立小学、卫生站等设施数', 'COUNT', 'count', true, 'schools, health stations and the like; the quote says which'],
  housingBlocksBuilt: ['Housing blocks built', '安居房栋数', 'COUNT', 'count', true],
  // Counts that describe what a subject is made of: adding them across subjects counts nothing real.
  aidingCities: ['Aiding cities', '支援城市数', 'COUNT', 'count', false, 'how many cities a group of supporters spans'],
  pairedDistricts: ['Paired districts', '结对区(市、县)数', 'COUNT', 'count', false],
  pairedTownships: ['Paired townships', '结对乡镇数', 'COUNT', 'count', false],
  partnerUniversities: ['Partner universities', '合作高校数', 'COUNT', 'count', false],
  hospitalCount: ['Hospitals in a group', '医院数', 'COUNT', 'count', false],
  agencyCount: ['Agencies in a group', '旅行社数', 'COUNT', 'count', false],
  keyTaskAreas: ['Key task areas', '重点任务方面数', 'COUNT', 'count', false],
  // Who a programme or a round pairs: counts of its parties, as a source states them (they differ by source and date).
  supportingProvinces: ['Supporting provinces and cities', '对口支援省市数', 'COUNT', 'count', false, 'provinces and province-level cities on the supporting side'],
  supportingPlanCities: ['Supporting cities with separate plans', '计划单列市数', 'COUNT', 'count', false, 'cities listed apart in the state plan (计划单列市: 深圳, 宁波, 青岛, 大连), counted apart from the provinces'],
  pairedProvinces: ['Recipient provinces', '受援省(区、市)份数', 'COUNT', 'count', false],
  pairedPrefectures: ['Recipient prefectures', '受援地(州)市数', 'COUNT', 'count', false],
  pairedCorpsDivisions: ['Recipient Corps divisions', '受援兵团师数', 'COUNT', 'count', false],
  worstHitCounties: ['Counties of the worst-hit area', '极重灾区县(市)数', 'COUNT', 'count', false, "of a disaster, as the official assessment of its range lists them"],
  heavilyHitCounties: ['Counties of the heavily hit area', '重灾区县(市、区)数', 'COUNT', 'count', false, "of a disaster, as the official assessment of its range lists them"],
  // What a place is made of (辖…): its divisions, people and bodies.
  countyLevelCitiesGoverned: ['County-level cities governed', '辖县级市数', 'COUNT', 'count', false],
  countiesGoverned: ['Counties governed', '辖县数', 'COUNT', 'count', false],
  townsGoverned: ['Towns governed', '辖镇数', 'COUNT', 'count', false],
  townshipsGoverned: ['Townships governed', '辖乡数', 'COUNT', 'count', false],
  subdistrictsGoverned: ['Subdistricts governed', '辖街道办事处数', 'COUNT', 'count', false],
  villagesGoverned: ['Villages governed', '辖村数', 'COUNT', 'count', false],
  communitiesGoverned: ['Communities governed', '辖社区数', 'COUNT', 'count', false],
  ethnicGroups: ['Ethnic groups', '民族数', 'COUNT', 'count', false],
  partyOrganisations: ['Party organisations', '各级党组织数', 'COUNT', 'count', false],

  floorArea: ['Floor area', '建筑面积', 'AREA', 'm2', true],
  landArea: ['Land area', '总面积', 'AREA', 'm2', false, "a place's whole area"],
  schoolBuildingFloorArea: ['School buildings built, rebuilt or extended', '新改扩建校舍面积', 'AREA', 'm2', true],

  duration: ['Duration', '持续年数', 'DURATION', 'year', false],
  supportPeriod: ['Period of support', '支援年数', 'DURATION', 'year', false],
  programmeTerm: ['Term', '对口支援期限', 'DURATION', 'year', false, 'how long a programme sets its pairings to last (期限, 为期)'],
  buildTime: ['Time taken to build', '建成用时', 'DURATION', 'year', false],
  usualBuildTime: ['Usual time to build', '按常规需要完工时间', 'DURATION', 'year', false, 'what such a project takes as a rule, against which the source sets the time it took'],
  buildDays: ['Days taken to build', '援建用时天数', 'DURATION', 'day', false],
  freeAccommodation: ['Free accommodation', '免费住宿天数', 'DURATION', 'day', false],

  livelihoodFundingShare: ['Share of funds for livelihoods', '保障和改善民生资金占比', 'RATE', 'percent', false],
  grassrootsFundingShare: ['Share of funds at county level and below', '县及县以下基层领域资金占比', 'RATE', 'percent', false],
  collegeAdmissionRate: ['College admission rate', '高考升学率', 'RATE', 'percent', false],
  undergraduateCutoffShare: ['Share above the undergraduate cut-off line', '本科上线率', 'RATE', 'percent', false, 'the share of examinees whose score reached the cut-off line for undergraduate admission, not those admitted'],
  maternalMortalityRate: ['Maternal mortality rate', '孕产妇死亡率', 'RATE', 'percent', false],
  housingSubsidyShare: ["Share of the province's rural housing subsidies", '占全省农户建房补助比例', 'RATE', 'percent', false],
  shareOfProvinceArea: ["Share of the province's area", '占全省总面积比例', 'RATE', 'percent', false],
  mainEthnicGroupShare: ['Share of the main ethnic group in the population', '主体民族占总人口比例', 'RATE', 'percent', false, 'the ethnic group a place is autonomous for (主体民族); the quote names it'],
  mainEthnicGroupCadreShare: ['Share of cadres from the main ethnic group', '主体民族干部占比', 'RATE', 'percent', false],
  infantMortalityRate: ['Infant mortality rate', '婴儿死亡率', 'RATE', 'percent', false],

  distance: ['Distance', '距离', 'DISTANCE', 'km', false],
  distanceFromHome: ['Distance from home', '离家距离', 'DISTANCE', 'km', false],
  altitudeDifference: ['Altitude difference', '海拔落差', 'DISTANCE', 'm', false],
  // Heights above sea level: a distance in metres, never added.
  meanAltitude: ['Mean altitude', '平均海拔', 'DISTANCE', 'm', false],
  highestAltitude: ['Altitude of the highest point', '最高峰海拔', 'DISTANCE', 'm', false, "the height of a place's highest point; the quote names it"],
  lowestAltitude: ['Altitude of the lowest point', '最低处海拔', 'DISTANCE', 'm', false, "the height of a place's lowest point; the quote names it"],
  structureLength: ['Length of a structure', '全长', 'DISTANCE', 'm', false, 'a bridge, road or other built thing, end to end'],
};

export const METRICS: ReadonlyMap<string, MetricRecord> = new Map(
  Object.entries(DECLARED).map(([name, decl]) => {
    const [label, labelZh, dimension, unit, additive, description] = Array.isArray(decl) ? decl : decl.d;
    const flow = Array.isArray(decl) ? null : decl.flow;
    return [name, { name, label, labelZh, dimension, unit, additive, flow, description: description ?? null }];
  }),
);

/** A metric the vocabulary does not know (a database loaded from elsewhere): shown, never summed. */
export function metricOf(name: string, unit: Unit): MetricRecord {
  return METRICS.get(name) ?? {
    name, label: name, labelZh: name, dimension: unitDimension(unit) ?? 'COUNT', unit, additive: false, flow: null,
    description: 'not in the metric vocabulary',
  };
}

export function unitDimension(unit: Unit): MetricDimension | undefined {
  return Object.values(MetricDimension).find((d) => DIMENSION_UNITS[d].includes(unit));
}

/** Why a quantity does not fit the vocabulary, field by field; empty when it does. */
export function metricIssues(q: { metric: string; unit: Unit; measure: Measure }): Array<{ field: string; reason: string }> {
  const m = METRICS.get(q.metric);
  if (!m) return [{ field: 'metric', reason: `undeclared metric "${q.metric}": declare it in src/domain/metric-vocabulary.ts (labels, dimension, unit, additive)` }];
  if (q.measure === 'CHANGE') {
    return q.unit === 'percent' ? [] : [{ field: 'unit', reason: `a CHANGE against a baseline is stated in percent, not "${q.unit}"` }];
  }
  if (q.unit === m.unit) return [];
  const dim = unitDimension(q.unit);
  const why = dim === m.dimension ? `the same dimension (${dim}), but the vocabulary states ${q.metric} in ${m.unit}` : `a ${dim ?? 'unknown'} unit, and ${q.metric} is ${m.dimension} in ${m.unit}`;
  return [{ field: 'unit', reason: `"${q.unit}" does not fit metric "${q.metric}": ${why}` }];
}
