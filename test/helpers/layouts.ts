/**
 * Renders the three national tables, from plain numbers, in every layout users paste: one cell
 * per line with pipes, pipe-separated rows, one cell per line with blank lines, tab-separated
 * rows, Markdown tables, and PDF text (space-separated, labels broken, page markers).
 */

export interface TableValues {
  /** rules, normative: [issued, repealed, in force]; others one number (fees may be decimal). */
  t1: { rules: number[]; normative: number[]; license: number; penalty: number; coercion: number; fees: string };
  /** Row id → seven numbers (see T2_IDS). */
  t2: Record<string, number[]>;
  /** 15 numbers. */
  t3: number[];
}

export type Layout = 'pipe-cells' | 'pipe-rows' | 'blank-lines' | 'tabs' | 'markdown' | 'pdf';
export const LAYOUTS: Layout[] = ['pipe-cells', 'pipe-rows', 'blank-lines', 'tabs', 'markdown', 'pdf'];

export const T2_IDS = ['new', 'carried', '1', '2', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '5.4', '5.5', '6.1', '6.2', '6.3', '7', 'next'];

export const T2_LABELS: Record<string, [string | null, string]> = {
  new: [null, '一、本年新收政府信息公开申请数量'],
  carried: [null, '二、上年结转政府信息公开申请数量'],
  '1': ['三、本年度办理结果', '(一)予以公开'],
  '2': [null, '(二)部分公开(区分处理的,只计这一情形,不计其他情形)'],
  '3.1': ['(三)不予公开', '1.属于国家秘密'],
  '3.2': [null, '2.其他法律行政法规禁止公开'],
  '3.3': [null, '3.危及“三安全一稳定”'],
  '3.4': [null, '4.保护第三方合法权益'],
  '3.5': [null, '5.属于三类内部事务信息'],
  '3.6': [null, '6.属于四类过程性信息'],
  '3.7': [null, '7.属于行政执法案卷'],
  '3.8': [null, '8.属于行政查询事项'],
  '4.1': ['(四)无法提供', '1.本机关不掌握相关政府信息'],
  '4.2': [null, '2.没有现成信息需要另行制作'],
  '4.3': [null, '3.补正后申请内容仍不明确'],
  '5.1': ['(五)不予处理', '1.信访举报投诉类申请'],
  '5.2': [null, '2.重复申请'],
  '5.3': [null, '3.要求提供公开出版物'],
  '5.4': [null, '4.无正当理由大量反复申请'],
  '5.5': [null, '5.要求行政机关确认或重新出具已获取信息'],
  '6.1': ['(六)其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  '6.2': [null, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  '6.3': [null, '3.其他'],
  '7': [null, '(七)总计'],
  next: [null, '四、结转下年度继续办理'],
};

export const T2_HEAD = [
  '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
  '申请人情况',
  '自然人',
  '法人或其他组织',
  '总计',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
];
export const T3_HEAD = [
  '行政复议',
  '行政诉讼',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
  '总计',
  '未经复议直接起诉',
  '复议后起诉',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
  '总计',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
  '总计',
];

export interface Row {
  labels: string[];
  numbers: string[];
}

export function t1Rows(v: TableValues['t1']): Row[] {
  const s = (xs: (number | string)[]) => xs.map(String);
  return [
    { labels: ['第二十条第(一)项'], numbers: [] },
    { labels: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], numbers: [] },
    { labels: ['规章'], numbers: s(v.rules) },
    { labels: ['行政规范性文件'], numbers: s(v.normative) },
    { labels: ['第二十条第(五)项'], numbers: [] },
    { labels: ['信息内容', '本年处理决定数量'], numbers: [] },
    { labels: ['行政许可'], numbers: s([v.license]) },
    { labels: ['第二十条第(六)项'], numbers: [] },
    { labels: ['信息内容', '本年处理决定数量'], numbers: [] },
    { labels: ['行政处罚'], numbers: s([v.penalty]) },
    { labels: ['行政强制'], numbers: s([v.coercion]) },
    { labels: ['第二十条第(八)项'], numbers: [] },
    { labels: ['信息内容', '本年收费金额(单位:万元)'], numbers: [] },
    { labels: ['行政事业性收费'], numbers: [v.fees] },
  ];
}

export function t2Rows(v: TableValues['t2'], mergedSix: boolean): Row[] {
  const rows: Row[] = [{ labels: T2_HEAD, numbers: [] }];
  for (const id of T2_IDS) {
    if (mergedSix && /^6\./.test(id)) {
      if (id === '6.1') {
        const sum = [0, 1, 2, 3, 4, 5, 6].map((c) => v['6.1'][c] + v['6.2'][c] + v['6.3'][c]);
        rows.push({ labels: ['(六)其他处理'], numbers: sum.map(String) });
      }
      continue;
    }
    const [group, label] = T2_LABELS[id];
    rows.push({ labels: group ? [group, label] : [label], numbers: v[id].map(String) });
  }
  return rows;
}

