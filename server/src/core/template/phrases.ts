/**
 * Narrative phrases and the table cells they restate, as data: a new wording is one line.
 * `before` is matched against the clause that precedes a figure (white space and quotes removed,
 * normalised), `after` against the text right after its unit. First match wins, so the more
 * specific phrases come first. FILL stands for filler words between a phrase and its figure.
 */
import type { T1RowId } from './format';
import type { Msg } from '../types';

export type Target =
  | { table: 1; row: T1RowId; col: number }
  /** Rows are row ids, or g3…g6 for all sub-rows of a group (or the merged (六) row). */
  | { table: 2; rows: string[]; col: number }
  | { table: 3; groups: number[]; col: number };

/** What earlier figures of the sentence established (table-3 group, table-1 row). */
export interface PhraseContext {
  t3?: number[];
  t1?: 'normative' | 'rules';
  /** Whether the figure is directly followed by "(含上年结转…)". */
  includesCarried: boolean;
  clause: string;
}

export interface Phrase {
  id: string;
  before?: RegExp;
  after?: RegExp;
  /** Clauses that look alike but mean something else. */
  unless?: RegExp;
  /** The whole sentence must match (e.g. be about disclosure requests). */
  requires?: RegExp;
  units: RegExp;
  name: Msg;
  target: (m: RegExpExecArray, ctx: PhraseContext) => Target | undefined;
  /**
   * Other readings of the same words, tried when the first does not match: "受理申请749件" may
   * count new requests only or new plus carried-over ones. A figure is wrong only if it fits none.
   */
  readings?: (t: Target, ctx: PhraseContext) => Target[];
  /** Powers of ten between the table's unit and the figure's (4: table in 万元, figure in 元). */
  tableScale?: number;
  /** Context this phrase establishes for later figures of the same sentence. */
  sets?: (t: Target, ctx: PhraseContext) => void;
}

const FILL = '(?:的|共|共计|总计|合计|累计|总量|总数|总共|一共|数量|数|达到|达|为|是|计|有)*';
const re = (s: string) => new RegExp(s.replace(/FILL/g, FILL));
const COUNT = /^(?:件|条|个|宗|起|例|项|次)$/;
const DOCS = /^(?:件|个|份|部|项|篇)$/;

const T3_COL: Record<string, number> = { 维持: 0, 纠正: 1, 纠错: 1, 其他: 2, 尚未审结: 3, 未审结: 3 };
const t2 = (rows: string[], col = 6) => ({ table: 2 as const, rows, col });

