/**
 * Bounds on the work done per figure, so that one long sentence (a line packed with figures and no
 * full stop) costs time linear in its length. Each bound is far above what real reports use (the
 * largest value in the corpus in brackets), so ordinary reports read exactly as without them.
 */

/** Characters before a figure read as its clause (phrase, share and total words) [79]. */
export const MAX_CLAUSE = 120;
/** Characters after a figure's unit read for a phrase that follows it [19]. */
export const MAX_AFTER = 40;
/** Figures after 其中 that may belong to its list [13 figures in a sentence]. */
export const LIST_WINDOW = 48;
/** Earlier figures of the sentence that may be the whole a share is taken of [11 figures back]. */
export const LOOKBACK = 16;
/** Shares on each side of a share that are taken as the same list's [6 shares in a sentence]. */
export const SIBLINGS = 6;
