import { hash } from './fingerprint';
import { T1_WORDING, T2_WORDING, type LabelWording } from '../template/labels';
import { bestMatch, canon, canonRef, type Canon, type CanonRef, type Match } from '../text/wording';
import type { Edit, Span } from '../types';
import type { Rule, RuleContext } from './rule';

/** Row numbering is not wording: "1." "(一)" "一、" come in many styles. */
const NUMBERING = /^(?:[一二三四五六七]、|\([一二三四五六七]\)|\d{1,2}\.)/;
const TRAILING_NUMBER = /[0-9一二三四五六七八九十]+$/;
/** A line break, cell border or tab between two characters: the text was cut or interleaved there. */
const CUT = /[\r\n|\t]/;

/** How many edits still make a label "close": none for two or three characters, then one per four, at most three. */
function limit(n: number): number {
  return n < 4 ? 0 : Math.min(3, Math.floor(n / 4));
}

/** Whether an edit of the match touches a place where the label was broken (layout, not a typo). */
function nearCut(text: string, a: Canon, m: Match): boolean {
  const gap = (x: number, y: number) => x >= 0 && y < a.pos.length && CUT.test(text.slice(a.pos[x] + 1, a.pos[y]));
  // A character written in place of another is a typo wherever it is; text missing or extra at a cut is layout.
  // (A label's first character missing is missing wherever the label starts.)
  return m.ops.some((op) => (op.kind === 'del' ? op.i > m.start && gap(op.i - 1, op.i) : op.kind === 'ins' && (gap(op.i - 1, op.i) || gap(op.i, op.i + 1))));
}

/** The edits that turn the matched text into the reference, touching only the characters that differ. */
function editsFor(a: Canon, m: Match, r: CanonRef): Edit[] {
  const edits: Edit[] = [];
  let run: { i: number; edit: Edit } | undefined;
  for (const op of m.ops) {
    if (op.kind === 'sub') edits.push({ start: a.pos[op.i], end: a.pos[op.i] + 1, newText: r.printed[op.j] });
    else if (op.kind === 'ins') edits.push({ start: a.pos[op.i], end: a.pos[op.i] + 1, newText: '' });
    else if (run && run.i === op.i) run.edit.newText += r.printed[op.j];
    else {
      // Missing text goes after the printed punctuation when the format has punctuation before it ("(区分"), else right after the previous character.
      const at = op.i >= a.pos.length ? a.pos[op.i - 1] + 1 : op.i === m.start || r.punctBefore[op.j] ? a.pos[op.i] : a.pos[op.i - 1] + 1;
      run = { i: op.i, edit: { start: at, end: at, newText: r.printed[op.j] } };
      edits.push(run.edit);
    }
  }
  return edits;
}

interface Checked {
  /** The matched text as printed, and where. */
  printed: string;
  span: Span;
  edits: Edit[];
  /** Whether the edits are certain enough to be the preferred fix. */
  sure: boolean;
}

/** The end of `a` that can hold a wording of `n` canonical characters (long labels carry headers in front). */
function tailOf(a: Canon, n: number): Canon {
  const cut = Math.max(0, a.s.length - (n + limit(n) + 2));
  return cut ? { s: a.s.slice(cut), pos: a.pos.slice(cut) } : a;
}

/** The canonical form of each national wording (without numbering), computed once. */
const REFS = new Map<string, CanonRef>();
function refOf(ref: string): CanonRef {
  let r = REFS.get(ref);
  if (!r) REFS.set(ref, (r = canonRef(ref.replace(NUMBERING, ''))));
  return r;
}

