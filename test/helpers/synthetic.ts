// A generated seed folder of N twinnings, each with supports, a project, a team and a person, all
// cited: enough items to show whether a nested list costs more queries as it grows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_TERMS } from './seed-fixtures.js';
import { pinyinName } from '../../src/domain/search-keys.js';
import { loadSeedFolders } from '../../src/ingest/validate.js';

export function writeSyntheticSeeds(pairs: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-synthetic-'));
  const folder = path.join(dir, 'synthetic');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'source.yaml'), `id: synthetic\ntitle: Synthetic source\npublisher: Test\npublishedAt: 2024-01-01\n${FIXTURE_TERMS}`);
  const entities: string[] = [
    '- { id: "province:supporter", kind: Province, name: Supporter Province, citations: ["Supporter Province"] }',
    '- { id: "city:recipient", kind: City, name: Recipient City, citations: ["Recipient City"] }',
  ];
  const rels: string[] = [];
  const quantities: string[] = [];
  for (let i = 0; i < pairs; i++) {
    const n = String(i).padStart(3, '0');
    entities.push(
      `- { id: "city:s${n}", kind: City, name: "Supporter ${n}", nameZh: "援助市${n}", citations: ["援助市${n}"] }`,
      `- { id: "county:r${n}", kind: District, name: "Recipient ${n}", citations: ["Recipient ${n}"] }`,
      `- { id: "school:r${n}", kind: School, name: "School ${n}", citations: ["School ${n}"] }`,
      `- { id: "project:p${n}", kind: Project, name: "Project ${n}", properties: { supportMode: EDUCATION }, citations: ["Project ${n}"] }`,
      `- { id: "org:team${n}", kind: Organization, name: "Team ${n}", citations: ["Team ${n}"] }`,
      `- { id: "person:p${n}", kind: Person, name: "Person ${n}", citations: ["Person ${n}"] }`,
    );
    rels.push(
      `- { id: "part-of:s${n}", type: PART_OF, from: "city:s${n}", to: "province:supporter", citations: ["援助市${n} in Supporter Province"] }`,
      `- { id: "part-of:r${n}", type: PART_OF, from: "county:r${n}", to: "city:recipient", citations: ["Recipient ${n} in Recipient City"] }`,
      `- { id: "located-in:school${n}", type: LOCATED_IN, from: "school:r${n}", to: "county:r${n}", citations: ["School ${n} in Recipient ${n}"] }`,
      `- { id: "part-of:team${n}", type: PART_OF, from: "org:team${n}", to: "city:s${n}", citations: ["Team ${n} of 援助市${n}"] }`,
      `- { id: "twinning:s${n}--r${n}", type: TWINNED_WITH, from: "city:s${n}", to: "county:r${n}", properties: { level: CITY, since: ${2000 + (i % 20)} }, citations: ["援助市${n} pairs with Recipient ${n}"] }`,
      `- { id: "support:s${n}--r${n}", type: SUPPORTS, from: "city:s${n}", to: "county:r${n}", properties: { mode: DONATION, from: ${2010 + (i % 10)} }, citations: ["援助市${n} donates to Recipient ${n}"] }`,
      `- { id: "support:team${n}--school${n}", type: SUPPORTS, from: "org:team${n}", to: "school:r${n}", properties: { mode: EDUCATION_TEAM }, citations: ["Team ${n} teaches at School ${n}"] }`,
      `- { id: "participation:s${n}--p${n}", type: PARTICIPATES_IN, from: "city:s${n}", to: "project:p${n}", properties: { role: FUNDING }, citations: ["援助市${n} funds Project ${n}"] }`,
      `- { id: "benefit:p${n}", type: BENEFITS, from: "project:p${n}", to: "school:r${n}", citations: ["Project ${n} for School ${n}"] }`,
      `- { id: "member-of:p${n}", type: MEMBER_OF, from: "person:p${n}", to: "org:team${n}", citations: ["Person ${n} in Team ${n}"] }`,
    );
    quantities.push(
      `- { subject: "support:s${n}--r${n}", metric: donations, value: ${1000 * (i + 1)}, unit: CNY, qualifier: ${i % 3 === 0 ? 'AT_LEAST' : 'EXACT'}, citations: ["${1000 * (i + 1)}元"] }`,
      `- { subject: "project:p${n}", metric: aidFunding, value: ${5000 * (i + 1)}, unit: CNY, citations: ["Project ${n} cost ${5000 * (i + 1)}元"] }`,
    );
  }
  fs.writeFileSync(path.join(folder, 'entities.yaml'), entities.join('\n') + '\n');
  fs.writeFileSync(path.join(folder, 'relationships.yaml'), rels.join('\n') + '\n');
  fs.writeFileSync(path.join(folder, 'quantities.yaml'), quantities.join('\n') + '\n');
  return dir;
}

