// People by the roles written next to their names: a post or description before the name
// (局长扎西顿珠, 大学生仁青登祖, 记者 赵书彬 万靖, 编辑:王天放), a title after it (习近平总书记), and
// 来自…的 (来自安多县帕那镇的洛桑). A name is two to four Chinese characters and stops at the words
// that follow names (说, 表示, 从, 在 …); where jieba reads a person's name (nr) at the spot, its
// length is jieba's (林涛 of 林涛信心十足). Also: credit lines (记者/叶蓓蓓 拉萨台/谢蕍 小拉姆次仁), 杨先生
// (a surname and 先生 or 女士), and a name the text repeats that jieba does not know (夏时勇 … 夏时勇).
import { tokensOf, type Token } from './segment.js';
import type { Sentence } from './text.js';
import { sentenceAt } from './text.js';

/** Roles written before a name, longest first. */
const ROLES_BEFORE = [
  '责任编辑', '常务副市长', '党组书记', '党委书记', '副书记', '书记', '副局长', '局长', '副院长', '院长', '副校长', '校长', '副市长', '市长',
  '副县长', '县长', '主任', '队长', '领队', '记者', '编辑', '大学生', '毕业生', '队员', '教师', '医生', '专家', '姑娘', '小伙', '干部',
  '董事长', '总经理', '经理', '处长', '科长', '部长', '主席', '村民', '牧民', '学生',
].sort((a, b) => b.length - a.length);
/** Titles written after a name. */
const TITLES_AFTER = ['总书记', '同志', '先生', '女士'];
/** What follows a name in running text: the name ends before it. */
const AFTER_NAME = /[说表从在有是的和与了相等到向把被为将对就也都又称介讲]/u;
const HAN = /\p{Script=Han}/u;
/**
 * A name next to a role starts with a common surname or a common Tibetan name (扎西, 洛桑, 卓玛 …):
 * without it, 干部人才交流 or 牧民心坎上 would read as names. Both lists are general, not this
 * article's: the ~200 most common Han surnames and the most common Tibetan name elements.
 */
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝']);
const TIBETAN_NAMES = ['扎西', '洛桑', '米玛', '才旦', '仁青', '次仁', '格桑', '达瓦', '尼玛', '平措', '索朗', '旦增', '白玛', '央金', '卓玛', '德吉',
  '拉巴', '普布', '边巴', '多吉', '顿珠', '强巴', '次旦', '巴桑', '贡嘎', '嘎玛', '土登', '丹增', '阿旺', '益西', '曲珍', '拉姆', '桑珠', '朗杰',
  '群培', '琼达', '加措', '仁增', '次珍', '旺堆', '欧珠', '晋美', '措姆', '罗布', '洛布', '索南', '达娃', '尼珍', '扎桑', '次央'];
const looksLikeName = (n: string) => SURNAMES.has(n[0]!) || TIBETAN_NAMES.some((t) => n.startsWith(t));

export interface PersonMention {
  start: number;
  end: number;
  name: string;
  role: string;
  rule: string;
}

function nameAt(text: string, at: number, tokenAt?: ReadonlyArray<Token | undefined>): string | undefined {
  const t = tokenAt?.[at];
  // jieba's person names (nr), and the new words its HMM found (x) that start with a surname: 刘淇 of 刘淇带领.
  if (t && t.start === at && (/^nr/u.test(t.tag) || t.tag === 'x' && SURNAMES.has(t.word[0]!)) && t.word.length >= 2 && t.word.length <= 4 && [...t.word].every((c) => HAN.test(c))) return t.word;
  let name = '';
  for (let i = at; i < text.length && name.length < 4; i++) {
    const c = text[i]!;
    if (!HAN.test(c) || AFTER_NAME.test(c)) break;
    name += c;
  }
  return name.length >= 2 ? name : undefined;
}

/** A credit line's roles: 记者/, 编辑:, 拉萨台/ (a station or paper crediting its reporters). */
const CREDIT = /(记者|编辑|责任编辑|摄影|通讯员|摄|\p{Script=Han}{1,6}(?:台|社|报))\s*[/／]\s*/gu;

