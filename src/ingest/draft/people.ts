// People by the roles written next to their names: a post or description before the name
// (局长扎西顿珠, 大学生仁青登祖, 记者 赵书彬 万靖, 编辑:王天放), a title after it (习近平总书记), and
// 来自…的 (来自安多县帕那镇的洛桑). A name is two to four Chinese characters and stops at the words
// that follow names (说, 表示, 从, 在 …).
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

function nameAt(text: string, at: number): string | undefined {
  let name = '';
  for (let i = at; i < text.length && name.length < 4; i++) {
    const c = text[i]!;
    if (!HAN.test(c) || AFTER_NAME.test(c)) break;
    name += c;
  }
  return name.length >= 2 ? name : undefined;
}

export function findPeople(text: string, sentences: readonly Sentence[], notNames: (name: string) => boolean): PersonMention[] {
  const out: PersonMention[] = [];
  const push = (start: number, name: string, role: string, rule: string) => {
    if (notNames(name) || ROLES_BEFORE.some((r) => name.includes(r))) return;
    if (!sentenceAt(sentences, start)) return;
    out.push({ start, end: start + name.length, name, role, rule });
  };
  for (let i = 0; i < text.length; i++) {
    const role = ROLES_BEFORE.find((r) => text.startsWith(r, i));
    if (role) {
      let at = i + role.length;
      // 记者 赵书彬 万靖: a role may introduce several names, separated by spaces or a colon.
      for (let n = 0; n < 6; n++) {
        while (/[:： \u00a0]/u.test(text[at] ?? '')) at++;
        const name = nameAt(text, at);
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
    if (title && i >= 3) {
      const name = text.slice(i - 3, i);
      if ([...name].every((c) => HAN.test(c)) && !AFTER_NAME.test(name)) push(i - 3, name, title, `before the title ${title}`);
    }
  }
  for (const m of text.matchAll(/来自[^,，。、]{2,20}?的(\p{Script=Han}{2,4})(?=[,，。])/gu)) {
    push(m.index + m[0].length - m[1]!.length, m[1]!, '', 'after 来自…的');
  }
  return out.sort((a, b) => a.start - b.start);
}
