/**
 * Row labels with a typo inside the words the keys look for ("1.属于国家秘蜜"): when no key names a
 * row, the row whose national wording the label's tail matches within one or two edits. The
 * typo itself is reported by the template-label rule; here it only must not unalign the table.
 */
import type { T1RowId } from '../template/format';
import { T1_WORDING, T2_WORDING, type LabelWording } from '../template/labels';
import { bestMatch, canon, canonRef } from '../text/wording';

const NUMBERING = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七]\)|\d+\.)/;

function refs(w: Record<string, LabelWording>): [string, string][] {
  return Object.entries(w).map(([id, x]) => [id, canonRef(x.label.replace(NUMBERING, '')).s]);
}

const T1_REFS = refs(T1_WORDING);
const T2_REFS = refs(T2_WORDING);

/** Edits allowed for a reference of this length. */
const allowed = (n: number) => (n < 4 ? 0 : n < 10 ? 1 : 2);

function nearest(label: string, table: [string, string][]): string | undefined {
  const a = canon(label, 0, label.length).s;
  if (!a) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const [id, e] of table) {
    const limit = allowed(e.length);
    if (!limit || a.length < e.length - limit) continue;
    const d = bestMatch(e, a, true).distance;
    if (d > limit) continue;
    if (d < bestD) ((best = id), (bestD = d), (tie = false));
    else if (d === bestD) tie = true;
  }
  return tie ? undefined : best;
}

export const nearestT2Row = (label: string) => nearest(label, T2_REFS);
export const nearestT1Row = (label: string) => nearest(label, T1_REFS) as T1RowId | undefined;
