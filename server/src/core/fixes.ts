/** Fixes are data; one function applies them, dropping edits that overlap an earlier one. */
import type { Cell } from './model';
import { formatDec, type Dec } from './num/decimal';
import type { Edit, Fix, FixStage } from './types';

const FULL_DIGIT = /[\uFF10-\uFF19]/;

/** Writes a value in the style of the token it replaces (full-width digits stay full-width). */
export function styled(raw: string, value: Dec | bigint | number | string): string {
  const s = typeof value === 'object' ? formatDec(value) : String(value);
  if (!FULL_DIGIT.test(raw)) return s;
  return s.replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

export function replaceCell(cell: Pick<Cell, 'span' | 'raw'>, value: Dec | bigint | number): Edit {
  // An empty pipe cell ("|  |") gets the number with a space either side.
  const newText = cell.raw.trim() === '' ? ` ${styled(cell.raw, value)} ` : styled(cell.raw, value);
  return { start: cell.span.start, end: cell.span.end, newText };
}

export function setValueFix(cell: Pick<Cell, 'span' | 'raw'>, value: Dec | bigint | number, stage: FixStage, isPreferred = true, what?: { zh: string; en: string }): Fix {
  const edit = replaceCell(cell, value);
  return {
    title: what
      ? { zh: `${what.zh}改为 ${edit.newText}`, en: `Change ${what.en} to ${edit.newText}` }
      : { zh: `改为 ${edit.newText}`, en: `Change to ${edit.newText}` },
    isPreferred,
    edits: [edit],
    stage,
  };
}

/** Whether fix-all may apply this fix: preferred and in one of its stages. */
export function isAutoFix(fix: Fix): boolean {
  return fix.isPreferred && fix.stage !== 'never';
}

/** Applies the edits of `fixes` to `text`; an edit overlapping an already accepted one is dropped. */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  return applyEdits(
    text,
    fixes.flatMap((f) => f.edits),
  );
}

/** Applies edits in order of position (insertions before a replacement at the same start); overlapping and repeated edits are dropped. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) continue;
    if (kept.length && e.start === kept[kept.length - 1].start && e.end === kept[kept.length - 1].end) continue;
    kept.push(e);
    lastEnd = e.end;
  }
  let out = '';
  let pos = 0;
  for (const e of kept) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}
