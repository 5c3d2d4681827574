// From a text to a draft seed folder: every candidate the rules find (places, institutions,
// people, figures, supports) becomes a record in the seed format, cited by the sentence it comes
// from, marked `status: draft` with what the rule found (confidence, options, the place's chain).
// Names the seeds already hold resolve to their ids, so a confirmed draft merges with them.
import { englishNameOf } from '../../domain/english-names.js';
import { gazetteerEdition, type GazetteerEdition } from '../../gazetteer/division-list.js';
import { levelOfCode } from '../../domain/division-codes.js';
import { placeIdOfCode } from '../../domain/ids.js';
import { isKindLabel, isPlaceKind, KIND_LABEL, kindOfLabel, RELATIONSHIP_ID_PREFIX, type EntityKind } from '../../domain/vocabulary.js';
import { normalizeName, pinyinName, pinyinSyllables } from '../../domain/search-keys.js';
import { isGenericAlias } from '../quality.js';
import type { DraftNote } from '../seed-schema.js';
import { findFigures } from './figures.js';
import { figureSubject } from './figure-subjects.js';
import { findInstitutions } from './institutions.js';
import { findPeople } from './people.js';
import { PlaceIndex, type KnownEntity } from './places.js';
import { RENAMES } from './renames.js';
import { findSupports, type Party } from './supports.js';
import { findNamedThings } from './named-things.js';
import { findPairings, PAIRING_VERBS, type PairingMention } from './pairings.js';
import { PROGRAMME_NAMES, programmeOf, programmeWords, type ProgrammeId } from './programme.js';
import { bySentence, matchingCopy, sentenceAt, sentencesOf, type Sentence } from './text.js';

export interface SourceMeta {
  id: string;
  title: string;
  publisher: string;
  publishedAt: string;
  url?: string | null | undefined;
  authors?: string[] | undefined;
  license: string;
  rightsHolder: string;
  usageNote: string;
}

type Citations = string[];
export interface DraftEntity {
  id: string; kind: string; name: string; nameZh?: string; aliases?: string[]; code?: string;
  properties?: Record<string, string | number>; citations: Citations; status: 'draft'; draft: DraftNote;
}
export interface DraftRelationship {
  id: string; type: string; from: string; to: string; properties?: Record<string, unknown>;
  citations: Citations; status: 'draft'; draft: DraftNote;
}
export interface DraftQuantity {
  id: string; subject: string; metric: string; value: number; unit: string; qualifier: string; measure?: 'CHANGE';
  year?: number; baselineYear?: number; from?: number; asOf?: string; citations: Citations; status: 'draft'; draft: DraftNote;
}
export interface Draft {
  source: Record<string, unknown>;
  entities: DraftEntity[];
  relationships: DraftRelationship[];
  quantities: DraftQuantity[];
}

const KIND_NAME: Record<EntityKind, string> = KIND_LABEL;
const PREFIX: Partial<Record<EntityKind, string>> = {
  PROVINCE: 'province', CITY: 'city', TOWNSHIP: 'township', CORPS_DIVISION: 'corps-division', SCHOOL: 'school', HOSPITAL: 'hospital', ORGANIZATION: 'org', PERSON: 'person',
};
/** How many sentences an entity cites: enough to judge it, few enough to read. */
const MAX_CITATIONS = 3;

/** An ASCII id part from a Chinese name: syllables apart (an-duo-xian-zhong-xue), or as words (anduo-xian) for places. */
export function slug(text: string, max = 48, words = false): string {
  const s = (words ? pinyinName(text) : pinyinSyllables(text).join('-')).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const cut = s.length <= max ? s : s.slice(0, s.lastIndexOf('-', max) > 0 ? s.lastIndexOf('-', max) : max); // whole syllables
  return cut.replace(/-$/, '') || 'x';
}

export interface DraftOptions {
  /** Entities the seed folders already hold: names resolve to them. */
  known?: readonly KnownEntity[];
  edition?: GazetteerEdition;
  /** A gazetteer index to reuse (reading the list takes a second). */
  places?: PlaceIndex;
}

