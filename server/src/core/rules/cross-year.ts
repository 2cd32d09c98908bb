/** Finding last year's report of the same body among the other reports (cross-year rules). */
import type { Report } from '../model';
import type { OtherReport } from './rule';

const PLACE = /[省市区县旗镇乡局委办厅街道]/;

/** Same issuing body: equal names, or one the tail of the other ("洪泽区人民政府" in "淮安市洪泽区人民政府"). */
export function sameBody(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 4 && PLACE.test(short.slice(0, -2)) && long.endsWith(short);
}

export interface PreviousReport {
  other: OtherReport;
  report: Report;
}

export function previousYear(report: Report, others: readonly OtherReport[]): PreviousReport | undefined {
  const t = report.title;
  if (!t?.year || !t.body) return undefined;
  for (const other of others) {
    for (const r of other.model.reports) {
      if (r.duplicate || !r.title?.year) continue;
      if (r.title.year.value === t.year.value - 1 && sameBody(r.title.body, t.body)) return { other, report: r };
    }
  }
  return undefined;
}
