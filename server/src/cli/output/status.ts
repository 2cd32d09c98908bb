/** Per-file status and counts, shared by the CSV summary and the HTML page. */
import type { Msg, Severity } from '../../core';
import type { FileResult } from '../batch';

export type Status = 'unreadable' | 'not-report' | 'errors' | 'warnings' | 'ok';

export const STATUS: Record<Status, Msg> = {
  unreadable: { zh: '无法读取', en: 'unreadable' },
  'not-report': { zh: '非年报', en: 'not a report' },
  errors: { zh: '有错误', en: 'errors' },
  warnings: { zh: '有警告', en: 'warnings' },
  ok: { zh: '通过', en: 'ok' },
};

export const SEVERITY_NAME: Record<Severity, Msg> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  information: { zh: '提示', en: 'information' },
  hint: { zh: '提示(弱)', en: 'hint' },
};

export type Counts = Record<Severity, number>;

export function countsOf(r: FileResult): Counts {
  const c: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of r.findings) c[f.severity]++;
  return c;
}

export function statusOf(r: FileResult): Status {
  if (r.error && !r.isReport) return 'unreadable';
  if (!r.isReport) return 'not-report';
  const c = countsOf(r);
  return c.error ? 'errors' : c.warning ? 'warnings' : 'ok';
}

/** The reuse share in whole percent, or '' when there was no report of last year to compare with. */
export const reusePercent = (r: FileResult) => (r.reuse && r.reuse.total ? String(Math.round((100 * r.reuse.same) / r.reuse.total)) : '');
