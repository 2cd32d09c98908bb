/**
 * The national format of 国办公开办函〔2021〕30号 as data: sections, tables, row and column
 * labels, and the keys by which a (normalised, white-space-free) label is recognised.
 */

export interface SectionDef {
  num: number;
  /** Chinese ordinal as printed: 一 … 六. */
  ordinal: string;
  title: string;
  titleEn: string;
  /** A heading "N、…" is this section when the rest of the line matches. */
  key: RegExp;
}

export const SECTIONS: readonly SectionDef[] = [
  { num: 1, ordinal: '一', title: '总体情况', titleEn: 'Overview', key: /总体情况|总体概况|概述/ },
  { num: 2, ordinal: '二', title: '主动公开政府信息情况', titleEn: 'Proactive disclosure', key: /主动公开/ },
  {
    num: 3,
    ordinal: '三',
    title: '收到和处理政府信息公开申请情况',
    titleEn: 'Disclosure requests received and handled',
    key: /收到和处理|公开申请情况|依申请公开/,
  },
  {
    num: 4,
    ordinal: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    titleEn: 'Administrative reconsideration and litigation',
    key: /行政复议|行政诉讼/,
  },
  { num: 5, ordinal: '五', title: '存在的主要问题及改进情况', titleEn: 'Main problems and improvements', key: /存在的?主要问题|改进情况/ },
  { num: 6, ordinal: '六', title: '其他需要报告的事项', titleEn: 'Other matters', key: /其他需要报告|其他事项/ },
];

/** Table 1 (section 二): rows with their column count. No sum holds inside it. */
export interface T1RowDef {
  id: T1RowId;
  label: string;
  labelEn: string;
  key: RegExp;
  columns: readonly string[];
  columnsEn: readonly string[];
  /** Whether the cells may be decimal (the fee row, in 万元). */
  decimal: boolean;
}
export type T1RowId = 'rules' | 'normative' | 'license' | 'penalty' | 'coercion' | 'fees';

const DOC_COLS = ['本年制发件数', '本年废止件数', '现行有效件数'];
const DOC_COLS_EN = ['issued this year', 'repealed this year', 'in force'];
const DECISION = ['本年处理决定数量'];
const DECISION_EN = ['decisions this year'];

export const T1_ROWS: readonly T1RowDef[] = [
  { id: 'rules', label: '规章', labelEn: 'rules', key: /规章/, columns: DOC_COLS, columnsEn: DOC_COLS_EN, decimal: false },
  {
    id: 'normative',
    label: '行政规范性文件',
    labelEn: 'normative documents',
    key: /规范性文件/,
    columns: DOC_COLS,
    columnsEn: DOC_COLS_EN,
    decimal: false,
  },
  { id: 'license', label: '行政许可', labelEn: 'licences', key: /许可/, columns: DECISION, columnsEn: DECISION_EN, decimal: false },
  { id: 'penalty', label: '行政处罚', labelEn: 'penalties', key: /处罚/, columns: DECISION, columnsEn: DECISION_EN, decimal: false },
  { id: 'coercion', label: '行政强制', labelEn: 'enforcement', key: /强制/, columns: DECISION, columnsEn: DECISION_EN, decimal: false },
  {
    id: 'fees',
    label: '行政事业性收费',
    labelEn: 'administrative fees',
    key: /事业性收费|收费$/,
    columns: ['本年收费金额(单位:万元)'],
    columnsEn: ['fees this year (10k yuan)'],
    decimal: true,
  },
];

/** Table 2 (section 三): seven numeric columns. */
export const T2_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
export const T2_COLUMNS_EN = ['natural persons', 'businesses', 'research institutions', 'public-interest organisations', 'legal service providers', 'other organisations', 'total'] as const;
/** Cells in a table-2 row, and the index of its 总计 (the last). */
export const T2_WIDTH = T2_COLUMNS.length;
export const T2_TOTAL_COL = T2_WIDTH - 1;

/** Group of a result row: 1–7 for (一)…(七), or a top-level row. */
export type T2Group = 'new' | 'carried' | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 'next';

export interface T2RowDef {
  id: string;
  group: T2Group;
  label: string;
  labelEn: string;
  key: RegExp;
  /** For (六) only: the single row some reports print instead of 6.1–6.3. */
  mergedSix?: boolean;
}

const G = (n: number) => '(' + '一二三四五六七'[n - 1] + ')';

export const T2_GROUP_LABELS: Record<number, string> = {
  3: G(3) + '不予公开',
  4: G(4) + '无法提供',
  5: G(5) + '不予处理',
  6: G(6) + '其他处理',
};
export const T2_GROUP_LABELS_EN: Record<number, string> = {
  3: '(3) withheld',
  4: '(4) cannot be provided',
  5: '(5) not processed',
  6: '(6) otherwise handled',
};

