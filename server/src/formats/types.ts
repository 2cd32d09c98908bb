/**
 * What a format reader gives back: a text view that the core's text parser reads well, and where
 * each part of it came from (page, table, row, column) so findings can point into the source file.
 */

export type SourceFormat = 'html' | 'pdf' | 'docx';

/** A stretch of the text view [start, end) and where it came from. Sorted, non-overlapping. */
export interface Origin {
  start: number;
  end: number;
  /** 1-based page (PDF). */
  page?: number;
  /** 1-based table number in the document. */
  table?: number;
  /** 1-based row within the table (as printed, continuation pages included). */
  row?: number;
  /** 1-based column (the grid column where the cell starts). */
  col?: number;
}

export interface Extracted {
  format: SourceFormat;
  text: string;
  origins: Origin[];
  /** Things worth telling the user that did not stop the reading (English and Chinese). */
  warnings: string[];
}

export type ExtractResult = { ok: true; value: Extracted } | { ok: false; reason: string; reasonEn: string };

export function failure(reason: string, reasonEn: string): ExtractResult {
  return { ok: false, reason, reasonEn };
}

/** The origin covering a text-view offset, by binary search; undefined outside every origin. */
export function originAt(origins: readonly Origin[], offset: number): Origin | undefined {
  let lo = 0;
  let hi = origins.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = origins[mid];
    if (offset < o.start) hi = mid - 1;
    else if (offset >= o.end) lo = mid + 1;
    else return o;
  }
  return undefined;
}
