/**
 * `--format html`: one self-contained page (no network: a Content-Security-Policy allows nothing
 * outside the page) for reviewers — per-report status, counts by rule and severity, charts of
 * problems by rule and by report, every finding with its line and arithmetic; tables sort and
 * filter in the browser, and the page prints readably. Works without scripts too (just static).
 */
import { RULES, type Locale, type Msg, type Severity } from '../../core';
import { pick } from '../../convert';
import type { FileResult } from '../batch';
import { barChart, type Bar } from './html-chart';
import { SCRIPT, STYLE } from './html-assets';
import { countsOf, reusePercent, SEVERITY_NAME, STATUS, statusOf, type Counts } from './status';

const esc = (s: string | number | undefined) => (s === undefined ? '' : String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!));

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
const TOP_REPORTS = 30;

const T = {
  title: { zh: '年报校对汇总', en: 'Annual report check summary' },
  generated: (when: string, n: number): Msg => ({ zh: `生成于 ${when},共 ${n} 个文件`, en: `generated ${when}, ${n} files` }),
  files: { zh: '文件', en: 'files' },
  reports: { zh: '年报', en: 'reports' },
  byRule: { zh: '按规则统计的问题', en: 'Problems by rule' },
  byReport: (n: number): Msg => ({ zh: `问题最多的 ${n} 份报告`, en: `The ${n} reports with the most problems` }),
  perReport: { zh: '各报告情况', en: 'Reports' },
  details: { zh: '问题明细', en: 'Findings' },
  filter: { zh: '筛选(文件、机关、消息…)', en: 'filter (file, body, message …)' },
  allSeverities: { zh: '全部级别', en: 'all severities' },
  allRules: { zh: '全部规则', en: 'all rules' },
  shown: { zh: '显示', en: 'shown' },
  none: { zh: '没有发现问题。', en: 'No problems found.' },
  cols: {
    file: { zh: '文件', en: 'file' },
    body: { zh: '机关', en: 'body' },
    year: { zh: '年度', en: 'year' },
    status: { zh: '状态', en: 'status' },
    suppressed: { zh: '已忽略', en: 'suppressed' },
    reuse: { zh: '与上年相同', en: 'reuse' },
    line: { zh: '行', en: 'line' },
    severity: { zh: '级别', en: 'severity' },
    rule: { zh: '规则', en: 'rule' },
    count: { zh: '数量', en: 'count' },
    message: { zh: '问题与算式', en: 'problem and arithmetic' },
    excerpt: { zh: '原文', en: 'line' },
  },
  line: (n: number): Msg => ({ zh: `第 ${n} 行`, en: `line ${n}` }),
  /** Where in a published file (PDF page, table, row, column). */
  origin: (o: { page?: number; table?: number; row?: number; col?: number }): Msg => ({
    zh: [o.page && `第 ${o.page} 页`, o.table && `表 ${o.table}`, o.row && `第 ${o.row} 行`, o.col && `第 ${o.col} 列`].filter(Boolean).join(' · '),
    en: [o.page && `page ${o.page}`, o.table && `table ${o.table}`, o.row && `row ${o.row}`, o.col && `column ${o.col}`].filter(Boolean).join(' · '),
  }),
};

