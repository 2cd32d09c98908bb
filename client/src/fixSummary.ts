/**
 * What fix-all changed, for the "已修正 N 处" message: the numbers that differ between the text
 * before and after, with their lines. Pure (no VS Code), so it is unit-tested.
 */
export type Locale = 'zh' | 'en';

export interface Change {
  /** 1-based line in the text before. */
  line: number;
  before: string;
  after: string;
}

const NUMBER = /([0-9\uFF10-\uFF19.]+%?)/;

/** The changed numbers (fix-all only changes numbers); one change of the differing middle otherwise. */
export function numberChanges(before: string, after: string): Change[] {
  if (before === after) return [];
  const lineAt = (offset: number) => before.slice(0, offset).split('\n').length;
  const a = before.split(NUMBER);
  const b = after.split(NUMBER);
  if (a.length === b.length && a.every((t, i) => i % 2 === 1 || t === b[i])) {
    const out: Change[] = [];
    let pos = 0;
    a.forEach((t, i) => {
      if (t !== b[i]) out.push({ line: lineAt(pos), before: t, after: b[i] });
      pos += t.length;
    });
    return out;
  }
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  const cut = (t: string) => (t.length > 40 ? t.slice(0, 39) + '…' : t);
  return [{ line: lineAt(p), before: cut(before.slice(p, before.length - s)), after: cut(after.slice(p, after.length - s)) }];
}

/** "已修正 2 处:第 5 行 68 → 86;第 54 行 116 → 118" (at most `max` listed). */
export function describeChanges(changes: readonly Change[], locale: Locale, max = 8): string {
  const en = locale === 'en';
  if (!changes.length) return en ? 'nianbao: nothing to fix automatically.' : 'nianbao：没有可自动修正的问题。';
  const items = changes.slice(0, max).map((c) => (en ? `line ${c.line}: ${c.before} → ${c.after}` : `第 ${c.line} 行 ${c.before} → ${c.after}`));
  const more = changes.length > max ? (en ? `; … and ${changes.length - max} more` : `；…等另 ${changes.length - max} 处`) : '';
  return en ? `nianbao: fixed ${changes.length} ${changes.length === 1 ? 'number' : 'numbers'}: ${items.join('; ')}${more}` : `nianbao：已修正 ${changes.length} 处：${items.join('；')}${more}`;
}
