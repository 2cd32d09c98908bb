/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel reads the Chinese as
 * GBK), CRLF rows, RFC 4180 quoting. One row per finding, or with --summary one row per file.
 */
import type { Locale } from '../../core';
import { pick } from '../../convert';
import type { FileResult } from '../batch';
import { countsOf, reusePercent, SEVERITY_NAME, STATUS, statusOf } from './status';

const BOM = '\uFEFF';

/** Quotes a field when needed; text that a spreadsheet would run as a formula gets a leading apostrophe. */
function field(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (cells: (string | number | undefined)[]) => cells.map(field).join(',');

const HEAD = {
  findings: { zh: ['文件', '机关', '年度', '规则', '级别', '行', '消息'], en: ['file', 'body', 'year', 'rule', 'severity', 'line', 'message'] },
  summary: {
    zh: ['文件', '机关', '年度', '状态', '错误', '警告', '提示', '弱提示', '已忽略', '与上年相同(%)'],
    en: ['file', 'body', 'year', 'status', 'errors', 'warnings', 'information', 'hints', 'suppressed', 'reuse (%)'],
  },
};

export function renderCsv(results: readonly FileResult[], locale: Locale, summary: boolean): string {
  const rows: string[] = [];
  if (summary) {
    rows.push(row(HEAD.summary[locale]));
    for (const r of results) {
      const c = countsOf(r);
      rows.push(row([r.path, r.body, r.year, pick(STATUS[statusOf(r)], locale), c.error, c.warning, c.information, c.hint, r.suppressed, reusePercent(r)]));
    }
  } else {
    rows.push(row(HEAD.findings[locale]));
    for (const r of results) {
      if (r.error) rows.push(row([r.path, r.body, r.year, '', pick(SEVERITY_NAME.error, locale), undefined, pick(r.error, locale)]));
      for (const f of r.findings) rows.push(row([r.path, r.body, r.year, f.rule, pick(SEVERITY_NAME[f.severity], locale), f.range.start.line + 1, pick(f.message, locale)]));
    }
  }
  return BOM + rows.join('\r\n') + '\r\n';
}
