// What a figure is about, where the nearest name before it is not: the rules the domain's own way of
// stating a figure gives. Counts of a programme's parties (19个省市, 西部10个省份, 12个师) and its term
// are the programme's; what a place is (总面积, 平均海拔, 总人口, 现辖…) belongs to the place named
// right before its words (唐古拉山乡6.4万平方公里) or, failing one, to the place its paragraph is
// about (the first it names: a description opens with its subject); a distance between two places
// (江苏与拉萨虽远隔3800公里, 上海到西藏) is the first's, and one "from" a place (墨竹工卡…离拉萨80公里,
// 距离震中映秀镇仅十公里的汶川县三江乡) is the other place's. Figures after the programme's parties taken
// together (18个对口援建省市已经确定…项目3173个, 各对口援藏省市…先后选派…) are the programme's, and so is a
// span right after its name (东西扶贫协作二十年); the height of a place's lowest or highest point is the
// place's whose paragraph it is, not the township it lies in; aid a recipient is given (曲山镇板房援建仅用
// 47天) is its supporter's, where the text pairs it with one; a sentence naming nothing that carries a
// figure on (上海到西藏,是5000公里的跨越;沿海到高原,是4000米海拔的提升) is about what the one before was.
// A built thing's length and build time are the project's the paragraph names (新小鱼洞大桥…全长1426米),
// a disaster's range the event's (汶川地震: 极重灾区共10个县(市)).
// None of these applies: the caller's rule.
import { programmeNamedLast, type ProgrammeId } from './programme.js';
import type { Party } from './supports.js';
import type { Sentence } from './text.js';

/** Metrics that count a programme's supporters or recipients, or state its term. */
const PROGRAMME_METRICS = new Set(['supportingProvinces', 'supportingPlanCities', 'pairedProvinces', 'pairedPrefectures', 'pairedCorpsDivisions', 'programmeTerm']);
/** Metrics that say what a place is: its size, height, people and divisions. */
const PLACE_METRICS = new Set([
  'landArea', 'shareOfProvinceArea', 'meanAltitude', 'highestAltitude', 'lowestAltitude', 'population', 'ethnicGroups', 'mainEthnicGroupShare',
  'countyLevelCitiesGoverned', 'countiesGoverned', 'townsGoverned', 'townshipsGoverned', 'subdistrictsGoverned', 'villagesGoverned',
  'communitiesGoverned', 'partyOrganisations', 'partyMembers', 'publicSectorCadres', 'mainEthnicGroupCadreShare',
]);
const DISTANCE_METRICS = new Set(['distance', 'altitudeDifference']);
/** What the programme's parties did together: a programme total when they are the actors. */
const PROGRAMME_TOTALS = new Set(['aidFunding', 'fundsArrived', 'projectsPlanned', 'projectsImplemented', 'cadresSent', 'pairedDistricts', 'batchesSent']);
/** What a built thing measures, and a disaster's range. */
const PROJECT_METRICS = new Set(['structureLength', 'buildTime', 'usualBuildTime']);
const EVENT_METRICS = new Set(['worstHitCounties', 'heavilyHitCounties']);
/** The heights of a place's extremes: where they are is inside the place. */
const EXTREMES = new Set(['highestAltitude', 'lowestAltitude']);

export interface FigureContext {
  /** The text (its simplified copy), the figure's span and metric. */
  text: string;
  figure: { start: number; end: number; metric: string; unit: string };
  sentence: Sentence;
  /** The places of the figure's paragraph, in order. */
  paragraphPlaces: readonly Party[];
  /** The parties of the figure's sentence, in order. */
  inSentence: readonly Party[];
  /** The programme the sentence or, failing it, the text names most, declared for the draft; undefined when it names none. */
  programme: () => string | undefined;
  /** Declares a programme the text names, for the draft; false when it never does. */
  declare: (id: ProgrammeId) => boolean;
  /** The one supporter the text pairs a recipient with, if one. */
  supporterOf: (id: string) => string | undefined;
  /** The subject of the figure before this one in its paragraph, if any. */
  previous?: string | undefined;
  /** The project named last before the figure in its paragraph, and the event the text names first. */
  project?: string | undefined;
  event?: string | undefined;
}

export interface SubjectReading { id: string; rule: string }

const isListItem = (text: string, p: Party) => text[p.start - 1] === '、' || text[p.end] === '、';

/** The programme's parties taken together: 各对口援藏省市, 18个对口援建省市, 19个省市, 14个经济发达的省市. */
const ALL_SUPPORTERS = /(各|\d+个|[一二三四五六七八九十]+个)[^\d,;:，；：。]{0,6}?省(\(区?、?市\)|区市|市|份)/u;
/** Words of aid given: a recipient's figure with them is what its supporter did. */
const AID_GIVEN = /援|帮扶|捐赠/u;

