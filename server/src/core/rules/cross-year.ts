/** Finding last year's report of the same body among the other reports (cross-year rules). */
import { summarizeReport, type OtherReport, type ReportSummary } from './cross-year-summary';
import type { Rule, RuleContext } from './rule';

const PLACE = /[省市区县旗镇乡局委办厅街道]/;
const squash = (s: string) => s.replace(/\s+/g, '');

/** Same issuing body: equal names, or one the tail of the other ("洪泽区人民政府" in "淮安市洪泽区人民政府"). */
export function sameBody(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return tailBody(short) && long.endsWith(short);
}

/** Whether a body name may stand for a longer one ending with it. */
const tailBody = (short: string) => short.length >= 4 && PLACE.test(short.slice(0, -2));

export interface PreviousReport {
  uri: string;
  report: ReportSummary;
}

/** The first report among `others` (in order) of the same body and the year before. */
export function previousYear(mine: ReportSummary, others: readonly OtherReport[]): PreviousReport | undefined {
  for (const other of others) {
    for (const r of other.reports) {
      if (r.year === mine.year - 1 && sameBody(r.body, mine.body)) return { uri: other.uri, report: r };
    }
  }
  return undefined;
}

/**
 * previousYear() for many reports at once: an index by year and body (exact name and every
 * tail of at least four characters), so pairing n reports costs about n lookups, not n².
 * Gives the same answer as previousYear() over the files in the order they were added.
 */
export class PartnerIndex {
  /** `${year}|${name}` → entries whose squashed body is `name`. */
  private exact = new Map<string, number[]>();
  /** `${year}|${tail}` → entries whose body is longer and ends with `tail`, a possible short form. */
  private tails = new Map<string, number[]>();
  private entries: { file: number; uri: string; report: ReportSummary; body: string }[] = [];

  /** Adds the reports of file number `file` (files must be added in their order). */
  add(file: number, other: OtherReport): void {
    for (const report of other.reports) {
      const body = squash(report.body);
      if (!body) continue;
      const id = this.entries.push({ file, uri: other.uri, report, body }) - 1;
      push(this.exact, `${report.year}|${body}`, id);
      for (let i = 1; i + 4 <= body.length; i++) {
        const tail = body.slice(i);
        if (tailBody(tail)) push(this.tails, `${report.year}|${tail}`, id);
      }
    }
  }

  /** Last year's report for `mine` of file number `self`, skipping that file's own reports. */
  previous(mine: ReportSummary, self: number): PreviousReport | undefined {
    const body = squash(mine.body);
    if (!body) return undefined;
    const year = mine.year - 1;
    let best = -1;
    const consider = (ids: number[] | undefined) => {
      for (const id of ids ?? []) {
        if ((best < 0 || id < best) && this.entries[id].file !== self && sameBody(this.entries[id].body, body)) best = id;
      }
    };
    // The same name, longer names ending with mine (when mine may be a short form) …
    consider(this.exact.get(`${year}|${body}`));
    if (tailBody(body)) consider(this.tails.get(`${year}|${body}`));
    // … and shorter names that mine ends with.
    for (let i = 1; i + 4 <= body.length; i++) {
      const tail = body.slice(i);
      if (tailBody(tail)) consider(this.exact.get(`${year}|${tail}`));
    }
    const e = best >= 0 ? this.entries[best] : undefined;
    return e && { uri: e.uri, report: e.report };
  }
}

function push(map: Map<string, number[]>, key: string, id: number) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** The `check` of a cross-year rule: its `across` for each dated report that has last year's beside it. */
export function checkAcross(ctx: RuleContext, across: NonNullable<Rule['across']>): void {
  if (!ctx.others.length) return;
  const mine = ctx.memo('summaries', () => ctx.reports.map(summarizeReport));
  for (const s of mine) {
    const prev = s && previousYear(s, ctx.others);
    if (s && prev) across(s, prev, ctx.report, ctx.settings);
  }
}
