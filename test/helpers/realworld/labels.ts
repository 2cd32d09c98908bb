/** The printed labels of the three tables as published on the web (full-width punctuation), and the old (2019) table 1. */
import type { Values } from './doc';
import type { Rng } from './rng';

export const T2_LABEL: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried: '二、上年结转政府信息公开申请数量',
  '1': '（一）予以公开',
  '2': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '3.1': '1.属于国家秘密',
  '3.2': '2.其他法律行政法规禁止公开',
  '3.3': '3.危及“三安全一稳定”',
  '3.4': '4.保护第三方合法权益',
  '3.5': '5.属于三类内部事务信息',
  '3.6': '6.属于四类过程性信息',
  '3.7': '7.属于行政执法案卷',
  '3.8': '8.属于行政查询事项',
  '4.1': '1.本机关不掌握相关政府信息',
  '4.2': '2.没有现成信息需要另行制作',
  '4.3': '3.补正后申请内容仍不明确',
  '5.1': '1.信访举报投诉类申请',
  '5.2': '2.重复申请',
  '5.3': '3.要求提供公开出版物',
  '5.4': '4.无正当理由大量反复申请',
  '5.5': '5.要求行政机关确认或重新出具已获取信息',
  '6.1': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '6.2': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '6.3': '3.其他',
  '6': '（六）其他处理',
  '7': '（七）总计',
  next: '四、结转下年度继续办理',
};

/** The label of the merged cell (rowspan) printed before the first row of a group. */
export const T2_GROUP: Record<string, string> = {
  '1': '三、本年度办理结果',
  '3.1': '（三）不予公开',
  '4.1': '（四）无法提供',
  '5.1': '（五）不予处理',
  '6.1': '（六）其他处理',
};

export const T2_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T2_COLS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
export const T3_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export interface T1Block {
  head: string;
  cols: string[];
  rows: [string, string[]][];
}

/** Table 1 of the current format (国办公开办函〔2021〕30号). */
export function t1Blocks(v: Values['t1'], normativeLabel = '行政规范性文件'): T1Block[] {
  const g = (id: keyof Values['t1'], n: number) => v[id] ?? Array<string>(n).fill('0');
  return [
    {
      head: '第二十条第（一）项',
      cols: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        ['规章', g('rules', 3)],
        [normativeLabel, g('normative', 3)],
      ],
    },
    { head: '第二十条第（五）项', cols: ['信息内容', '本年处理决定数量'], rows: [['行政许可', g('license', 1)]] },
    {
      head: '第二十条第（六）项',
      cols: ['信息内容', '本年处理决定数量'],
      rows: [
        ['行政处罚', g('penalty', 1)],
        ['行政强制', g('coercion', 1)],
      ],
    },
    { head: '第二十条第（八）项', cols: ['信息内容', '本年收费金额（单位：万元）'], rows: [['行政事业性收费', g('fees', 1)]] },
  ];
}

/**
 * Table 1 of the 2019 format (国办公开办函〔2019〕60号), as published for 2019 and 2020: items
 * made / published / total for rules and normative documents, project counts with their yearly
 * change for licences, penalties, enforcement and fees, and government procurement (第（九）项).
 */
export function oldT1Blocks(v: Values['t1'], rng: Rng): T1Block[] {
  const g = (id: keyof Values['t1'], n: number) => v[id] ?? Array<string>(n).fill('0');
  const [ri, , rt] = g('rules', 3);
  const [ni, , nt] = g('normative', 3);
  const delta = () => rng.pick(['0', '0', `+${rng.int(1, 9)}`, `-${rng.int(1, 5)}`, `${rng.int(1, 20)}`]);
  const count = () => String(rng.int(0, 400));
  return [
    {
      head: '第二十条第（一）项',
      cols: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        ['规章', [ri, ri, rt]],
        ['规范性文件', [ni, ni, nt]],
      ],
    },
    {
      head: '第二十条第（五）项',
      cols: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        ['行政许可', [count(), delta(), g('license', 1)[0]]],
        ['其他对外管理服务事项', [count(), delta(), count()]],
      ],
    },
    {
      head: '第二十条第（六）项',
      cols: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        ['行政处罚', [count(), delta(), g('penalty', 1)[0]]],
        ['行政强制', [count(), delta(), g('coercion', 1)[0]]],
      ],
    },
    { head: '第二十条第（八）项', cols: ['信息内容', '上一年项目数量', '本年增/减'], rows: [['行政事业性收费', [String(rng.int(0, 60)), delta()]]] },
    {
      head: '第二十条第（九）项',
      cols: ['信息内容', '采购项目数量', '采购总金额'],
      rows: [['政府集中采购', [String(rng.int(0, 300)), rng.pick([`${rng.int(10, 99999)}.${rng.int(10, 99)}元`, `${rng.int(1, 9999)}万元`, String(rng.int(100, 99999))])]]],
    },
  ];
}

/** Table 2 values as rows in print order; `merge` folds 6.1–6.3 into the single (六) row of the 2019 format. */
export function t2Rows(v: Values, merge = false): { id: string; cells: number[] }[] {
  const rows: { id: string; cells: number[] }[] = [];
  for (const id of v.t2ids) {
    if (merge && /^6\.\d$/.test(id)) {
      if (id === '6.1') rows.push({ id: '6', cells: [0, 1, 2, 3, 4, 5, 6].map((c) => ['6.1', '6.2', '6.3'].reduce((a, k) => a + (v.t2[k]?.[c] ?? 0), 0)) });
      continue;
    }
    rows.push({ id, cells: v.t2[id] });
  }
  return rows;
}
