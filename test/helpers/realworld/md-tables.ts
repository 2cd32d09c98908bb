/**
 * The three tables as a PDF→Markdown converter leaves them (shanghai_kewei_2024.txt, and the
 * 2025 上海市人民政府办公厅 report): header words chopped over several text lines and a stray
 * header row, the table cut into many small Markdown tables (each one's first row taken as its
 * header), rows that lost their label (the label printed outside, broken over lines, mixed with
 * pieces of the merged group label), two rows merged into one of 14 numbers, trailing empty cells.
 */
import type { Values } from './doc';
import { T2_GROUP, T2_LABEL, t1Blocks, t2Rows } from './labels';
import type { Rng } from './rng';
import { chop, wrap } from './text';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const sep = (n: number) => '|' + '---|'.repeat(n);

/** Table 1; `pulled` when cells with a note were pulled out of the table (its numbers can no longer be placed). */
export function mdTable1(v: Values['t1'], rng: Rng): { lines: string[]; pulled: boolean } {
  const blocks = t1Blocks(v, rng.chance(0.5) ? '规范性文件' : '行政规范性文件');
  const perBlock = rng.chance(0.3);
  // Like the 2025 上海市政府办公厅 report: a cell with a note ("22（其中修订 16 件）") is printed as
  // loose lines under the block heading, its row keeps only the other two numbers.
  const pull = rng.chance(0.25) ? [rng.int(0, 1), rng.int(0, 1)] : undefined;
  const notes = ['（其中修订 {n} 件）', '（含自然失效 {n} 件）', '（其中新制定 {n} 件）'];
  const loose: string[] = [];
  const rows = blocks[0].rows.map(([l, xs], r): [string, string[]] => {
    if (!pull || (r === 1 && pull[0] === pull[1])) return [l, xs];
    const c = r === 0 ? pull[0] : 1 - pull[0];
    loose.push(xs[c], rng.pick(notes).replace('{n}', String(rng.int(1, 30))));
    return [l, xs.filter((_, k) => k !== c)];
  });
  if (perBlock) {
    // One small table per block under its own heading.
    const tables = blocks.flatMap((b, i) => [`### ${b.head}`, ...(i === 0 ? loose : []), row(b.cols), sep(b.cols.length), ...(i === 0 ? rows : b.rows).map(([l, xs]) => row([l, ...xs])), '']);
    return { lines: tables, pulled: !!pull };
  }
  // The first block's table is moved after the others, whose rows stay plain text "行政许可 97".
  const out = [blocks[0].head, ...loose];
  for (const b of blocks.slice(1)) out.push(b.head, b.cols.join(''), ...b.rows.map(([l, xs]) => `${l} ${xs.join(' ')}`));
  out.push('## 表二：主动公开政府信息情况', row(blocks[0].cols), sep(4), ...rows.map(([l, xs]) => row([l, ...xs])), '');
  return { lines: out, pulled: !!pull };
}

const T2_HEADERS: string[][] = [
  [
    '申请人情况',
    '（本列数据的勾稽关系为：第一项加第二项法人或其他组织',
    '之和，等于第三项加第四项之和）',
    '自然人总计',
    '商业企科研机社会公法律服',
    '其他',
    '本年',
    '## 表三：收到和处理政府信息公开申请情况',
    row(['业', '构', '益组织', '务机构', '', '', '', '', '']),
    sep(9),
  ],
  [
    '申请人情况',
    '法人或其他组织',
    '（本列数据的勾稽关系为：第一项加第二项之和，',
    '社会法律',
    '公益服务其他',
    '企业机构',
    '组织机构',
    '## 表三：收到和处理政府信息公开申请情况',
    row(['等于第三项加第四项之和）', '自然人', '商业', '科研', '总计']),
    sep(5),
  ],
];

/** The merged cell a row sits in: 三、本年度办理结果 for (一)(二), (三)…(六) for their items. */
const groupOf = (id: string) => (id === '1' || id === '2' ? 'R' : /^\d\./.test(id) ? id[0] : id);

interface Plan {
  /** The label cell when it holds only a middle piece of a long label (the rest printed outside). */
  labelCell?: string;
  id: string;
  cells: number[];
  labelled: boolean;
  /** Leading cell with a piece of the group label. */
  lead?: string;
  trailing: boolean;
  /** Starts a new small table. */
  cut: boolean;
  /** Text printed before the small table this row starts or belongs to. */
  text: string[];
}

