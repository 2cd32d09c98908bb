/** Shared types of the analysis core. Offsets are UTF-16 indices into the original text. */

export interface Span {
  start: number;
  end: number;
}

/** A message in both languages; the edge picks one by locale. */
export interface Msg {
  zh: string;
  en: string;
}

export type Locale = 'zh' | 'en';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Edit {
  start: number;
  end: number;
  newText: string;
}

/** Fix-all applies stages in order: table totals, narrative figures, narrative totals, percentages. */
export type FixStage = 'table' | 'narrative' | 'sum' | 'percent' | 'never';

export interface Fix {
  title: Msg;
  isPreferred: boolean;
  edits: Edit[];
  /** When fix-all may apply this fix; `never` keeps it out of fix-all (e.g. deleting a block). */
  stage: FixStage;
}

export interface Related {
  span: Span;
  message: Msg;
  /** The other file this points into (cross-year checks); absent for the analysed file. */
  uri?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: Msg;
  span: Span;
  related: Related[];
  fixes: Fix[];
  /** Stable key of what the finding is about (rule, label, sentence), independent of line numbers. */
  fingerprint: string;
}

export function msg(zh: string, en: string): Msg {
  return { zh, en };
}
