/** What the narrative of a report says: its figures and what they claim (built by narrative/extract). */
import type { NumToken } from '../text/numbers';
import type { Sentence } from '../text/sentences';
import type { Phrase, Target } from '../template/phrases';
import type { Span } from '../types';

export interface Figure {
  tok: NumToken;
  /** Original span of the digits. */
  span: Span;
  sentence: number;
  /** The clause before the figure (quotes removed) and the text after its unit. */
  clause: string;
  after: string;
  /** Parenthesis depth at the figure. */
  depth: number;
}

export interface Claim {
  fig: Figure;
  phrase: Phrase;
  target: Target;
  /** Every reading of the phrase, the first being `target`: the figure is right if it fits one. */
  readings: Target[];
  /** The sentence hints that it covers a narrower body (本级, 政府办代表…). */
  narrower: boolean;
}

export interface SumList {
  total: Figure;
  parts: Figure[];
}

export interface Share {
  pct: Figure;
  part: Figure;
  /** Earlier figures of the sentence that state a total (candidate bases). */
  totals: Figure[];
}

export interface Narrative {
  sentences: Sentence[];
  figures: Figure[];
  claims: Claim[];
  sums: SumList[];
  shares: Share[];
}