export const T2_ROWS: readonly T2RowDef[] = [
  { id: 'new', group: 'new', label: '一、本年新收政府信息公开申请数量', labelEn: 'I. new requests this year', key: /本年新收|新收政府信息/ },
  { id: 'carried', group: 'carried', label: '二、上年结转政府信息公开申请数量', labelEn: 'II. carried over from last year', key: /上年结转/ },
  { id: '1', group: 1, label: G(1) + '予以公开', labelEn: '(1) disclosed', key: /予以公开/ },
  { id: '2', group: 2, label: G(2) + '部分公开', labelEn: '(2) partly disclosed', key: /部分公开/ },
  { id: '3.1', group: 3, label: '1.属于国家秘密', labelEn: '1. state secret', key: /国家秘密/ },
  { id: '3.2', group: 3, label: '2.其他法律行政法规禁止公开', labelEn: '2. barred by other laws', key: /禁止公开|法律行政|行政法规/ },
  { id: '3.3', group: 3, label: '3.危及“三安全一稳定”', labelEn: '3. endangers security or stability', key: /三安全|一稳定|危及/ },
  { id: '3.4', group: 3, label: '4.保护第三方合法权益', labelEn: '4. third-party rights', key: /第三方/ },
  { id: '3.5', group: 3, label: '5.属于三类内部事务信息', labelEn: '5. internal affairs', key: /内部事务/ },
  { id: '3.6', group: 3, label: '6.属于四类过程性信息', labelEn: '6. process information', key: /过程性/ },
  { id: '3.7', group: 3, label: '7.属于行政执法案卷', labelEn: '7. enforcement files', key: /执法案卷/ },
  { id: '3.8', group: 3, label: '8.属于行政查询事项', labelEn: '8. administrative enquiries', key: /行政查询/ },
  { id: '4.1', group: 4, label: '1.本机关不掌握相关政府信息', labelEn: '1. not held', key: /不掌握/ },
  { id: '4.2', group: 4, label: '2.没有现成信息需要另行制作', labelEn: '2. would have to be created', key: /没有现成|另行制作/ },
  { id: '4.3', group: 4, label: '3.补正后申请内容仍不明确', labelEn: '3. still unclear after correction', key: /补正后|仍不明确/ },
  { id: '5.1', group: 5, label: '1.信访举报投诉类申请', labelEn: '1. petitions and complaints', key: /信访|举报|投诉/ },
  { id: '5.2', group: 5, label: '2.重复申请', labelEn: '2. repeated requests', key: /重复申请/ },
  { id: '5.3', group: 5, label: '3.要求提供公开出版物', labelEn: '3. published material', key: /出版物/ },
  { id: '5.4', group: 5, label: '4.无正当理由大量反复申请', labelEn: '4. mass repeated requests', key: /大量反复|大量申请/ },
  { id: '5.5', group: 5, label: '5.要求行政机关确认或重新出具已获取信息', labelEn: '5. re-issue of obtained information', key: /重新出具|已获取信息|确认或/ },
  { id: '6.1', group: 6, label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', labelEn: '1. not corrected in time', key: /逾期不补正|不补正/ },
  { id: '6.2', group: 6, label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', labelEn: '2. fee not paid', key: /缴纳费用|收费通知/ },
  { id: '6.3', group: 6, label: '3.其他', labelEn: '3. other', key: /其他$/ },
  { id: '6', group: 6, label: G(6) + '其他处理', labelEn: '(6) otherwise handled', key: /其他处理$/, mergedSix: true },
  { id: '7', group: 7, label: G(7) + '总计', labelEn: '(7) total', key: /总计$/ },
  { id: 'next', group: 'next', label: '四、结转下年度继续办理', labelEn: 'IV. carried into next year', key: /结转下年|下年度继续/ },
];

/** Table 3 (section 四): three groups of five. */
export const T3_GROUPS = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'] as const;
export const T3_GROUPS_EN = ['reconsideration', 'litigation without reconsideration', 'litigation after reconsideration'] as const;
export const T3_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const T3_COLUMNS_EN = ['upheld', 'corrected', 'other outcome', 'pending', 'total'] as const;
/** Cells in a table-3 group, and the index of the group's 总计 (the last). */
export const T3_GROUP_WIDTH = T3_COLUMNS.length;
export const T3_TOTAL = T3_GROUP_WIDTH - 1;
export const T3_CELLS = T3_GROUPS.length * T3_GROUP_WIDTH;