/** Compares the canonical text `a` (or its end, `tailOnly`) with the wording `ref`. */
function compare(text: string, a: Canon, ref: string, tailOnly: boolean): Checked | undefined {
  const r = refOf(ref);
  const max = limit(r.s.length);
  if (!max || !a.s) return undefined;
  const tail = tailOf(a, r.s.length);
  // The wording as it is (nearly every label): nothing to compare further.
  if (tailOnly ? tail.s.endsWith(r.s) : tail.s.includes(r.s)) return undefined;
  const apart = (k: number) => k <= 0 || tail.pos[k] > tail.pos[k - 1] + 1;
  const m = bestMatch(r.s, tail.s, tailOnly, apart);
  if (m.distance === 0 || m.distance > max || m.end === m.start || nearCut(text, tail, m)) return undefined;
  const span = { start: tail.pos[m.start], end: tail.pos[m.end - 1] + 1 };
  // Text run together with the label's first character ("数量政许可"): which character is missing or wrong is a guess.
  const sure = !m.ops.some((op) => op.i === m.start) || apart(m.start);
  return { printed: text.slice(span.start, span.end), span, edits: editsFor(tail, m, r), sure };
}

function check(ctx: RuleContext, table: 1 | 2, id: string, label: Span, w: LabelWording): void {
  const a = canon(ctx.norm, label.start, label.end);
  const name = table === 1 ? { zh: '表一', en: 'Table 1' } : { zh: '表二', en: 'Table 2' };
  const found = (c: Checked, ref: string, what: { zh: string; en: string }) =>
    ctx.report({
      message: {
        zh: `${name.zh}${what.zh}“${c.printed}”与国家格式的“${ref}”不一致`,
        en: `${name.en} ${what.en} “${c.printed}” differs from the national format’s “${ref}”`,
      },
      span: c.span,
      related: [],
      fixes: [{ title: { zh: `改为“${ref}”`, en: `Change to “${ref}”` }, isPreferred: c.sure, edits: c.edits, stage: 'never' }],
      fingerprint: `label|${table}|${id}|${what.en}|${hash(c.printed)}`,
    });
  const row = compare(ctx.text, a, w.label, false);
  if (row) found(row, w.label, { zh: '行标签', en: 'row label' });
  if (!w.header) return;
  // The group header printed before the row's own label ("(五)不予处理 1.信访举报投诉类申请").
  const own = refOf(w.label).s;
  const tail = tailOf(a, own.length);
  const exact = tail.s.lastIndexOf(own);
  const ownStart = a.s.length - tail.s.length + (exact >= 0 ? exact : bestMatch(own, tail.s).start);
  const before = a.s.slice(0, ownStart).replace(TRAILING_NUMBER, '');
  if (!before) return;
  const head = compare(ctx.text, { s: before, pos: a.pos.slice(0, before.length) }, w.header, true);
  if (head) found(head, w.header, { zh: '分组标题', en: 'group header' });
}

export const rule: Rule = {
  id: 'template-label',
  severity: 'warning',
  fixable: true,
  title: { zh: '表格行标签与国家格式不符', en: 'row label wording' },
  tags: ['table'],
  description: {
    zh: '表格行标签(或分组标题)与国家格式的文字接近但不相同,如“其他法律行政止公开”“不与处理”、丢了引号的“三安全一稳定”。',
    en: 'A table row label (or group header) is close to the national wording but not equal, e.g. a character missing or mistyped, or the quotes around “三安全一稳定” lost.',
  },
  summary: {
    zh: '表格行标签或分组标题与国家格式接近但不相同(错字、漏字、丢引号)',
    en: 'a table row label or group header close to the national wording but not equal ("其他法律行政止公开", "不与处理"); width and punctuation variants are not typos',
  },
  check(ctx) {
    for (const report of ctx.reports) {
      const t1 = report.t1;
      if (t1 && !t1.problems.length) for (const [id, row] of Object.entries(t1.rows)) if (row) check(ctx, 1, id, row.label, T1_WORDING[id as keyof typeof T1_WORDING]);
      const t2 = report.t2;
      if (t2 && !t2.problems.length) for (const row of t2.rows) if (T2_WORDING[row.id]) check(ctx, 2, row.id, row.label, T2_WORDING[row.id]);
    }
  },
};
