/**
 * Facts about a report that several rules need: its statistics period(s), the year it reports on,
 * and whether the issuing body is a people's government or one of its departments (their reports
 * are due on different dates).
 */
import type { Report } from '../model';
import type { Sentence } from '../text/sentences';
import { findDates, type DateTok } from '../text/dates';

export interface Period {
  sentence: number;
  from: DateTok;
  to: DateTok;
  fromYear?: number;
  /** The end date's year, or the start's when the end has none ("2024年1月1日至12月31日"). */
  toYear?: number;
}

/** A sentence that states the statistics period. */
const PERIOD_KEY = /统计(?:期限|时限|周期|时间|区间|范围|时段|期间|日期|口径)|所列数据|数据(?:统计|的?时间|范围)|报告期/g;
/** Between the words naming the period and its first date: "为", "自", "是" (a few characters, no clause break). */
const KEY_TO_DATE = /^[^,;。]{0,10}$/;
const BETWEEN = /^(?:起)?(?:至|到|—+|–|-|~)$/;

export function findPeriods(sentences: readonly Sentence[]): Period[] {
  const out: Period[] = [];
  sentences.forEach((sen, i) => {
    const s = sen.c.s;
    const keys: number[] = [];
    PERIOD_KEY.lastIndex = 0;
    for (let m = PERIOD_KEY.exec(s); m; m = PERIOD_KEY.exec(s)) keys.push(m.index + m[0].length);
    if (!keys.length) return;
    const dates = findDates(s);
    for (let k = 0; k + 1 < dates.length; k++) {
      const [from, to] = [dates[k], dates[k + 1]];
      if (!BETWEEN.test(s.slice(from.end, to.start))) continue;
      const key = keys.filter((e) => e <= from.start).pop();
      if (key === undefined || !KEY_TO_DATE.test(s.slice(key, from.start))) continue;
      const fromYear = from.year?.value ?? to.year?.value;
      out.push({ sentence: i, from, to, fromYear, toYear: to.year?.value ?? fromYear });
      k++;
    }
  });
  return out;
}

/** A year opening a clause ("2023年,…", "…;2023年全区…"), not a date, comparison or document number. */
export const CLAUSE_YEAR = /(?:^|[,;:])(?:在|于)?((?:19|20)\d{2})年度?(?![\d月底初末前后以])/g;

/**
 * The year the report is about: the title's, else the statistics period's, else the year most
 * clauses of the text open with (at least twice, and more often than any other).
 */
export function reportYear(report: Report): number | undefined {
  if (report.title?.year) return report.title.year.value;
  const n = report.narrative;
  if (!n) return undefined;
  const period = findPeriods(n.sentences)[0];
  if (period?.fromYear) return period.fromYear;
  const count = new Map<number, number>();
  for (const sen of n.sentences) {
    CLAUSE_YEAR.lastIndex = 0;
    for (let m = CLAUSE_YEAR.exec(sen.c.s); m; m = CLAUSE_YEAR.exec(sen.c.s)) count.set(Number(m[1]), (count.get(Number(m[1])) ?? 0) + 1);
  }
  const ranked = [...count.entries()].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < 2 || (ranked[1] && ranked[1][1] === ranked[0][1])) return undefined;
  return ranked[0][0];
}

export type BodyKind = 'government' | 'department' | 'unknown';

/** Departments (局, 委, 办公室 …) publish by 31 January; a people's government's own report is due by 31 March. */
const DEPARTMENT = /(?:局|厅|委|委员会|办公室|办公厅|办|署|中心|院|所|站|队|处|公司|集团)$/;
const GOVERNMENT = /(?:人民政府|政府|行政公署|行署|管委会|管理委员会|办事处)$/;
const REGION = /(?:省|自治区|市|区|县|旗|州|盟|地区|新区|实验区|开发区|保税区|高新区|示范区|林区|特区|镇|乡|街道)$/;

/** A title in the text ("洪泽区人民政府2023 年政府信息公开工作年度报告"), for reports whose title line did not name the body. */
const TITLE_IN_TEXT = /([\u4e00-\u9fff()]{2,30})\s*(?:19|20)\d{2}\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)/g;

export function bodyKind(report: Report, norm: string): BodyKind {
  const body = (report.title?.body ?? '').replace(/^.*[:\s]/, '').trim();
  if (body) return kindOf(body);
  // No body before the title's year: the first title-like phrase of the text that names one.
  const head = norm.slice(report.span.start, Math.min(report.span.end, report.span.start + 3000));
  TITLE_IN_TEXT.lastIndex = 0;
  for (let m = TITLE_IN_TEXT.exec(head); m; m = TITLE_IN_TEXT.exec(head)) {
    const kind = kindOf(m[1]);
    if (kind !== 'unknown') return kind;
  }
  return 'unknown';
}

function kindOf(body: string): BodyKind {
  if (GOVERNMENT.test(body)) return 'government';
  if (DEPARTMENT.test(body)) return 'department';
  if (REGION.test(body)) return 'government';
  return 'unknown';
}