/** Table 2; `lost` when the converter dropped the last row's total (市科委: "| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |"). */
export function mdTable2(v: Values, rng: Rng): { lines: string[]; lost: boolean } {
  const rows = t2Rows(v);
  const inner = (i: number) => !['new', 'carried', '7', 'next'].includes(rows[i].id);
  // Two consecutive rows (both without their label) printed as one row of 14 numbers.
  const pairs = rows.map((_, i) => i).filter((i) => i + 1 < rows.length && inner(i) && inner(i + 1));
  const merged = rng.pick(pairs);
  const plans: Plan[] = rows.map((r, i) => {
    const label = T2_LABEL[r.id];
    const lost = i === merged || i === merged + 1 || (inner(i) && rng.chance(label.length > 12 ? 0.4 : 0.15));
    const plan: Plan = { id: r.id, cells: r.cells, labelled: !lost, trailing: rng.chance(0.25), cut: rng.chance(0.25) || (lost && rng.chance(0.6)), text: lost ? wrap(label, rng.int(9, 12)) : [] };
    if (!lost && label.length > 20 && rng.chance(0.3)) {
      // Like "| 行政机关不再处理其政府信息公 | 40 |": the cell keeps a middle piece, the rest goes outside.
      const pieces = chop(label, rng.int(10, 14));
      plan.labelCell = pieces[1];
      plan.text = pieces.filter((_, k) => k !== 1);
      plan.cut = true;
    }
    return plan;
  });
  // Group labels: pieces as leading cells of the group's first rows, the rest as text lines.
  plans.forEach((p, i) => {
    const group = T2_GROUP[p.id];
    if (!group) return;
    const pieces = chop(group, rng.int(2, 4));
    const asCells = rng.chance(0.5);
    for (let j = i; asCells && pieces.length && j < plans.length && groupOf(plans[j].id) === groupOf(p.id); j++) if (plans[j].labelled) plans[j].lead = pieces.shift();
    // Pieces printed as text go between the label lines, as a PDF column reads across.
    const t = plans[i].text;
    plans[i].text = [];
    for (let k = 0; k < Math.max(t.length, pieces.length); k++) {
      const both = rng.chance(0.5);
      const a = pieces[k] ?? '';
      const b = t[k] ?? '';
      plans[i].text.push(...(both ? [a + b] : [a, b]).filter(Boolean));
    }
    if (plans[i].text.length) plans[i].cut = true;
  });
  const lost = rng.chance(0.3);
  const out = [...rng.pick(T2_HEADERS)];
  let first = true;
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i];
    const next = i === merged ? plans[i + 1] : undefined;
    const numbers: (string | number)[] = [...p.cells, ...(next ? next.cells : [])];
    if (lost && p.id === 'next') numbers[6] = '';
    const cells: (string | number)[] = [
      ...(p.lead ? [p.lead] : []),
      ...(p.labelled ? [p.labelCell ?? T2_LABEL[p.id]] : []),
      ...numbers,
      ...(p.trailing && p.labelled && !(lost && p.id === 'next') ? [''] : []),
    ];
    if (first || !p.cut) {
      out.push(...p.text, ...(next?.text ?? []), row(cells));
    } else {
      out.push('', ...(rng.chance(0.1) ? [`— ${rng.int(2, 9)} —`] : []), ...p.text, ...(next?.text ?? []), ...(rng.chance(0.15) ? ['## 表三：收到和处理政府信息公开申请情况'] : []));
      out.push(row(cells), sep(cells.length));
    }
    first = false;
    if (next) i++;
  }
  return { lines: out, lost };
}

const T3_HEADERS: string[][] = [
  [
    '行政复议行政诉讼',
    '未经复议直接起诉复议后起诉',
    '结果结果其他尚未',
    '总计',
    '总计总计',
    '维持纠正结果审结维持纠正结果审结',
    row(['维持', '纠正', '结果', '审结', '结果', '结果', '其他', '尚未', '结果', '结果', '其他', '尚未']),
    sep(12),
  ],
  [
    '行政复议行政诉讼',
    '未经复议直接起诉复议后起诉',
    '结果结果其他尚未',
    '总计结果结果其他尚未结果结果其他尚未',
    '维持纠正结果审结维持纠正结果审结',
    row(['维持', '纠正', '结果', '审结', '总计', '总计']),
    sep(6),
  ],
];

export function mdTable3(v: number[], rng: Rng): string[] {
  const head = [...rng.pick(T3_HEADERS)];
  if (rng.chance(0.3)) head.splice(head.length - 2, 0, '注：行政复议、行政诉讼数量含上年度结转数量。');
  return [...head, row(v)];
}
