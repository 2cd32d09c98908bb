/** The typed model of a report: sections, aligned tables and their cells, with exact spans. */
import type { Dec } from '../num/decimal';
import type { SectionDef, T1RowId } from '../template/format';
import type { Span } from '../types';
import type { Narrative } from './narrative';

export interface Cell {
  span: Span;
  /** The token as written (may be full-width). */
  raw: string;
  value: Dec;
  /** Read from an empty or placeholder cell ("", "—", "/", "无"): its value is 0. */
  blank?: boolean;
  /** Read from digits run together whose split was not certain. */
  uncertain?: boolean;
  /** For an uncertain cell: every value it takes in some reading (absent when they were too many to list). */
  options?: bigint[];
  /** Not in the text (a converter lost it): its value is what the table's sums imply. */
  inferred?: boolean;
}

export interface SubHeading {
  span: Span;
  /** Heading text without its body (up to the first full stop). */
  title: string;
}

export interface Section {
  def: SectionDef;
  /** The numeral as printed (1–6); 0 when the heading has none or was inferred from its content. */
  printed: number;
  /** The heading line. */
  heading: Span;
  /** From the heading to the start of the next section (or the end of the report). */
  span: Span;
  subs: SubHeading[];
}

export interface TableProblem {
  expected: string;
  expectedEn: string;
  found: string;
  foundEn: string;
  span?: Span;
}

interface TableBase {
  /** Where the table's text is (heading line to last cell). */
  span: Span;
  /** The line the "cannot align" message goes on. */
  anchor: Span;
  /** Set when the table cannot be aligned; the cells are then absent, unless `partial`. */
  problems: TableProblem[];
  /**
   * The table could not be aligned as a whole, but the rows listed were read: each is checked on
   * its own (row sums, narrative figures that restate it); sums across rows are not.
   */
  partial?: boolean;
}

export interface Table1 extends TableBase {
  kind: 1;
  /** The 2019–2020 table 1 (国办公开办函〔2019〕60号): recognised, its rows not read. */
  oldFormat?: boolean;
  rows: Partial<Record<T1RowId, { label: Span; cells: Cell[] }>>;
}

export interface T2Row {
  id: string;
  label: Span;
  cells: Cell[];
}

export interface Table2 extends TableBase {
  kind: 2;
  /** Rows in template order; (六) is either 6.1–6.3 or the merged row "6". */
  rows: T2Row[];
  byId: Record<string, T2Row>;
  /** Rows whose digits ran together and could be split several ways, none making the table consistent. */
  ambiguous?: string[];
  /** Aligned by the template's row order because labels were missing (converter output). */
  byOrder?: boolean;
}

export interface Table3 extends TableBase {
  kind: 3;
  /** groups[g][c]: g = 复议, 直接起诉, 复议后起诉; c = 维持, 纠正, 其他, 尚未审结, 总计. */
  groups: Cell[][];
  /** The fifteen numbers ran together and no split of them makes every group add up. */
  ambiguous?: boolean;
}

export type Table = Table1 | Table2 | Table3;

/** Whether a table's rows may be used: fully aligned, or partly with the rows it read. */
export function usable<T extends Table>(t: T | undefined): t is T {
  return !!t && (!t.problems.length || !!t.partial);
}

export interface Title {
  span: Span;
  text: string;
  /** The issuing body as printed before the year, e.g. "洪泽区人民政府". */
  body: string;
  year?: { value: number; span: Span };
}

export interface Report {
  span: Span;
  title?: Title;
  sections: Section[];
  /** Indexed by section number 1–6 (index 0 unused). */
  bySection: (Section | undefined)[];
  t1?: Table1;
  t2?: Table2;
  t3?: Table3;
  /** Figures in the prose and what they claim. */
  narrative?: Narrative;
  /** True when this report is a repeated copy of an earlier one in the same file. */
  duplicate: boolean;
}

export interface DuplicateBlock {
  span: Span;
  firstCopy: Span;
}

export interface Model {
  /** Length-preserving normalised text (full-width forms folded). */
  norm: string;
  reports: Report[];
  duplicates: DuplicateBlock[];
  isReport: boolean;
}