export function findPeople(text: string, sentences: readonly Sentence[], notNames: (name: string) => boolean, given?: readonly Token[]): PersonMention[] {
  const out: PersonMention[] = [];
  const tokens = given ?? tokensOf(text);
  const tokenAt = new Array<Token | undefined>(text.length);
  for (const t of tokens) for (let i = t.start; i < t.end; i++) tokenAt[i] = t;
  const push = (start: number, name: string, role: string, rule: string) => {
    if (notNames(name) || ROLES_BEFORE.some((r) => name.includes(r))) return;
    if (!sentenceAt(sentences, start)) return;
    if (out.some((o) => o.start === start)) return;
    out.push({ start, end: start + name.length, name, role, rule });
  };
  // Credit lines: every name after a credit, space after space, whatever its surname.
  for (const m of text.matchAll(CREDIT)) {
    let at = m.index + m[0].length;
    for (let n = 0; n < 8; n++) {
      const chunk = /^\p{Script=Han}{2,5}/u.exec(text.slice(at));
      if (!chunk || /^\s*[/／]/u.test(text.slice(at + chunk[0].length)) || ROLES_BEFORE.includes(chunk[0])) break;
      push(at, chunk[0], m[1]!, `in a credit line after ${m[1]}/`);
      const gap = /^[ \u00a0\u3000]+/u.exec(text.slice(at + chunk[0].length));
      if (!gap) break;
      at += chunk[0].length + gap[0].length;
    }
  }
  for (let i = 0; i < text.length; i++) {
    const role = ROLES_BEFORE.find((r) => text.startsWith(r, i));
    if (role) {
      let at = i + role.length;
      // 记者 赵书彬 万靖: a role may introduce several names, separated by spaces or a colon.
      for (let n = 0; n < 6; n++) {
        while (/[:： \u00a0]/u.test(text[at] ?? '')) at++;
        const name = nameAt(text, at, tokenAt);
        if (!name) break;
        const next = text[at + name.length] ?? '';
        if (!looksLikeName(name)) break;
        push(at, name, role, `after the role ${role}`);
        if (!/[ \u00a0]/u.test(next)) break;
        at += name.length;
      }
      i += role.length - 1;
      continue;
    }
    const title = TITLES_AFTER.find((t) => text.startsWith(t, i));
    if (title && (title === '先生' || title === '女士')) {
      // 杨先生: a surname and the title are how the text names the person.
      if (i >= 1 && SURNAMES.has(text[i - 1]!)) push(i - 1, text.slice(i - 1, i + 2), title, `a surname before ${title}`);
    } else if (title && i >= 2) {
      const before = tokenAt[i - 1];
      const name = before && /^nr/u.test(before.tag) && before.end === i && before.word.length >= 2 ? before.word : i >= 3 ? text.slice(i - 3, i) : '';
      if (name && [...name].every((c) => HAN.test(c)) && !AFTER_NAME.test(name)) push(i - name.length, name, title, `before the title ${title}`);
    }
  }
  for (const m of text.matchAll(/来自[^,，。、]{2,20}?的(\p{Script=Han}{2,4})(?=[,，。])/gu)) {
    push(m.index + m[0].length - m[1]!.length, m[1]!, '', 'after 来自…的');
  }
  // 夏时勇 … 夏时勇: a new word jieba's HMM found (x), from a common surname, two to four characters,
  // standing as a word of its own twice in the text — a name the dictionary does not know.
  const seen = new Map<string, number[]>();
  for (const t of tokens) {
    if (t.tag !== 'x' || t.word.length < 2 || t.word.length > 4 || !SURNAMES.has(t.word[0]!) || ![...t.word].every((c) => HAN.test(c))) continue;
    seen.set(t.word, [...(seen.get(t.word) ?? []), t.start]);
  }
  // …and once at least where a clause starts (,夏时勇做…): 王桥 of 禹王桥 or 包科 of 以院包科 never is.
  for (const [w, at] of seen) {
    if (at.length >= 2 && at.some((i) => !HAN.test(text[i - 1] ?? ''))) push(at[0]!, w, '', 'a name the text repeats (jieba does not know it)');
  }
  return out.sort((a, b) => a.start - b.start);
}