/** The decision that started paired aid, with its year: 2008年6月5日,党中央作出…的对口支援重大决策. */
const PAIRED_AID_DECIDED = /(\d{4})年[^。;；]*?(作出|做出|决定|部署|启动)[^。;；]*?(对口支援|对口援建|对口帮扶)|(\d{4})年[^。;；]*?(对口支援|对口援建|对口帮扶)[^。;；]*?(决策|部署)/u;

const isProgrammeId = (id: string): id is ProgrammeId => Object.hasOwn(PROGRAMME_NAMES, id);

export function draftFromText(text: string, meta: SourceMeta, opts: DraftOptions = {}): Draft {
  const known = opts.known ?? [];
  const index = opts.places ?? new PlaceIndex(opts.edition ?? gazetteerEdition(), known);
  const sentences = sentencesOf(text);
  // Rules read the simplified copy (offsets are the original's); quotes are sliced from the original.
  const mt = matchingCopy(text);
  const quoteOf = (start: number, end = start + 1) => {
    const s = sentenceAt(sentences, start)!;
    const e = sentenceAt(sentences, Math.max(start, end - 1)) ?? s;
    return text.slice(s.start, Math.max(s.end, e.end));
  };
  const usedIds = new Set(known.map((k) => k.id));
  const freshId = (base: string) => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  const knownByCode = new Map(known.filter((k) => k.code).map((k) => [k.code!, k]));
  const knownByName = new Map<string, KnownEntity>();
  for (const k of known) for (const n of [k.nameZh, ...k.aliases]) if (n && /\p{Script=Han}/u.test(n)) knownByName.set(`${isPlaceKind(k.kind) ? 'place' : k.kind === 'PERSON' ? 'person' : 'institution'}|${normalizeName(n)}`, k);

  const entities = new Map<string, DraftEntity>();
  const cite = (e: DraftEntity, quote: string) => {
    if (!e.citations.includes(quote) && e.citations.length < MAX_CITATIONS) e.citations.push(quote);
  };
  const parties: Party[] = [];
  /** A name read from the simplified copy keeps the text's own spelling (農十四師) as an alias, which its quotes name. */
  const asWritten = (e: DraftEntity, name: string, start: number, end: number) => {
    const written = text.slice(start, end);
    if (mt.slice(start, end) === name && written !== name && written !== e.nameZh && !(e.aliases ?? []).includes(written)) e.aliases = [...(e.aliases ?? []), written];
  };

  // Places
  const placeMentions = index.find(text, mt);
  const placeIdByCode = new Map<string, string>();
  for (const m of placeMentions) {
    let e = entities.get(`place|${m.code}`);
    if (!e) {
      const record = index.records.get(m.code)!;
      const kind = levelOfCode(m.code)!.kind;
      const seeded = knownByCode.get(m.code);
      const prefix = kind === 'DISTRICT' ? (/[县旗]$/u.test(record.nameZh) ? 'county' : 'district') : PREFIX[kind]!;
      // The official code is the id (city:3205 苏州市, city:3413 宿州市): two places never share one.
      const id = seeded?.id ?? `${prefix}:${m.code}`;
      usedIds.add(id);
      const chain = index.chain(m.code);
      e = {
        id, kind: KIND_NAME[kind], name: seeded?.name ?? englishNameOf(m.code, record.nameZh).name, nameZh: seeded?.nameZh ?? record.nameZh, aliases: [], code: m.code,
        citations: [], status: 'draft',
        draft: {
          rule: m.renamed ? `${m.surface}, renamed since: ${RENAMES.find((r) => r.old === index.matchingName(m.surface) && r.code === m.code)?.source ?? record.nameZh}`
            : m.short ? `short form of ${record.nameZh} in the official division list` : 'name in the official division list',
          confidence: m.confidence, resolvedTo: placeIdOfCode(m.code), chain,
          ...(m.options.length ? { options: m.options.map((c) => `${placeIdOfCode(c)} ${index.records.get(c)!.nameZh} (${index.chain(c).join(' › ') || 'national'})`) } : {}),
        },
      };
      entities.set(`place|${m.code}`, e);
      placeIdByCode.set(m.code, id);
    }
    if (m.surface !== e.nameZh && !e.aliases!.includes(m.surface) && !isGenericAlias(m.surface)) e.aliases!.push(m.surface);
    cite(e, quoteOf(m.start));
    parties.push({ start: m.start, end: m.end, id: e.id, isPlace: true, code: m.code });
  }

  // Projects and events the text names: what figures may be about, no party to a pairing.
  const things: Array<{ start: number; end: number; id: string; kind: 'PROJECT' | 'EVENT'; paragraph: number }> = [];
  for (const t of findNamedThings(mt, placeMentions)) {
    const key = `${t.kind}|${normalizeName(t.name)}`;
    let e = entities.get(key);
    if (!e) {
      const id = freshId(`${t.kind === 'PROJECT' ? 'project' : 'event'}:${slug(t.name)}`);
      e = {
        id, kind: KIND_NAME[t.kind], name: pinyinName(t.name), nameZh: t.name, aliases: [], citations: [], status: 'draft',
        draft: { rule: t.kind === 'EVENT' ? 'a disaster named by its place (…地震)' : 'a built thing named as such (…大桥, …隧道, …公路)', confidence: 0.5 },
      };
      entities.set(key, e);
    }
    const written = text.slice(t.start, t.end);
    if (written !== e.nameZh && !e.aliases!.includes(written)) e.aliases!.push(written);
    cite(e, quoteOf(t.start));
    things.push({ start: t.start, end: t.end, id: e.id, kind: t.kind, paragraph: sentenceAt(sentences, t.start)?.paragraph ?? -1 });
  }

  // Institutions, each in the place it names or was attached to.
  const located: Array<{ from: string; to: string; quote: string; unitOf?: string; rule?: string }> = [];
  const institutionMentions = findInstitutions(mt, sentences, placeMentions);
  const institutionIdByName = new Map<string, string>();
  for (const m of institutionMentions) {
    const key = normalizeName(m.name);
    const seeded = knownByName.get(`institution|${key}`);
    // Two spellings of one seeded institution (辽宁援藏工作队, 辽宁省援藏工作队) are one record.
    let e = entities.get(`institution|${key}`) ?? (seeded && [...entities.values()].find((x) => x.id === seeded.id));
    if (e) entities.set(`institution|${key}`, e);
    if (!e) {
      // A 兵团 division is a place outside the official list (kind CorpsDivision, no code), and may be twinned.
      const kind: EntityKind = seeded?.kind ?? (m.corpsDivision ? 'CORPS_DIVISION' : m.kind);
      const id = seeded?.id ?? freshId(`${PREFIX[kind]}:${slug(m.name)}`);
      if (seeded) usedIds.add(id);
      e = {
        id, kind: KIND_NAME[kind], name: seeded?.name ?? pinyinName(m.name), nameZh: seeded?.nameZh ?? m.name, citations: [], status: 'draft',
        draft: { rule: m.rule, confidence: seeded ? 0.9 : 0.6, ...(seeded ? { resolvedTo: seeded.id } : {}) },
      };
      entities.set(`institution|${key}`, e);
      institutionIdByName.set(key, id);
      const placeId = m.place && placeIdByCode.get(m.place.code);
      const quote = text.slice(m.quoteStart, sentenceAt(sentences, m.start)!.end);
      const hospital = /a unit of (.+) named before it/u.exec(m.rule)?.[1];
      if (hospital) located.push({ from: id, to: '', quote, unitOf: normalizeName(hospital) });
      else if (placeId && !seeded) located.push({ from: id, to: placeId, quote });
      else if (m.corpsDivision && !seeded) {
        // A 兵团 division lies in the one Xinjiang prefecture its sentence names with it (和田地区、…农十四师).
        const sentence = sentenceAt(sentences, m.start)!;
        const prefectures = new Set(placeMentions.filter((p) => p.start >= sentence.start && p.end <= sentence.end && /^65\d\d$/u.test(p.code)).map((p) => p.code));
        const [code] = prefectures;
        const to = prefectures.size === 1 ? placeIdByCode.get(code!) : undefined;
        if (to) located.push({ from: id, to, quote: text.slice(sentence.start, sentence.end), rule: 'a 兵团 division in the one prefecture its sentence names with it' });
      }
    }
    cite(e, text.slice(m.quoteStart, sentenceAt(sentences, m.start)!.end));
    asWritten(e, m.name, m.start, m.end);
    // A name put together (都江堰市医疗中心) keeps the words the text wrote (都江堰市的医疗中心), which its quote names.
    if (m.written) {
      const w = text.slice(m.written.start, m.written.end);
      if (w !== e.nameZh && !(e.aliases ?? []).includes(w) && !isGenericAlias(w)) e.aliases = [...(e.aliases ?? []), w];
    }
    // An institution named with its place (巴青县中学, 北京市代表团) knows the place: 援建的巴青县中学 pairs with 巴青县.
    const own = m.place && m.place.start === m.start ? { placeId: placeIdByCode.get(m.place.code), placeCode: m.place.code } : {};
    parties.push({ start: m.start, end: m.end, id: e.id, isPlace: !!m.corpsDivision, name: m.name, ...own });
  }

  // People
  const nameTaken = (n: string) => [...entities.keys()].some((k) => k.endsWith(`|${normalizeName(n)}`)) ||
    placeMentions.some((p) => n.includes(p.surface)) || institutionMentions.some((i) => i.name.includes(n));
  for (const m of findPeople(mt, sentences, nameTaken)) {
    const key = normalizeName(m.name);
    const seeded = knownByName.get(`person|${key}`);
    let e = entities.get(`person|${key}`) ?? (seeded && [...entities.values()].find((x) => x.id === seeded.id));
    if (e) entities.set(`person|${key}`, e);
    if (!e) {
      const id = seeded?.id ?? freshId(`person:${slug(m.name)}`);
      if (seeded) usedIds.add(id);
      e = {
        id, kind: 'Person', name: seeded?.name ?? pinyinName(m.name), nameZh: seeded?.nameZh ?? m.name,
        ...(m.role ? { properties: { roleZh: m.role } } : {}), citations: [], status: 'draft',
        draft: { rule: m.rule, confidence: seeded ? 0.9 : 0.6, ...(seeded ? { resolvedTo: seeded.id } : {}) },
      };
      entities.set(`person|${key}`, e);
    }
    cite(e, quoteOf(m.start));
    asWritten(e, m.name, m.start, m.end);
  }

  const relationships: DraftRelationship[] = [];
  const relIds = new Set<string>();
  const relId = (type: keyof typeof RELATIONSHIP_ID_PREFIX, from: string, to: string, extra = '') => {
    const base = `${RELATIONSHIP_ID_PREFIX[type]}:${from.split(':')[1]}--${to.split(':')[1]}${extra}`.slice(0, 120).replace(/-+$/, '');
    let id = base;
    for (let n = 2; relIds.has(id) || usedIds.has(id); n++) id = `${base}-${n}`;
    relIds.add(id);
    return id;
  };
  for (const l of located) {
    const to = l.unitOf ? institutionIdByName.get(l.unitOf) : l.to;
    if (!to || to === l.from) continue;
    const type = l.unitOf ? 'PART_OF' : 'LOCATED_IN';
    relationships.push({
      id: relId(type, l.from, to), type, from: l.from, to, citations: [l.quote], status: 'draft',
      draft: { rule: l.rule ?? (l.unitOf ? 'a unit named after its hospital' : 'an institution named with its place'), confidence: l.rule ? 0.5 : 0.7 },
    });
  }
  // A place inside an institution's name (索县 in 索县人民医院) is not a party of its own.
  const outer = outermost(parties);
  // Pairings between places (a place and a 兵团 unit: a support, as a twinning joins places).
  const words = programmeWords(mt);
  const pairings = findPairings(mt, sentences, outer, Number(meta.publishedAt.slice(0, 4)));
  const paired = new Set(pairings.map((p) => `${p.from.id}|${p.to.id}`));
  for (const p of pairings) {
    const quote = text.slice(p.sentence.start, p.sentence.end);
    const reading = programmeOf(words, p.to.code ?? (/兵团|师$/u.test(entityOf(entities, p.to.id)?.nameZh ?? '') ? '65' : undefined), p.phrase, mt.slice(p.sentence.start, p.sentence.end));
    const ended = p.until !== undefined;
    // An implied pairing says so: validation then asks its quote to name one end, not both.
    const implied = /\(implied\)/u.test(p.rule) ? { note: `implied: ${p.rule}` } : {};
    const note = [reading ? `programme: ${reading.rule}` : 'no programme: the text and the recipient name none', ended ? 'this pairing ended: the text states a change' : ''].filter(Boolean).join('; ');
    if (p.from.isPlace && p.to.isPlace && !p.supportOnly) {
      relationships.push({
        id: relId('TWINNED_WITH', p.from.id, p.to.id, ended ? '-ended' : ''), type: 'TWINNED_WITH', from: p.from.id, to: p.to.id,
        properties: {
          level: levelOf(entities, p.from.id), ...(reading ? { programme: reading.programme } : {}),
          ...(p.since !== undefined ? { since: p.since, ...(p.sinceQualifier ? { sinceQualifier: p.sinceQualifier } : {}) } : {}),
          ...(p.until !== undefined ? { until: p.until } : {}), ...implied,
        },
        citations: [quote], status: 'draft', draft: { rule: p.rule, confidence: p.confidence, note },
      });
    } else {
      relationships.push({
        id: relId('SUPPORTS', p.from.id, p.to.id, '-pairing-assistance'), type: 'SUPPORTS', from: p.from.id, to: p.to.id,
        properties: { mode: /援建/u.test(p.phrase) ? 'INFRASTRUCTURE' : 'PAIRING_ASSISTANCE', ...implied }, citations: [quote], status: 'draft',
        draft: { rule: `${p.rule} (one end is no place: a support)`, confidence: p.confidence * 0.9, note },
      });
    }
  }
  // Each programme a twinning names is declared, cited by a sentence that names it; a programme the
  // text never names (read from the recipient's province alone) stays in the note, for the reviewer.
  /** Declares a programme the draft refers to, cited by a sentence that names it; false when the text never does. */
  const declareProgramme = (id: ProgrammeId, why: string): boolean => {
    if (entities.has(`programme|${id}`)) return true;
    const names = PROGRAMME_NAMES[id];
    const named = [names.nameZh, ...names.aliases];
    let sentence = sentences.find((x) => named.some((w) => mt.slice(x.start, x.end).includes(w)));
    let said = sentence && named.find((w) => mt.slice(sentence!.start, sentence!.end).includes(w));
    // A text on the programme's matter (汶川…地震) that dates the decision to pair aid (2008年…作出…对口
    // 支援重大决策) without the programme's full name speaks of it, and gives its start: that sentence cites it.
    const top = [...words.counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    let since: number | undefined;
    if (!sentence && top === id) {
      sentence = sentences.find((x) => PAIRED_AID_DECIDED.test(mt.slice(x.start, x.end)));
      const decided = sentence && PAIRED_AID_DECIDED.exec(mt.slice(sentence.start, sentence.end));
      since = decided ? Number(decided[1] ?? decided[4]) : undefined;
      said = decided ? `the decision of ${since} to pair aid (${decided[3] ?? decided[5]}), in a text whose programme words are this programme's` : undefined;
    }
    if (!sentence || !said) return false;
    entities.set(`programme|${id}`, {
      id, kind: 'Programme', name: names.name, nameZh: names.nameZh, aliases: names.aliases.filter((a) => !isGenericAlias(a)),
      ...(since !== undefined ? { properties: { since } } : {}),
      citations: [text.slice(sentence.start, sentence.end)], status: 'draft',
      draft: { rule: `${why}; the text names it (${said})`, confidence: 0.8 },
    });
    return true;
  };
  for (const r of relationships) {
    const id = r.type === 'TWINNED_WITH' ? r.properties?.programme : undefined;
    if (typeof id !== 'string' || !isProgrammeId(id) || declareProgramme(id, 'the programme a twinning names')) continue;
    for (const other of relationships) {
      if (other.properties?.programme !== id) continue;
      delete other.properties.programme;
      other.draft.note = `${other.draft.note ?? ''}; ${id} left out: the text never names it (add it by hand with a source that does)`;
    }
  }

  // Supports and their modes (以院包科, 捐赠, 组团式 …): a pairing says who is paired, a support what one gives.
  const isPlaceId = (id: string) => parties.some((q) => q.id === id && q.isPlace);
  for (const s of findSupports(mt, sentences, outer)) {
    if (s.type === 'TWINNED_WITH') continue;
    // A place's own body (北京市代表团) pairs as the place: the pairing rules read it.
    const body = parties.find((q) => q.id === s.from && !q.isPlace && q.placeId);
    if (body && PAIRING_VERBS.includes(s.phrase) && paired.has(`${body.placeId}|${s.to}`)) continue;
    // Between two places a pairing verb (援建, 对口支援, 帮扶 …) states a pairing, read above; 产业援藏 or
    // 就业援藏 between them states what one gives the other.
    if (isPlaceId(s.from) && isPlaceId(s.to) && (PAIRING_VERBS.includes(s.phrase) || paired.has(`${s.from}|${s.to}`) && !s.mode)) continue;
    const quote = text.slice(s.sentence.start, s.sentence.end);
    relationships.push({
      id: relId(s.type, s.from, s.to, s.mode ? `-${s.mode.toLowerCase().replace(/_/g, '-')}` : ''), type: s.type, from: s.from, to: s.to,
      properties: { mode: s.mode ?? 'PAIRING_ASSISTANCE' }, citations: [quote], status: 'draft',
      draft: { rule: s.rule, confidence: s.mode ? 0.6 : 0.3 },
    });
  }

  // Figures, each about the nearest thing named before it in its sentence (after it, failing that).
  const publishedYear = Number(meta.publishedAt.slice(0, 4));
  const quantities: DraftQuantity[] = [];
  const sortedParties = [...parties].sort((a, b) => a.start - b.start);
  const partiesIn = bySentence(sentences, sortedParties);
  const pairingsIn = new Map<Sentence, PairingMention[]>();
  for (const p of pairings) pairingsIn.set(p.sentence, [...(pairingsIn.get(p.sentence) ?? []), p]);
  const placesOfParagraph = new Map<number, Party[]>();
  for (const p of sortedParties) {
    const s = p.isPlace ? sentenceAt(sentences, p.start) : undefined;
    if (s) placesOfParagraph.set(s.paragraph, [...(placesOfParagraph.get(s.paragraph) ?? []), p]);
  }
  let lastBefore = -1; // the last party ending before the figure, found by walking forward (figures come in order)
  const supporters = new Map<string, Set<string>>();
  for (const p of pairings) supporters.set(p.to.id, new Set([...(supporters.get(p.to.id) ?? []), p.from.id]));
  const lastOfParagraph = new Map<number, string>();
  // The event a figure may be about: the first the text names, the same for every figure.
  const event = things.find((t) => t.kind === 'EVENT')?.id;
  for (const f of findFigures(mt, sentences, publishedYear, placeMentions, meta.publishedAt)) {
    const sentence = sentenceAt(sentences, f.start)!;
    const inSentence = partiesIn.get(sentence) ?? [];
    while (lastBefore + 1 < sortedParties.length && sortedParties[lastBefore + 1]!.end <= f.start) lastBefore++;
    // A figure after a pairing's words in its sentence is the supporter's (江苏对口支援西藏年度资金总计5.57亿元).
    const pairing = pairingsIn.get(sentence)?.find((p) => p.at < f.start && p.until === undefined);
    const reading = figureSubject({
      text: mt, figure: f, sentence, inSentence, paragraphPlaces: placesOfParagraph.get(sentence.paragraph) ?? [],
      programme: () => {
        const named = [...programmeWords(mt.slice(sentence.start, sentence.end)).counts, ...[...words.counts].map(([id, n]) => [id, n / 1000] as const)]
          .sort((a, b) => b[1] - a[1]).map(([id]) => id);
        return named.find((id) => declareProgramme(id, 'the programme a figure counts the parties or term of'));
      },
      declare: (id) => declareProgramme(id, 'the programme a figure is about'),
      supporterOf: (id) => {
        const from = supporters.get(id);
        return from?.size === 1 ? [...from][0] : undefined;
      },
      previous: lastOfParagraph.get(sentence.paragraph),
      project: [...things].reverse().find((t) => t.kind === 'PROJECT' && t.paragraph === sentence.paragraph && t.end <= f.start)?.id,
      event,
    });
    const subject = reading ?? (pairing && { id: pairing.from.id }) ?? [...inSentence].reverse().find((p) => p.end <= f.start) ?? inSentence.find((p) => p.start >= f.end) ??
      sortedParties[lastBefore] ?? sortedParties[0];
    if (!subject) continue;
    lastOfParagraph.set(sentence.paragraph, subject.id);
    quantities.push({
      id: `quantity:${meta.id}/${quantities.length + 1}`, subject: subject.id, metric: f.metric, value: f.value, unit: f.unit,
      qualifier: f.qualifier, ...(f.measure === 'CHANGE' ? { measure: 'CHANGE' as const } : {}),
      ...(f.year !== undefined ? { year: f.year } : {}), ...(f.baselineYear !== undefined ? { baselineYear: f.baselineYear } : {}),
      ...(f.since !== undefined ? { from: f.since } : {}), ...(f.asOf !== undefined ? { asOf: f.asOf } : {}),
      citations: [text.slice(sentence.start, sentence.end)], status: 'draft',
      draft: { rule: f.rule, confidence: 0.5, note: `metric guessed from the words before the figure and what it counts; subject ${reading ? `${reading.rule} (${subject.id})` : pairing ? `the supporter of the pairing the sentence states (${subject.id})` : `is the nearest name (${subject.id})`}` },
    });
  }

  return {
    source: {
      id: meta.id, title: meta.title, publisher: meta.publisher, publishedAt: meta.publishedAt,
      authors: meta.authors ?? [], language: 'zh', url: meta.url ?? null, textFile: 'source.txt',
      license: meta.license, rightsHolder: meta.rightsHolder, usageNote: meta.usageNote,
    },
    // No empty alias list in the file (YAML leaves out a missing key the same way).
    entities: [...new Set(entities.values())].map((e) => (e.aliases?.length ? e : withoutAliases(e))),
    relationships,
    quantities,
  };
}

function withoutAliases({ aliases: _none, ...rest }: DraftEntity): DraftEntity {
  return rest;
}

function entityOf(entities: Map<string, DraftEntity>, id: string): DraftEntity | undefined {
  // Keys are `place|<code>` or `<group>|<name>`: a place's id names its code, else the id is searched.
  const byCode = /:(\d+)$/u.exec(id)?.[1];
  const hit = byCode ? entities.get(`place|${byCode}`) : undefined;
  return hit?.id === id ? hit : [...entities.values()].find((x) => x.id === id);
}

/** Parties not inside a longer one (索县 in 索县人民医院 is not a party of its own), in one sweep. */
function outermost(parties: readonly Party[]): Party[] {
  const sorted = [...parties].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Party[] = [];
  let reach = -1;
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.end <= reach && !(last.start === p.start && last.end === p.end)) continue;
    out.push(p);
    reach = Math.max(reach, p.end);
  }
  return out;
}

function levelOf(entities: Map<string, DraftEntity>, id: string): string {
  const e = entityOf(entities, id);
  const kind = e && isKindLabel(e.kind) ? kindOfLabel(e.kind) : undefined;
  return kind === 'PROVINCE' || kind === 'CITY' || kind === 'TOWNSHIP' ? kind : kind === 'DISTRICT' ? 'DISTRICT' : 'INSTITUTION';
}
