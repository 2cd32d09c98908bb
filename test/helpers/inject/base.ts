/**
 * Faults injected into real reports, one per variant, for the rules of issue 13: each variant says
 * which rule must report it and where. Edits keep the line count (except the date lines of
 * publication-date) and, in a file whose report is pasted twice, are made in both copies.
 */
import { type Analysis, type Edit, type Finding } from '../../../server/src/core';
import type { Report } from '../../../server/src/core/model';
import { applyEdits } from '../../../server/src/core/fixes';

export interface Variant {
  /** The rule that must report the fault; '' for a variant that must change nothing. */
  rule: string;
  what: string;
  text: string;
  /** Where the finding must be (variant offsets). */
  at: { start: number; end: number };
  /** Other rules that may report it too or instead (a fault that empties section 六 is empty-content's). */
  instead?: string[];
  /** A table emptied: counted only where the table reader reads the blank cells (else table-unaligned says so). */
  table?: boolean;
}

export const mainReport = (a: Analysis): Report | undefined => a.model.reports.find((r) => !r.duplicate);

/** Applies `edits`, mirrored into a pasted-twice copy; returns the text and where the first edit's new text is. */
export function apply(text: string, a: Analysis, edits: Edit[]): { text: string; at: { start: number; end: number } } {
  const all = [...edits];
  for (const d of a.model.duplicates) {
    for (const e of edits) {
      if (e.start >= d.firstCopy.start && e.end <= d.firstCopy.end) {
        const shift = d.span.start - d.firstCopy.start;
        all.push({ start: e.start + shift, end: e.end + shift, newText: e.newText });
      }
    }
  }
  const first = [...edits].sort((x, y) => x.start - y.start)[0];
  let before = 0;
  for (const e of all) if (e.start < first.start) before += e.newText.length - (e.end - e.start);
  return { text: applyEdits(text, all), at: { start: first.start + before, end: first.start + before + first.newText.length } };
}

const key = (f: Finding) => (f.rule === 'duplicate-content' ? f.rule : `${f.rule}|${f.fingerprint}`);

/** Findings of `after` that `before` does not have (as a multiset, by rule and fingerprint). */
export function newFindings(before: Analysis, after: Analysis): Finding[] {
  const count = new Map<string, number>();
  for (const f of before.findings) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of after.findings) {
    const k = key(f);
    if (count.get(k)) count.set(k, count.get(k)! - 1);
    else out.push(f);
  }
  return out;
}

/** Where a sentence can be added to section 一: after its first full stop. */
export function sectionOneSlot(text: string, r: Report): number | undefined {
  const one = r.bySection[1];
  if (!one) return undefined;
  const i = text.indexOf('。', one.heading.end);
  return i >= 0 && i < one.span.end ? i + 1 : undefined;
}

export const sumCells = (cells: { value: { units: bigint } }[]) => cells.reduce((x, c) => x + Number(c.value.units), 0);

/** Edits that blank a range but keep its line breaks. */
export function blank(text: string, start: number, end: number): Edit[] {
  const edits: Edit[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      if (i > s) edits.push({ start: s, end: i, newText: '' });
      s = i + 1;
    }
  }
  return edits;
}
