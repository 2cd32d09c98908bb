/** The `nianbao/status` notification: what the status bar shows for a document after each validation. */
import type { Locale } from '../core';
import type { StatusParams } from '../protocol';
import type { DocState } from '../workspace';

/** Counts what is published for the document (hints are not counted, as in the Problems view). */
export function statusOf(uri: string, st: DocState, locale: Locale): StatusParams {
  const count = (s: string) => st.findings.filter((f) => f.severity === s).length;
  return { uri, state: st.status, errors: count('error'), warnings: count('warning'), infos: count('information'), suppressed: st.checked ? st.analysis.suppressed : 0, locale };
}