/** Nested list operations whose item count is `$n`; what the round-trip test and benchmark run. */
export const NESTED_OPERATIONS: Record<string, string> = {
  twinnings: `query($n: Int!) { twinnings(first: $n, orderBy: { field: ID }) { edges { node {
    supporter { name sources { quote } parent { name } }
    recipient { name ... on Place { parent { name } located { name } } }
    sources { quote source { title } }
    supports { mode supporter { name } beneficiary { name } sources { quote source { title } } quantities { text sources { quote } } }
    projects { name investment { text sources { quote } } participants { role participant { name } } }
    people { name teams { team { name } sources { quote } } }
  } } } }`,
  supports: `query($n: Int!) { supports(first: $n, orderBy: { field: ID }) { edges { node {
    mode supporter { name sources { quote } } beneficiary { name ... on School { locatedIn { name } } }
    quantities { text sources { quote } } sources { quote source { title } }
  } } } }`,
  search: `query($n: Int!) { search(text: "Supporter", kinds: [CITY], first: $n) {
    name ... on City { parent { name } twinnedWith { recipient { name } sources { quote } } supportsGiven { beneficiary { name } quantities { text } } }
  } }`,
};

// ---------------------------------------------------------------------------------------------------
// The knowledge layer at scale (`npm run bench:scale`): twinnings under the five programmes, supports,
// the schools, hospitals, teams and projects they reach, figures and citations, `factor` times what the
// seeds hold, around real places of the official list. Every record is synthetic and says so (its
// source, its names, its quotes); it is written only into the bench's throwaway store.

/** What the layer is counted in: the seeds' own counts are the base the factor multiplies. */
export interface LayerCounts {
  twinnings: number; supports: number; quantities: number; citations: number;
  schools: number; hospitals: number; organizations: number; projects: number;
  participations: number; benefits: number;
}

export interface KnowledgeLayerInput {
  factor: number;
  base: LayerCounts;
  /** The loaded places of the official list (provinces, prefectures and counties at least). */
  places: ReadonlyArray<{ code: string; nameZh: string; kind: string }>;
  /** Codes the real seeds already claim, with the id they gave them (a code is claimed once). */
  claimed: ReadonlyMap<string, string>;
  /** Programme ids the real seeds already declare. */
  programmes: ReadonlySet<string>;
  /** The twinnings the real seeds state, as `<supporter code>→<recipient code>`: the layer states none of them again. */
  stated?: ReadonlySet<string>;
  /** The seeds' sentence stating a declared programme's term, and its source: what a derived end cites. */
  terms?: ReadonlyMap<string, { quote: string; source: string }>;
}