export function t3Rows(v: number[]): Row[] {
  return [
    { labels: T3_HEAD, numbers: [] },
    { labels: [], numbers: v.map(String) },
  ];
}

/** Breaks a label like a PDF text layer does: every ~7 characters a line break, sometimes a space. */
function pdfBreak(label: string): string {
  if (label.length <= 8) return label;
  const parts: string[] = [];
  for (let i = 0; i < label.length; i += 7) parts.push(label.slice(i, i + 7));
  return parts.join('\n');
}

export function render(rows: Row[], layout: Layout, page: { n: number }): string {
  const out: string[] = [];
  rows.forEach((r, i) => {
    switch (layout) {
      case 'pipe-cells':
        for (const c of [...r.labels, ...r.numbers]) out.push(`${c} |`);
        out.push(i % 2 ? '||' : '|||');
        break;
      case 'pipe-rows':
        out.push([...r.labels, ...r.numbers].join(' | ') + ' | ||');
        break;
      case 'blank-lines':
        for (const c of [...r.labels, ...r.numbers]) out.push(c, '');
        break;
      case 'tabs':
        out.push([...r.labels, ...r.numbers].join('\t'));
        break;
      case 'markdown': {
        const cells = [...r.labels, ...r.numbers];
        out.push('| ' + cells.join(' | ') + ' |');
        if (i === 0) out.push('|' + cells.map(() => '---').join('|') + '|');
        break;
      }
      case 'pdf': {
        const label = r.labels.map(pdfBreak).join('\n');
        if (r.numbers.length) out.push((label ? label + ' ' : '') + r.numbers.join(' '));
        else out.push(label);
        if (i % 9 === 8) out.push(`- ${++page.n} -`);
        break;
      }
    }
  });
  return out.join('\n');
}

export interface ReportParts {
  title: string;
  narrative: string;
  values: TableValues;
  layout: Layout;
  mergedSix?: boolean;
  eol?: '\n' | '\r\n';
}

/** A whole report: title, six sections, the three tables in the chosen layout. */
export function renderReport(p: ReportParts): string {
  const page = { n: 1 };
  const text = [
    p.title,
    '一、总体情况',
    p.narrative,
    '二、主动公开政府信息情况',
    render(t1Rows(p.values.t1), p.layout, page),
    '三、收到和处理政府信息公开申请情况',
    render(t2Rows(p.values.t2, !!p.mergedSix), p.layout, page),
    '四、政府信息公开行政复议、行政诉讼情况',
    render(t3Rows(p.values.t3), p.layout, page),
    '五、存在的主要问题及改进情况',
    '一是政策解读形式还不够丰富;二是基层公开队伍力量薄弱。下一步将加强培训。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '',
  ].join('\n');
  return p.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text;
}

/** A consistent set of values (the example county's), for tests to perturb. */
export function sampleValues(): TableValues {
  const z = () => [0, 0, 0, 0, 0, 0, 0];
  const t2: Record<string, number[]> = {};
  for (const id of T2_IDS) t2[id] = z();
  Object.assign(t2, {
    new: [120, 15, 0, 1, 3, 2, 141],
    carried: [4, 1, 0, 0, 0, 0, 5],
    '1': [70, 9, 0, 1, 2, 1, 83],
    '2': [10, 2, 0, 0, 0, 0, 12],
    '3.2': [1, 0, 0, 0, 0, 0, 1],
    '3.4': [2, 0, 0, 0, 0, 0, 2],
    '3.5': [3, 0, 0, 0, 0, 0, 3],
    '3.6': [1, 0, 0, 0, 0, 0, 1],
    '3.8': [2, 0, 0, 0, 0, 0, 2],
    '4.1': [15, 2, 0, 0, 1, 0, 18],
    '4.2': [3, 0, 0, 0, 0, 0, 3],
    '4.3': [1, 0, 0, 0, 0, 0, 1],
    '5.1': [4, 0, 0, 0, 0, 0, 4],
    '5.2': [2, 0, 0, 0, 0, 0, 2],
    '5.5': [1, 0, 0, 0, 0, 0, 1],
    '6.1': [2, 0, 0, 0, 0, 0, 2],
    '6.3': [1, 1, 0, 0, 0, 0, 2],
    '7': [118, 14, 0, 1, 3, 1, 137],
    next: [6, 2, 0, 0, 0, 1, 9],
  });
  return {
    t1: { rules: [0, 0, 0], normative: [12, 3, 86], license: 5621, penalty: 1342, coercion: 57, fees: '1286.45' },
    t2,
    t3: [2, 1, 0, 1, 4, 1, 0, 1, 0, 2, 0, 0, 0, 1, 1],
  };
}
