/** What a real-world generator returns. */
import type { Span } from '../../../server/src/core/types';

export interface Rendered {
  text: string;
  /** Where each table of the first copy is: from its section heading to its last cell. */
  tables: Record<1 | 2 | 3, Span>;
  /** Table 2 row ids as printed (the 2019 format prints (六) as one row, '6'). */
  t2ids: string[];
  /**
   * Crawled text only: each printed row's digits as runs between spaces ("21710000218" is one run
   * of seven cells), for deciding which readings of run-together digits are possible.
   */
  runs?: { t2: Record<string, string[]>; t3: string[] };
  /** Cells the layout lost (a converter dropped them): neither read nor changed. */
  lost?: CellRef[];
  /** False when table 1's numbers cannot be placed for certain (digits run together, cells pulled out, the 2019 table 1). */
  t1Readable?: boolean;
}

/** One printed cell of table 2 (row id as printed) or table 3 (index 0–14). */
export type CellRef = { table: 2; row: string; col: number } | { table: 3; index: number };