/** The seeds' own knowledge layer (what the synthetic one multiplies), the codes they claim and their programmes. */
export function seedLayer(seedsDir: string): { base: LayerCounts; claimed: Map<string, string>; programmes: Set<string>; stated: Set<string>; terms: Map<string, { quote: string; source: string }> } {
  const data = loadSeedFolders(seedsDir);
  const codeOf = new Map(data.entities.filter((e) => typeof e.props.code === 'string').map((e) => [e.id, e.props.code as string]));
  const rels = (type: string) => data.relationships.filter((r) => r.type === type).length;
  const kinds = (kind: string) => data.entities.filter((e) => e.kind === kind).length;
  return {
    base: {
      twinnings: rels('TWINNED_WITH'), supports: rels('SUPPORTS'), quantities: data.quantities.length, citations: data.citations.length,
      schools: kinds('SCHOOL'), hospitals: kinds('HOSPITAL'), organizations: kinds('ORGANIZATION'), projects: kinds('PROJECT'),
      participations: rels('PARTICIPATES_IN'), benefits: rels('BENEFITS'),
    },
    claimed: new Map(data.entities.filter((e) => typeof e.props.code === 'string').map((e) => [e.props.code as string, e.id])),
    programmes: new Set(data.entities.filter((e) => e.kind === 'PROGRAMME').map((e) => e.id)),
    // A second twinning of a pair the seeds state is refused by the validation (one twinning, one id).
    stated: new Set(data.relationships.filter((r) => r.type === 'TWINNED_WITH').map((r) => `${codeOf.get(r.from) ?? r.from}→${codeOf.get(r.to) ?? r.to}`)),
    terms: new Map(data.entities.filter((e) => e.kind === 'PROGRAMME' && typeof e.props.termYears === 'number').flatMap((e) => {
      const c = data.citations.find((x) => x.subjectId === e.id && x.quote.includes(`${String(e.props.termYears)}年`));
      return c ? [[e.id, { quote: c.quote, source: c.sourceId }] as const] : [];
    })),
  };
}

export const SYNTHETIC_SOURCE_ID = 'synthetic-knowledge-layer';

/** The five programmes (the team's fixed ids), where their recipients are, and how their periods run. */
const PROGRAMMES = [
  { id: 'programme:aid-tibet', zh: '对口援藏', name: 'Paired assistance to Tibet', since: 1994, recipients: ['54'] },
  { id: 'programme:aid-xinjiang', zh: '对口援疆', name: 'Paired assistance to Xinjiang', since: 2010, recipients: ['65'] },
  { id: 'programme:aid-qinghai', zh: '对口援青', name: 'Paired assistance to Qinghai', since: 2010, recipients: ['63'] },
  { id: 'programme:wenchuan-reconstruction', zh: '汶川地震灾后恢复重建对口支援', name: 'Wenchuan earthquake reconstruction', since: 2008, termYears: 3, recipients: ['51', '62', '61'] },
  { id: 'programme:east-west-cooperation', zh: '东西部扶贫协作', name: 'East-west poverty alleviation cooperation', since: 1996, adjusted: 2016, recipients: ['52', '53', '64', '45', '15'] },
] as const;
/** Provinces that give (east and centre). */
const SUPPORTER_PROVINCES = ['11', '12', '31', '32', '33', '35', '37', '44', '21', '34', '42', '43', '13', '14', '41', '36', '22', '23'];
const PLACE_PREFIX: Record<string, [string, string]> = {
  PROVINCE: ['province', 'Province'], CITY: ['city', 'City'], DISTRICT: ['county', 'District'], TOWNSHIP: ['township', 'Township'],
};
const MODES_TO_PLACES = ['PAIRING_ASSISTANCE', 'INFRASTRUCTURE', 'INDUSTRY', 'EMPLOYMENT', 'CADRE_EXCHANGE', 'TRAINING', 'DONATION', 'PUBLIC_SERVICES', 'INVESTMENT_PROMOTION'];
const MODES_TO_SCHOOLS = ['EDUCATION_TEAM', 'SCHOOL_TAKES_SUBJECT', 'EDUCATION', 'DONATION'];
const MODES_TO_HOSPITALS = ['MEDICAL_TEAM', 'HOSPITAL_TAKES_DEPARTMENT', 'TRAINING', 'DONATION'];
const METRIC_OF_MODE: Record<string, [string, string]> = {
  MEDICAL_TEAM: ['medicalExpertsSent', 'person'], EDUCATION_TEAM: ['teachersAndManagersSent', 'person'], DONATION: ['donations', 'CNY'],
};
const QUALIFIERS = ['EXACT', 'AT_LEAST', 'APPROXIMATELY', 'MORE_THAN'];