export function figureSubject(c: FigureContext): SubjectReading | undefined {
  const { text, figure: f } = c;
  if (PROJECT_METRICS.has(f.metric) && c.project) return { id: c.project, rule: "a built thing's length or build time: the project the paragraph names before it" };
  // 四川省(29个): a part of the range, the named place's.
  if (EVENT_METRICS.has(f.metric) && c.event && !/\(\s*$/u.test(text.slice(c.sentence.start, f.start))) return { id: c.event, rule: "a disaster's range: the event the text names" };
  const before = text.slice(c.sentence.start, f.start);
  const all = ALL_SUPPORTERS.exec(before);
  if (all && (PROGRAMME_METRICS.has(f.metric) || PROGRAMME_TOTALS.has(f.metric) || !c.inSentence.some((p) => p.start >= all.index + all[0].length && p.end <= f.start && !p.isPlace))) {
    const programme = c.programme();
    if (programme) return { id: programme, rule: `after the programme's parties taken together (${all[0]}): the programme's (${programme})` };
  }
  if (f.unit === 'year') {
    const named = programmeNamedLast(before);
    if (named && c.declare(named)) return { id: named, rule: `a span right after the programme's name: its age (${named})` };
  }
  if (PROGRAMME_METRICS.has(f.metric)) {
    const programme = c.programme();
    if (programme) return { id: programme, rule: `a count of a programme's parties or its term: the programme the text names (${programme})` };
  }
  if (PLACE_METRICS.has(f.metric)) {
    // 唐古拉山乡6.4万平方公里, X县平均海拔4500米: the place just before the words, not an item of a list (…、曲麻莱1市5县).
    const just = [...c.inSentence].reverse().find((p) => p.isPlace && p.end <= f.start && !isListItem(text, p) && /^[^\d,.;:!?()、，。；：]{0,6}$/u.test(text.slice(p.end, f.start)));
    const topic = c.paragraphPlaces.find((p) => p.start < f.start);
    // 最低处囊谦县娘拉乡海拔3335米: the point lies in the paragraph's place, whose extreme it is.
    if (just && EXTREMES.has(f.metric) && topic?.code && just.code && just.code !== topic.code && just.code.startsWith(topic.code)) {
      return { id: topic.id, rule: "the height of a place's extreme, named by the point inside it" };
    }
    if (just) return { id: just.id, rule: 'what a place is, stated right after its name' };
    if (topic) return { id: topic.id, rule: 'what a place is, in a paragraph about it (the first place it names)' };
  }
  if (DISTANCE_METRICS.has(f.metric)) {
    const before = c.inSentence.filter((p) => p.isPlace && p.end <= f.start);
    // 从X到Y, X与Y: the first of the two.
    for (let i = 0; i + 1 < before.length; i++) {
      if (/^\s*(与|和|到|至)\s*$/u.test(text.slice(before[i]!.end, before[i + 1]!.start))) return { id: before[i]!.id, rule: 'a distance between two places: the first named' };
    }
    // X…离Y N公里 / 距离Y N公里的X: the place the distance is from is not the subject.
    const from = before.find((p) => /(离|距离|距)\S{0,3}$/u.test(text.slice(Math.max(c.sentence.start, p.start - 5), p.start)));
    if (from) {
      let after = c.inSentence.find((p) => p.isPlace && p.start >= f.end && /^[^,.;:!?，。；：]{0,4}的$/u.test(text.slice(f.end, p.start)));
      // 汶川县三江乡: the last of a chain of names is the place meant.
      for (let next = after && c.inSentence.find((p) => p.isPlace && p.start === after!.end); next; next = c.inSentence.find((p) => p.isPlace && p.start === after!.end)) after = next;
      const earlier = [...before].reverse().find((p) => p.end <= from.start);
      const subject = after ?? earlier;
      if (subject) return { id: subject.id, rule: `a distance from ${text.slice(from.start, from.end)}: the other place` };
    }
  }
  if (!c.inSentence.length && c.previous) return { id: c.previous, rule: 'a sentence that names nothing carries on the figure before it' };
  // 曲山镇板房援建仅用47天: what a recipient was given is its supporter's doing.
  const nearest = [...c.inSentence].reverse().find((p) => p.end <= f.start);
  const supporter = nearest?.isPlace ? c.supporterOf(nearest.id) : undefined;
  if (supporter && AID_GIVEN.test(text.slice(nearest!.end, f.start))) return { id: supporter, rule: 'aid a recipient was given: its supporter\'s, as the text pairs them' };
  return undefined;
}