export const PHRASES: readonly Phrase[] = [
  // Table 3: outcomes listed after a reconsideration or litigation total.
  {
    id: 't3-outcome',
    before: re('^(?:其中)?(?:结果)?(维持|纠正|纠错|其他|尚未审结|未审结)(?:结果)?(?:的)?FILL$'),
    units: COUNT,
    name: { zh: '复议/诉讼结果', en: 'review outcome' },
    target: (m, ctx) => (ctx.t3 ? { table: 3, groups: ctx.t3, col: T3_COL[m[1]] } : undefined),
  },
  {
    id: 't3-reconsideration',
    before: re('行政复议(?:案件|申请)?FILL$'),
    units: COUNT,
    name: { zh: '行政复议', en: 'administrative reconsideration' },
    target: () => ({ table: 3, groups: [0], col: 4 }),
    sets: (t, ctx) => (ctx.t3 = (t as { groups: number[] }).groups),
  },
  {
    // "有1件涉及政府信息公开工作的行政复议": the subject comes after the figure.
    id: 't3-reconsideration-after',
    after: /^(?:(?:涉及|关于|因)[^,;。]{0,16}?)?行政复议(?:案件|申请)?$/,
    units: COUNT,
    name: { zh: '行政复议', en: 'administrative reconsideration' },
    target: () => ({ table: 3, groups: [0], col: 4 }),
    sets: (t, ctx) => (ctx.t3 = (t as { groups: number[] }).groups),
  },
  {
    id: 't3-litigation-after',
    after: /^(?:(?:涉及|关于|因)[^,;。]{0,16}?)?行政诉讼(?:案件)?$/,
    units: COUNT,
    name: { zh: '行政诉讼', en: 'administrative litigation' },
    target: () => ({ table: 3, groups: [1, 2], col: 4 }),
    sets: (t, ctx) => (ctx.t3 = (t as { groups: number[] }).groups),
  },
  {
    id: 't3-litigation',
    before: re('行政诉讼(?:案件)?FILL$'),
    units: COUNT,
    name: { zh: '行政诉讼', en: 'administrative litigation' },
    target: (_m, ctx) => ({ table: 3, groups: /未经复议|直接起诉/.test(ctx.clause) ? [1] : /复议后/.test(ctx.clause) ? [2] : [1, 2], col: 4 }),
    sets: (t, ctx) => (ctx.t3 = (t as { groups: number[] }).groups),
  },
  // Table 2.
  {
    id: 't2-carried-after',
    after: /^为?(?:上年度?|去年)结转/,
    units: COUNT,
    name: { zh: '上年结转', en: 'carried over from last year' },
    target: () => t2(['carried']),
  },
  {
    id: 't2-next-after',
    after: /^(?:顺延|结转|转入)(?:至|到)?下一?年度?/,
    units: COUNT,
    name: { zh: '结转下年度', en: 'carried into next year' },
    target: () => t2(['next']),
  },
  {
    id: 't2-carried',
    before: re('(?:上年度?|去年)结转(?:办理|申请|的申请|政府信息公开申请)*件?FILL$'),
    units: COUNT,
    name: { zh: '上年结转', en: 'carried over from last year' },
    target: () => t2(['carried']),
  },
  {
    id: 't2-next',
    before: re('(?:结转|转入|转)(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:答复)?(?:的)?FILL$'),
    units: COUNT,
    name: { zh: '结转下年度', en: 'carried into next year' },
    target: () => t2(['next']),
  },
  {
    id: 't2-received',
    before: re('(?:收到|受理|接收|新收|共收)[^,;]*?(?:申请|申请件|依申请公开件?)FILL$'),
    unless: /行政复议|行政诉讼|信访|建议|提案/,
    units: COUNT,
    name: { zh: '收到申请', en: 'requests received' },
    target: (_m, ctx) => (ctx.includesCarried ? t2(['new', 'carried']) : t2(['new'])),
    readings: (t) => (t.table === 2 && t.rows.length === 1 ? [t, t2(['new', 'carried'])] : [t]),
  },
  {
    // "予以公开及部分公开42件": both rows together.
    id: 't2-disclosed-and-partly',
    before: re('(?:予以公开|全部公开|同意公开)(?:答复)?(?:和|及|与|、|以及)部分公开(?:答复)?(?:的|类|申请)?FILL$'),
    units: COUNT,
    name: { zh: '予以公开及部分公开', en: 'disclosed in full or in part' },
    target: () => t2(['1', '2']),
  },
  { id: 't2-partly', before: re('部分公开(?:答复)?(?:的|类|申请)?FILL$'), units: COUNT, name: { zh: '部分公开', en: 'partly disclosed' }, target: () => t2(['2']) },
  { id: 't2-withheld', before: re('不予公开(?:答复)?(?:的|类|申请)?FILL$'), units: COUNT, name: { zh: '不予公开', en: 'withheld' }, target: () => t2(['g3']) },
  { id: 't2-disclosed', before: re('(?:予以公开|同意公开)(?:答复)?(?:的|类|申请)?FILL$'), units: COUNT, name: { zh: '予以公开', en: 'disclosed' }, target: () => t2(['1']) },
  { id: 't2-unavailable', before: re('无法提供(?:答复)?(?:的|类|申请)?FILL$'), units: COUNT, name: { zh: '无法提供', en: 'cannot be provided' }, target: () => t2(['g4']) },
  { id: 't2-not-processed', before: re('不予处理(?:答复)?(?:的|类|申请)?FILL$'), units: COUNT, name: { zh: '不予处理', en: 'not processed' }, target: () => t2(['g5']) },
  {
    id: 't2-other',
    before: re('(?:其他处理|其他情形)(?:答复)?(?:的|类|申请)?FILL$'),
    units: COUNT,
    name: { zh: '其他处理', en: 'otherwise handled' },
    target: () => t2(['g6']),
  },
  {
    id: 't2-concluded',
    before: re('(?:办结|答复|已办结|办理完毕|处理完毕|已答复)(?:了)?(?:政府信息公开申请|依申请公开申请|申请|依申请公开件?)?FILL$'),
    unless: /率|信箱|来信|热线|工单|咨询|建议|提案|公开答复|不予|部分|无法|其他处理|转下|结转/,
    requires: /申请/,
    units: COUNT,
    name: { zh: '办结', en: 'requests concluded' },
    target: () => t2(['7']),
  },
  {
    // "全年办理政府信息公开申请218件": handled may be the total concluded or everything received.
    id: 't2-handled',
    before: re('(?:共|全年|累计|本年度?)?办理(?:了)?(?:政府信息公开申请|依申请公开申请|依申请公开件?|申请)?FILL$'),
    unless: /率|信箱|来信|热线|工单|咨询|建议|提案|行政复议|行政诉讼|许可|处罚|强制|审批|事项/,
    requires: /申请/,
    units: COUNT,
    name: { zh: '办理申请', en: 'requests handled' },
    target: () => t2(['7']),
    readings: (t) => [t, t2(['new', 'carried']), t2(['new'])],
  },
  // Table 1: normative documents and rules; 废止 / 现行有效 without a noun take the sentence's topic.
  {
    id: 't1-issued',
    before: re('(?:制发|印发|出台|制定|发布|新增|公开|主动公开|起草)[^,;]*?(行政规范性文件|规范性文件|规章)FILL$'),
    unless: /废止|失效|现行有效|清理|备案/,
    units: DOCS,
    name: { zh: '本年制发', en: 'issued this year' },
    target: (m) => ({ table: 1, row: m[1] === '规章' ? 'rules' : 'normative', col: 0 }),
    sets: (t, ctx) => (ctx.t1 = (t as { row: 'rules' | 'normative' }).row),
  },
  {
    id: 't1-repealed',
    before: re('(?:废止|宣布失效)(?:了)?(行政规范性文件|规范性文件|规章)?FILL$'),
    units: DOCS,
    name: { zh: '本年废止', en: 'repealed this year' },
    target: (m, ctx) => {
      const row = m[1] ? (m[1] === '规章' ? 'rules' : 'normative') : ctx.t1;
      return row ? { table: 1, row, col: 1 } : undefined;
    },
  },
  {
    id: 't1-in-force',
    before: re('现行有效(?:的)?(行政规范性文件|规范性文件|规章)?FILL$'),
    units: DOCS,
    name: { zh: '现行有效', en: 'in force' },
    target: (m, ctx) => {
      const row = m[1] ? (m[1] === '规章' ? 'rules' : 'normative') : ctx.t1;
      return row ? { table: 1, row, col: 2 } : undefined;
    },
  },
  {
    id: 't1-decisions',
    before: re('(?:作出|办理|办结|实施)?(行政许可|行政处罚|行政强制)(?:决定|案件|措施)?FILL$'),
    unless: /事项|清单|目录|裁量|标准/,
    units: /^(?:件|宗|起|个)$/,
    name: { zh: '处理决定', en: 'decisions' },
    target: (m) => ({ table: 1, row: m[1] === '行政许可' ? 'license' : m[1] === '行政处罚' ? 'penalty' : 'coercion', col: 0 }),
  },
  {
    id: 't1-fees',
    before: re('行政事业性收费(?:金额)?FILL$'),
    units: /^元$/,
    name: { zh: '行政事业性收费', en: 'administrative fees' },
    target: () => ({ table: 1, row: 'fees', col: 0 }),
    // The table is in 万元; narrative figures are in 元 once their 万 is applied.
    tableScale: 4,
  },
];