/**
 * Writes the layer as one seed folder (a synthetic source whose text holds every quote) under a new
 * directory, and returns it with what it holds. Deterministic: the same input writes the same folder.
 */
export function writeKnowledgeLayer(input: KnowledgeLayerInput): { dir: string; counts: LayerCounts & { places: number; programmes: number } } {
  const target = Object.fromEntries(Object.entries(input.base).map(([k, v]) => [k, v * input.factor])) as unknown as LayerCounts;
  const entities: Record<string, unknown>[] = [];
  const relationships: Record<string, unknown>[] = [];
  const quantities: Record<string, unknown>[] = [];
  /** Every record's quotes, filled up to the citation target at the end. */
  const cited: Array<{ record: Record<string, unknown>; label: string }> = [];
  const cite = (record: Record<string, unknown>, label: string) => { cited.push({ record, label }); return record; };

  // Places: a code the seeds claim keeps their id; any other is claimed here, on first use.
  const byCode = new Map(input.places.map((p) => [p.code, p]));
  const placeIds = new Map(input.claimed);
  /** Each entity's Chinese name: a relationship's quote names its ends (quality.ts). */
  const zh = new Map([...input.claimed].map(([code, id]) => [id, byCode.get(code)?.nameZh ?? id]));
  const declaredPlaces = new Set<string>();
  const place = (code: string): string => {
    const known = placeIds.get(code);
    if (known) return known;
    const p = byCode.get(code);
    if (!p) throw new Error(`synthetic layer: place ${code} is not in the loaded gazetteer`);
    const [prefix, kind] = PLACE_PREFIX[p.kind]!;
    const id = `${prefix}:syn-${code}`;
    entities.push(cite({ id, kind, name: pinyinName(p.nameZh), nameZh: p.nameZh, code }, `${p.nameZh}`));
    placeIds.set(code, id);
    zh.set(id, p.nameZh);
    declaredPlaces.add(code);
    return id;
  };
  // Places of one kind group may not share a name (quality.ts): only places whose official name and
  // its pinyin are unique in the list are claimed here.
  const tally = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  const zhCount = tally(input.places.map((p) => p.nameZh));
  const pinyinCount = tally(input.places.map((p) => pinyinName(p.nameZh)));
  const claimable = (p: { code: string; nameZh: string }) =>
    input.claimed.has(p.code) || (zhCount.get(p.nameZh) === 1 && pinyinCount.get(pinyinName(p.nameZh)) === 1);
  const levelIn = (kind: string, provinces: readonly string[]) =>
    input.places.filter((p) => p.kind === kind && provinces.includes(p.code.slice(0, 2)) && claimable(p)).map((p) => p.code);
  const supporterProvinces = SUPPORTER_PROVINCES.filter((c) => byCode.has(c));
  const supporterCities = levelIn('CITY', supporterProvinces).filter((c) => !byCode.get(c)!.nameZh.endsWith('市辖区'));
  if (!supporterProvinces.length || !supporterCities.length) throw new Error('synthetic layer: the loaded gazetteer holds no supporter provinces');

  let programmesDeclared = 0;
  for (const p of PROGRAMMES) {
    if (input.programmes.has(p.id)) continue;
    programmesDeclared++;
    const properties = { since: p.since, ...('termYears' in p ? { termYears: p.termYears } : {}), ...('adjusted' in p ? { adjusted: p.adjusted } : {}) };
    const term = 'termYears' in p ? `,对口支援期限按${p.termYears}年安排` : '';
    const sentence = `${p.zh}自${p.since}年起${term}`; // states the start and the term (programmeFigureForms)
    entities.push(cite({ id: p.id, kind: 'Programme', name: `${p.name} (synthetic)`, nameZh: p.zh, properties, citations: [sentence] }, sentence));
  }

  // Twinnings: by turns under each programme, half province → prefecture, half prefecture → county,
  // one per supporter, recipient and programme.
  interface Twinning { id: string; from: string; to: string; recipientCode: string; since: number; until?: number }
  const twinnings: Twinning[] = [];
  const pairs = new Set<string>();
  const turns = new Map<string, number>();
  for (let i = 0; twinnings.length < target.twinnings; i++) {
    if (i > target.twinnings * 20) throw new Error(`synthetic layer: only ${twinnings.length} distinct pairs in the loaded gazetteer`);
    const p = PROGRAMMES[i % PROGRAMMES.length]!;
    const provincial = Math.floor(i / PROGRAMMES.length) % 2 === 0;
    const recipients = levelIn(provincial ? 'CITY' : 'DISTRICT', p.recipients);
    const supporters = provincial ? supporterProvinces : supporterCities;
    if (!recipients.length) continue;
    const key = `${p.id}|${provincial}`;
    const k = turns.get(key) ?? 0;
    turns.set(key, k + 1);
    const recipientCode = recipients[k % recipients.length]!;
    const supporterCode = supporters[(k * 7 + Math.floor(k / recipients.length)) % supporters.length]!;
    const pair = `${supporterCode}→${recipientCode}`;
    if (pairs.has(pair) || input.stated?.has(pair)) continue;
    pairs.add(pair);
    const n = twinnings.length;
    const from = place(supporterCode);
    const to = place(recipientCode);
    const since = p.id === 'programme:wenchuan-reconstruction' ? 2008
      : p.id === 'programme:east-west-cooperation' ? (n % 2 ? 2016 : 1996) : p.since + (n % 12);
    const props: Record<string, unknown> = { level: provincial ? 'PROVINCE' : 'CITY', programme: p.id, since };
    const quotes: Array<string | { quote: string; source: string }> = [];
    // An end from the programme's term is cited by the term's sentence: the layer's own where it
    // declares the programme, the seeds' (with its source) where they do.
    const seedTerm = input.terms?.get(p.id);
    if ('termYears' in p && !input.programmes.has(p.id)) {
      Object.assign(props, { until: since + p.termYears, untilBasis: 'PROGRAMME_TERM' });
      quotes.push(`${p.zh}自${p.since}年起,对口支援期限按${p.termYears}年安排`); // the programme's own sentence
    } else if ('termYears' in p && seedTerm) {
      Object.assign(props, { until: since + p.termYears, untilBasis: 'PROGRAMME_TERM' });
      quotes.push(seedTerm);
    } else if (p.id === 'programme:east-west-cooperation' && since === 1996 && n % 4 === 0) props.until = 2015;
    const id = `twinning:syn-${supporterCode}--${recipientCode}`;
    const rel = { id, type: 'TWINNED_WITH', from, to, properties: props, citations: quotes };
    relationships.push(cite(rel, `${byCode.get(supporterCode)!.nameZh}对口支援${byCode.get(recipientCode)!.nameZh}`));
    twinnings.push({ id, from, to, recipientCode, since, ...(typeof props.until === 'number' ? { until: props.until } : {}) });
  }

  // Institutions and teams, dealt round the twinnings: schools and hospitals in the recipient, aid
  // teams (organisations) of the supporter, projects the supporter funds for the recipient.
  const at = (n: number) => twinnings[n % twinnings.length]!;
  const schools: string[][] = twinnings.map(() => []);
  const hospitals: string[][] = twinnings.map(() => []);
  const teams: string[][] = twinnings.map(() => []);
  const institution = (n: number, prefix: string, kind: string, word: string, into: string[][], edge: 'LOCATED_IN' | 'PART_OF') => {
    const t = at(n);
    const id = `${prefix}:syn-${n}`;
    const name = `合成${word}${n}`;
    entities.push(cite({ id, kind, name: `Synthetic ${kind.toLowerCase()} ${n}`, nameZh: name }, name));
    zh.set(id, name);
    const [from, to] = edge === 'LOCATED_IN' ? [id, t.to] : [id, t.from];
    relationships.push(cite({ id: `${edge === 'LOCATED_IN' ? 'located-in' : 'part-of'}:syn-${prefix}-${n}`, type: edge, from, to }, `${name}属于${zh.get(to)}`));
    into[n % twinnings.length]!.push(id);
  };
  for (let n = 0; n < target.schools; n++) institution(n, 'school', 'School', '学校', schools, 'LOCATED_IN');
  for (let n = 0; n < target.hospitals; n++) institution(n, 'hospital', 'Hospital', '医院', hospitals, 'LOCATED_IN');
  for (let n = 0; n < target.organizations; n++) institution(n, 'org', 'Organization', '援助工作队', teams, 'PART_OF');
  const projects: string[] = [];
  for (let n = 0; n < target.projects; n++) {
    const id = `project:syn-${n}`;
    const name = `合成援建项目${n}`;
    entities.push(cite({ id, kind: 'Project', name: `Synthetic project ${n}`, nameZh: name }, name));
    projects.push(id);
    zh.set(id, name);
  }
  for (let n = 0; n < target.participations; n++) {
    const t = at(n);
    const team = teams[n % twinnings.length]![0];
    const from = n >= projects.length && team ? team : t.from;
    const role = n >= projects.length ? 'IMPLEMENTING' : 'FUNDING';
    relationships.push(cite({ id: `participation:syn-${n}`, type: 'PARTICIPATES_IN', from, to: projects[n % projects.length], properties: { role } }, `${zh.get(from)}参与${zh.get(projects[n % projects.length]!)}`));
  }
  for (let n = 0; n < target.benefits; n++) {
    const t = at(n);
    const school = schools[n % twinnings.length]![0];
    const to = n % 3 === 2 && school ? school : t.to;
    relationships.push(cite({ id: `benefit:syn-${n}`, type: 'BENEFITS', from: projects[n % projects.length], to }, `${zh.get(projects[n % projects.length]!)}惠及${zh.get(to)}`));
  }

  // Supports: from the supporter or one of its teams, to the recipient or one of its institutions.
  const supports: Array<{ id: string; mode: string }> = [];
  for (let n = 0; n < target.supports; n++) {
    const i = n % twinnings.length;
    const t = twinnings[i]!;
    const round = Math.floor(n / twinnings.length);
    const team = teams[i]![round % Math.max(teams[i]!.length, 1)];
    const school = schools[i]![round % Math.max(schools[i]!.length, 1)];
    const hospital = hospitals[i]![round % Math.max(hospitals[i]!.length, 1)];
    // Kinds and modes by the support's number, not by its round over the twinnings: with about one
    // support a twinning (the seeds' 65 to 64) every support would be the first round's, to a place,
    // in one mode, and the cases that read supports of a mode or to an institution would not grow.
    const [to, modes] = n % 3 === 1 && school ? [school, MODES_TO_SCHOOLS] : n % 3 === 2 && hospital ? [hospital, MODES_TO_HOSPITALS] : [t.to, MODES_TO_PLACES];
    const mode = modes[Math.floor(n / 3) % modes.length]!;
    const from = Math.floor(n / 3) % 2 && team ? team : t.from;
    const fromYear = t.since + (round % 5);
    const properties = { mode, from: fromYear, ...(t.until !== undefined ? { until: t.until } : {}) };
    const id = `support:syn-${n}`;
    relationships.push(cite({ id, type: 'SUPPORTS', from, to, properties }, `${zh.get(from)}以${mode}支援${zh.get(to)}`));
    supports.push({ id, mode });
  }

  // Figures: three of five on supports, one on twinnings, one on projects.
  for (let n = 0; n < target.quantities; n++) {
    const slot = n % 5;
    const value = 1000 * (1 + (n % 97));
    const qualifier = QUALIFIERS[n % QUALIFIERS.length];
    let q: Record<string, unknown>;
    if (slot < 3) {
      const s = supports[Math.floor(n / 5) * 3 + slot] ?? supports[n % supports.length]!;
      const [metric, unit] = METRIC_OF_MODE[s.mode] ?? ['aidFunding', 'CNY'];
      q = { subject: s.id, metric, value: unit === 'person' ? 1 + (n % 40) : value, unit, qualifier, year: 2000 + (n % 24) };
    } else if (slot === 3) {
      q = { subject: twinnings[Math.floor(n / 5) % twinnings.length]!.id, metric: 'aidFunding', value: value * 1000, unit: 'CNY', qualifier, year: 2000 + (n % 24) };
    } else {
      q = { subject: projects[Math.floor(n / 5) % projects.length]!, metric: 'aidFunding', value: value * 10, unit: 'CNY', qualifier };
    }
    q = { id: `quantity:syn-${n}`, ...q }; // at a small factor two figures share subject, metric and year
    quantities.push(cite(q, `${String(q.metric)}为${String(q.value)}`));
  }

  // Quotes: every record at least one, more round-robin until the citations reach their target.
  const quotes: string[] = [];
  const preset = cited.reduce((sum, c) => sum + ((c.record.citations as string[] | undefined)?.length ?? 0), 0);
  const extra = Math.max(target.citations - cited.length - preset, 0);
  const each = Math.floor(extra / cited.length);
  cited.forEach((c, k) => {
    const own = (c.record.citations as string[] | undefined) ?? [];
    const more = 1 + each + (k < extra % cited.length ? 1 : 0);
    for (let j = 0; j < more; j++) own.push(`合成数据${k}-${j}:${c.label}`);
    c.record.citations = own;
    quotes.push(...own);
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-layer-'));
  const folder = path.join(dir, SYNTHETIC_SOURCE_ID);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'source.yaml'), [
    `id: ${SYNTHETIC_SOURCE_ID}`,
    'title: 合成知识层 (synthetic knowledge layer of npm run bench:scale)',
    'titleEn: Synthetic knowledge layer (bench:scale only; states nothing true)',
    'publisher: aidgraph bench:scale (synthetic)',
    'publishedAt: 2026-01-01',
    'textFile: source.txt',
    'license: CC0-1.0',
    'rightsHolder: none (generated)',
    'usageNote: Generated by the benchmark into its throwaway store to measure cost at scale; no fact here is true.',
  ].join('\n') + '\n');
  fs.writeFileSync(path.join(folder, 'source.txt'), [...new Set(quotes)].join('\n') + '\n');
  const list = (rows: Record<string, unknown>[]) => rows.map((r) => `- ${JSON.stringify(r)}`).join('\n') + '\n';
  fs.writeFileSync(path.join(folder, 'entities.yaml'), list(entities));
  fs.writeFileSync(path.join(folder, 'relationships.yaml'), list(relationships));
  fs.writeFileSync(path.join(folder, 'quantities.yaml'), list(quantities));
  const count = (type: string) => relationships.filter((r) => r.type === type).length;
  const kinds = (kind: string) => entities.filter((e) => e.kind === kind).length;
  return {
    dir,
    counts: {
      twinnings: count('TWINNED_WITH'), supports: count('SUPPORTS'), quantities: quantities.length, citations: quotes.length,
      schools: kinds('School'), hospitals: kinds('Hospital'), organizations: kinds('Organization'), projects: kinds('Project'),
      participations: count('PARTICIPATES_IN'), benefits: count('BENEFITS'), places: declaredPlaces.size, programmes: programmesDeclared,
    },
  };
}