export function renderHtml(results: readonly FileResult[], locale: Locale, now = new Date()): string {
  const say = (m: Msg) => esc(pick(m, locale));
  const counts = results.map(countsOf);
  const total: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const c of counts) for (const s of SEVERITIES) total[s] += c[s];
  const reports = results.filter((r) => r.isReport).length;
  const byStatus = new Map<string, number>();
  for (const r of results) byStatus.set(statusOf(r), (byStatus.get(statusOf(r)) ?? 0) + 1);

  // Counts by rule (registry order, then anything else) and severity.
  const ruleCounts = new Map<string, Partial<Record<Severity, number>>>();
  for (const r of results)
    for (const f of r.findings) {
      const c = ruleCounts.get(f.rule) ?? {};
      c[f.severity] = (c[f.severity] ?? 0) + 1;
      ruleCounts.set(f.rule, c);
    }
  const ruleOrder = [...RULES.map((r) => r.id).filter((id) => ruleCounts.has(id)), ...[...ruleCounts.keys()].filter((id) => !RULES.some((r) => r.id === id))];
  const ruleBars: Bar[] = ruleOrder.map((id) => ({ label: id, parts: ruleCounts.get(id)! }));
  const worst = results
    .map((r, i) => ({ r, c: counts[i] }))
    .filter((x) => x.c.error + x.c.warning + x.c.information + x.c.hint > 0)
    .sort((a, b) => b.c.error - a.c.error || b.c.warning - a.c.warning || b.c.information - a.c.information || (a.r.path < b.r.path ? -1 : 1))
    .slice(0, TOP_REPORTS);
  const reportBars: Bar[] = worst.map(({ r, c }) => ({ label: r.body ? `${r.body} ${r.year ?? ''}` : r.path, title: r.path, parts: c }));

  const cards = [
    `<div class="card"><b>${results.length}</b>${say(T.files)}</div>`,
    `<div class="card"><b>${reports}</b>${say(T.reports)}</div>`,
    ...(['errors', 'warnings', 'ok', 'not-report', 'unreadable'] as const).filter((s) => byStatus.get(s)).map((s) => `<div class="card st-${s}"><b>${byStatus.get(s)}</b>${say(STATUS[s])}</div>`),
    ...SEVERITIES.filter((s) => total[s]).map((s) => `<div class="card sev-${s}"><b>${total[s]}</b>${say(SEVERITY_NAME[s])}</div>`),
  ];

  const ruleTitle = (id: string) => {
    const rule = RULES.find((r) => r.id === id);
    return rule ? pick(rule.description, locale) : id;
  };
  const ruleTable = ruleOrder.length
    ? `<table class="sortable"><thead><tr><th>${say(T.cols.rule)}</th>${SEVERITIES.map((s) => `<th data-type="num">${say(SEVERITY_NAME[s])}</th>`).join('')}</tr></thead><tbody>${ruleOrder
        .map((id) => `<tr><td title="${esc(ruleTitle(id))}"><code>${esc(id)}</code></td>${SEVERITIES.map((s) => `<td class="num">${ruleCounts.get(id)![s] ?? 0}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '';

  const reportRows = results.map((r, i) => {
    const st = statusOf(r);
    const c = counts[i];
    const reuse = reusePercent(r);
    return (
      `<tr class="st-${st}"><td><a href="#findings" class="file" data-file="${esc(r.path)}">${esc(r.path)}</a>${r.error ? `<div class="err">${say(r.error)}</div>` : ''}</td>` +
      `<td>${esc(r.body)}</td><td class="num">${esc(r.year)}</td><td><span class="badge st-${st}">${say(STATUS[st])}</span></td>` +
      SEVERITIES.map((s) => `<td class="num">${c[s]}</td>`).join('') +
      `<td class="num">${r.suppressed}</td><td class="num" data-v="${reuse === '' ? -1 : reuse}">${reuse === '' ? '' : `${reuse}%`}</td></tr>`
    );
  });

  const findingRows = results.flatMap((r) =>
    r.findings.map((f) => {
      const line = f.range.start.line + 1;
      const related = f.related.map((x) => `<li>${say(x.message)} <span class="where">${x.path ? `${esc(x.path)} ` : ''}${say(T.line(x.range.start.line + 1))}</span></li>`).join('');
      return (
        `<tr data-sev="${f.severity}" data-rule="${esc(f.rule)}"><td>${esc(r.path)}${r.body ? `<div class="sub">${esc(r.body)} ${esc(r.year)}</div>` : ''}</td>` +
        `<td class="num" data-v="${line}">${line}${f.origin ? `<div class="sub">${say(T.origin(f.origin))}</div>` : ''}</td><td data-v="${SEVERITIES.indexOf(f.severity)}"><span class="badge sev-${f.severity}">${say(SEVERITY_NAME[f.severity])}</span></td>` +
        `<td title="${esc(ruleTitle(f.rule))}"><code>${esc(f.rule)}</code></td>` +
        `<td>${say(f.message)}${related ? `<ul class="related">${related}</ul>` : ''}</td><td><pre class="excerpt">${esc(f.excerpt)}</pre></td></tr>`
      );
    }),
  );

  const when = now.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const options = (xs: { v: string; label: string }[]) => xs.map((x) => `<option value="${esc(x.v)}">${esc(x.label)}</option>`).join('');
  return `<!doctype html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${say(T.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${say(T.title)}</h1><p class="sub">nianbao · ${say(T.generated(when, results.length))}</p></header>
<section class="cards">${cards.join('')}</section>
${
  ruleBars.length
    ? `<section class="charts"><div><h2>${say(T.byRule)}</h2>${barChart(ruleBars, pick(T.byRule, locale))}${ruleTable}</div>` +
      `<div><h2>${say(T.byReport(reportBars.length))}</h2>${barChart(reportBars, pick(T.byReport(reportBars.length), locale))}</div></section>`
    : `<p>${say(T.none)}</p>`
}
<section id="reports"><h2>${say(T.perReport)}</h2>
<table class="sortable" id="report-table"><thead><tr><th>${say(T.cols.file)}</th><th>${say(T.cols.body)}</th><th data-type="num">${say(T.cols.year)}</th><th>${say(T.cols.status)}</th>${SEVERITIES.map((s) => `<th data-type="num">${say(SEVERITY_NAME[s])}</th>`).join('')}<th data-type="num">${say(T.cols.suppressed)}</th><th data-type="num">${say(T.cols.reuse)}</th></tr></thead>
<tbody>${reportRows.join('\n')}</tbody></table></section>
<section id="findings"><h2>${say(T.details)}</h2>
<div class="controls"><input type="search" id="filter" placeholder="${say(T.filter)}">
<select id="sev"><option value="">${say(T.allSeverities)}</option>${options(SEVERITIES.filter((s) => total[s]).map((s) => ({ v: s, label: pick(SEVERITY_NAME[s], locale) })))}</select>
<select id="rule"><option value="">${say(T.allRules)}</option>${options(ruleOrder.map((id) => ({ v: id, label: id })))}</select>
<span id="count" data-label="${say(T.shown)}"></span></div>
<table class="sortable" id="finding-table"><thead><tr><th>${say(T.cols.file)}</th><th data-type="num">${say(T.cols.line)}</th><th data-type="num">${say(T.cols.severity)}</th><th>${say(T.cols.rule)}</th><th>${say(T.cols.message)}</th><th>${say(T.cols.excerpt)}</th></tr></thead>
<tbody>${findingRows.join('\n')}</tbody></table></section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
