// What the article names, and how coverage is decided: a name counts as covered only when it is,
// after normalising case, width and punctuation, the whole name or a whole alias of some entity.
// A substring does not count (新疆 inside a summer camp's name, 盘锦 inside 盘锦市卫健委).
import { normalizeName } from '../../src/domain/search-keys.js';

export const ARTICLE = 'tibet-daily-2024-06-21-liaoning-nagqu';

// Every named entity of the article, as the article writes it; where the article writes a bare
// department or a generic word inside a qualifying phrase (索县人民医院医务科、护理部…, 巴青、比如、聂荣等县),
// the qualified name the graph keeps.
export const NAMED_IN_ARTICLE = [
  '辽宁', '西藏', '新疆', '那曲', '沈阳', '大连', '鞍山', '盘锦', '铁岭', '安多县', '索县', '巴青', '比如县', '聂荣', '色尼区',
  '帕那镇', '扎仁镇', '那曲镇', '扎仁镇小学', '安多县中学', '那曲市第二特殊学校', '索县中小学及幼儿园', '巴青县重点乡镇小学',
  '那曲第二高级中学', '巴青县中学', '辽宁师范大学', '沈阳师范大学', '中国医科大学', '高等学历继续教育校外教学点',
  '那曲市人民医院', '索县人民医院', '索县人民医院医务科', '索县人民医院护理部', '索县人民医院院感科', '索县人民医院妇产科',
  '索县人民医院麻醉科', '索县人民医院心内科', '索县人民医院检验科', '索县人民医院产科', '那曲市人民医院儿科ICU病房',
  '辽宁援藏工作队', '沈阳市第十批援藏工作队', '辽宁省第十批援藏干部人才', '大连市医疗人才“组团式”支援队', '大连市内7家医院',
  '大连市总工会', '辽宁省就业和人才服务中心', '那曲辽宁就业服务联络站', '安多县教育局', '盘锦市卫健委', '巴青县住房和城乡建设局',
  '巴青县住建系统', '辽宁省直相关单位', '西藏日报', '辽宁日报',
  '洛桑', '才旦卓玛', '仁青登祖', '扎西顿珠', '米玛', '王博', '于国强', '赵书彬', '万靖', '王笑梅', '王天放', '张晓琳',
  '安多县政务服务大厅', '“智慧巴青”城市智能化管理工程', '索县村级公共服务中心', '色尼区那曲镇藏北商业长廊', '巴青县扶贫电商平台',
  '安多县乡村振兴门市房及附属工程', '索县乡村振兴产业提升工程', '巴青县中学勤工俭学实践基地', '空中课堂', '大思政课一体化建设',
  '手拉手结对帮扶', '《客源援藏意向性合作协议》', '第一个重症医学科', '第一个危重孕产妇救治中心', '第一个危重儿童与新生儿救治中心',
  '第一个高原病医学研究中心', '辽宁·新疆·西藏青少年手拉手夏令营', '辽宁省就业援藏那曲高校毕业生专场招聘会', '辽洽会', '农博会',
];

/** The names of the list that no entity holds as its whole name, Chinese name or alias. */
export function missingNames(named: readonly string[], entityNames: ReadonlyArray<string | null | undefined>): string[] {
  const held = new Set(entityNames.filter((n): n is string => !!n).map(normalizeName));
  return named.filter((n) => !held.has(normalizeName(n)));
}
