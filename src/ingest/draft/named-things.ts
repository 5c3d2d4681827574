// Projects and events a text names, which figures are about: a disaster named by its place (汶川地震,
// 汶川特大地震: the event 汶川地震, its written form kept), and a built thing named as such, a name
// ending in what it is (大桥, 隧道, 水库, 电站, 公路, 大道) that starts at a name's boundary (叫新小鱼洞大桥,
// …、禹王桥等项目). They are not parties to a pairing (building a bridge pairs no one with it); they
// give figures their subject: a bridge's length and build time, a disaster's range.
export interface NamedThing {
  kind: 'PROJECT' | 'EVENT';
  start: number;
  end: number;
  /** The name the record takes (汶川地震 for 汶川特大地震), and the words the text writes. */
  name: string;
}

/** What a built thing is, ending its name. */
const BUILT = /(?<=叫|名为|称为|、|,|，|^|\s)((?:(?![叫是有的在])\p{Script=Han}){1,10}?(?:大桥|桥|隧道|水库|电站|公路|大道))(?=[,，、。;；:：\s等]|$)/gu;
/** A counted or pointed-at thing (一座大桥, 这条公路) is not a name. */
const NOT_A_NAME = /[一这那该每各][座条个项所]|^[有是在]/u;

/**
 * The projects and events of a text (its simplified copy): `places` are the place mentions, for a
 * disaster named by its place.
 */
export function findNamedThings(text: string, places: ReadonlyArray<{ start: number; end: number }>): NamedThing[] {
  const out: NamedThing[] = [];
  for (const p of places) {
    const quake = /^(特大)?地震/u.exec(text.slice(p.end));
    if (quake) out.push({ kind: 'EVENT', start: p.start, end: p.end + quake[0].length, name: `${text.slice(p.start, p.end)}地震` });
  }
  for (const m of text.matchAll(BUILT)) {
    const name = m[1]!;
    if (NOT_A_NAME.test(name) || name.length < 3) continue;
    out.push({ kind: 'PROJECT', start: m.index, end: m.index + name.length, name });
  }
  return out.sort((a, b) => a.start - b.start);
}
