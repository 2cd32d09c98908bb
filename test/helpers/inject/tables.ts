/** Faults in the tables' figures and wording: negated counts, row labels. */
import type { Analysis, Edit } from '../../../server/src/core';
import { T1_WORDING, T2_WORDING } from '../../../server/src/core/template/labels';
import { apply, mainReport, sectionOneSlot, sumCells, type Variant } from './base';

export function negationVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  const p = r && sectionOneSlot(text, r);
  if (!r || p === undefined || !r.t2 || r.t2.problems.length || !r.t3 || r.t3.problems.length) return [];
  const t2 = (id: string) => Number(r.t2!.byId[id].cells[6].value.units);
  const g3 = sumCells(r.t2.rows.filter((x) => x.id.startsWith('3.')).map((x) => x.cells[6]));
  const group = (g: number) => Math.max(sumCells(r.t3!.groups[g].slice(0, 4)), Number(r.t3!.groups[g][4].value.units));
  const cases: [number, string[]][] = [
    [group(0), ['本年度未发生政府信息公开行政复议案件。', '全年未收到行政复议申请。', '行政复议案件:无。', '本机关未被申请行政复议。']],
    [group(1) + group(2), ['本年度未发生政府信息公开行政诉讼案件。', '全年没有发生行政诉讼。', '行政诉讼案件为零。']],
    [t2('new'), ['全年未收到政府信息公开申请。', '本年度没有受理依申请公开件。']],
    [t2('carried'), ['无上年结转的政府信息公开申请。']],
    [t2('next'), ['无结转下年度继续办理的申请。']],
    [g3, ['未出现不予公开的情形。']],
    [Number(r.t3.groups[0][1].value.units), ['全年未发生因依申请公开被行政复议纠错的情形。']],
  ];
  const variant = (s: string, wrong: boolean): Variant => ({ rule: wrong ? 'narrative-negation' : '', what: s, ...apply(text, a, [{ start: p, end: p, newText: s }]) });
  const lit = group(1) + group(2);
  return [
    ...cases.flatMap(([value, sentences]) => sentences.map((s) => variant(s, value !== 0))),
    // The converse without a figure: an occurrence the table does not have.
    variant('本年度发生政府信息公开行政复议案件。', group(0) === 0),
    variant('本年度被提起行政诉讼。', lit === 0),
    variant('收到一起行政诉讼。', lit !== 1),
  ];
}

// ---------------------------------------------------------------------------------------------

const NUMBERING = /^(?:[一二三四五六七]、|\([一二三四五六七]\)|\d{1,2}\.)/;
const PUNCT = /[\p{P}\p{S}\s]/u;

/** Each character of each row label's wording (and group header) mistyped, and deleted; the quotes of 三安全一稳定 dropped. */
export function labelVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  if (!r) return [];
  const labels: { span: { start: number; end: number }; wording: string[] }[] = [];
  if (r.t2 && !r.t2.problems.length) for (const row of r.t2.rows) labels.push({ span: row.label, wording: [T2_WORDING[row.id].label, T2_WORDING[row.id].header ?? ''] });
  if (r.t1 && !r.t1.problems.length) for (const [id, row] of Object.entries(r.t1.rows)) labels.push({ span: row!.label, wording: [T1_WORDING[id as keyof typeof T1_WORDING].label] });
  const out: Variant[] = [];
  for (const { span, wording } of labels) {
    const label = text.slice(span.start, span.end);
    for (const w of wording.filter((x) => x)) {
      const body = w.replace(NUMBERING, '');
      const at = label.lastIndexOf(body);
      // Only wording printed exactly (hongze's "其他法律行政止公开" already differs).
      if (at < 0 || body.replace(/[“”]/g, '').length < 4) continue;
      for (let k = 0; k < body.length; k++) {
        if (PUNCT.test(body[k])) continue;
        const pos = span.start + at + k;
        for (const [mode, newText] of [
          ['mistyped', '口'],
          ['dropped', ''],
        ]) {
          out.push({ rule: 'template-label', what: `${body} ${mode} ${body[k]}`, ...apply(text, a, [{ start: pos, end: pos + 1, newText }]) });
          out[out.length - 1].at = { start: pos - 1, end: pos + 1 };
        }
      }
      if (body.includes('“')) {
        const q1 = span.start + at + body.indexOf('“');
        const q2 = span.start + at + body.indexOf('”');
        out.push({
          rule: 'template-label',
          what: `${body} quotes lost`,
          ...apply(text, a, [
            { start: q1, end: q1 + 1, newText: '' },
            { start: q2, end: q2 + 1, newText: '' },
          ]),
        });
      }
    }
  }
  return out;
}

/** Width, punctuation and numbering variants of the labels: none is a typo. */
export function labelStyleVariant(text: string, a: Analysis): Variant | undefined {
  const r = mainReport(a);
  if (!r?.t2 || r.t2.problems.length) return undefined;
  const edits: Edit[] = [];
  for (const row of r.t2.rows) {
    for (let i = row.label.start; i < row.label.end; i++) {
      const c = text[i];
      const to = c === '.' && /\d/.test(text[i - 1]) ? '、' : c === '(' ? '（' : c === ')' ? '）' : c === '“' ? '"' : c === '”' ? '"' : c === ',' ? '，' : undefined;
      if (to) edits.push({ start: i, end: i + 1, newText: to });
    }
  }
  if (!edits.length) return undefined;
  return { rule: '', what: 'label punctuation and width', ...apply(text, a, edits) };
}
