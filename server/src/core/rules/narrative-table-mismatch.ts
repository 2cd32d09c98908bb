import { setValueFix } from '../fixes';
import { sentenceKey } from '../fingerprint';
import { formatDec, isInteger, pow10, within } from '../num/decimal';
import { memoCorrections, targetValue } from '../narrative/evaluate';
import { formatLike, sumText } from '../narrative/format';
import type { Fix } from '../types';
import type { Cell, Report } from '../model';
import type { Rule } from './rule';
import { memoDoubtful } from './table2-engine';

/** Whether a cell is a total: table 2's 总计 column or (七) row, table 3's 总计 column. */
function isTotal(report: Report, cell: Cell): boolean {
  const t2 = report.t2;
  if (t2?.rows.some((r) => r.cells[6] === cell || (r.id === '7' && r.cells.includes(cell)))) return true;
  return !!report.t3?.groups.some((g) => g[4] === cell);
}

export const rule: Rule = {
  id: 'narrative-table-mismatch',
  severity: 'error',
  tags: ['narrative'],
  description: {
    zh: '叙述中复述的数字(收到申请、予以公开、行政复议、现行有效规范性文件等)与对应表格单元格不一致。',
    en: 'A figure restated in the narrative (requests received, disclosed, reconsiderations, normative documents in force, …) differs from its table cell.',
  },
  check(ctx) {
    ctx.reports.forEach((report, i) => {
      const n = report.narrative;
      if (!n) return;
      const corr = memoCorrections(report, ctx.memo, i);
      const doubtful = memoDoubtful(report, ctx.memo, i);
      for (const c of n.claims) {
        const found = targetValue(report, c.target, corr);
        if (!found) continue;
        const tv = c.phrase.tableScale ? { ...found, value: { units: found.value.units * pow10(c.phrase.tableScale), scale: found.value.scale } } : found;
        const tok = c.fig.tok;
        const raw = ctx.text.slice(c.fig.span.start, c.fig.span.end);
        const ok = within(tok.value, tok.slack, tv.value);
        const said = `${tok.text}${tok.pow === 4 ? '万' : tok.pow === 8 ? '亿' : ''}${tok.unit}`;
        const fixedNote = tv.corrected ? { zh: '(表格合计按表格规则校正后)', en: ' (after correcting the table sums)' } : { zh: '', en: '' };
        ctx.note({
          span: c.fig.span,
          rule: rule.id,
          ok,
          // Written only when a hover asks (most figures are never hovered).
          get lines() {
            const arithmetic = sumText(
              found.cells.map((x) => x.value),
              found.value,
            );
            return [
              { zh: `叙述“${c.phrase.name.zh}” ${said} ↔ ${tv.name.zh}`, en: `narrative “${c.phrase.name.en}” ${said} ↔ ${tv.name.en}` },
              { zh: `表格:${arithmetic}${fixedNote.zh}`, en: `table: ${arithmetic}${fixedNote.en}` },
            ];
          },
          related: tv.cells.map((x) => x.span),
        });
        if (ok) continue;
        // A cell in a sum that does not hold may itself be the typo: the narrative is not changed to match it.
        const inDoubt = tv.cells.some((x) => doubtful.has(x));
        const hint = c.narrower
          ? { zh: ';叙述可能只涉及部分机关(如本级或办公室),而表格为全部数据,请核对统计口径', en: '; the narrative may cover a narrower body (e.g. the office itself) than the table' }
          : inDoubt
            ? { zh: ';该单元格所在的表格合计本身不一致,请先核对表格', en: '; the table sums this cell is part of do not add up, so check the table first' }
            : { zh: '', en: '' };
        const auto = !c.narrower && !inDoubt;
        const newText = formatLike(tok, raw, tv.value);
        const fixes: Fix[] = [
          {
            title: { zh: `改为表格中的 ${newText}`, en: `Use the table's ${newText}` },
            // When the narrative may count a narrower body, or the cell is in doubt, neither side is surely wrong: no fix-all.
            isPreferred: auto,
            edits: [{ start: c.fig.span.start, end: c.fig.span.end, newText }],
            stage: auto ? 'narrative' : 'never',
          },
        ];
        // The other way round, for one cell that is not a total (changing a total breaks its sums).
        const cell = tv.cells.length === 1 ? tv.cells[0] : undefined;
        if (cell && !isTotal(report, cell) && isInteger(tok.value) && tok.pow === 0) {
          const sums = c.target.table === 1 ? { zh: '', en: '' } : { zh: '(相关合计需随之调整)', en: ' (adjust its sums too)' };
          fixes.push({
            ...setValueFix(cell, tok.value, 'never', false),
            title: { zh: `将表格单元格改为 ${formatDec(tok.value)}${sums.zh}`, en: `Change the table cell to ${formatDec(tok.value)}${sums.en}` },
          });
        }
        ctx.report({
          severity: c.narrower ? 'warning' : undefined,
          message: {
            zh: `叙述中“${c.phrase.name.zh}”为 ${said},但${tv.name.zh}为 ${formatDec(found.value)}${fixedNote.zh}${hint.zh}`,
            en: `The narrative says ${said} (${c.phrase.name.en}), but ${tv.name.en} is ${formatDec(found.value)}${fixedNote.en}${hint.en}`,
          },
          span: c.fig.span,
          related: tv.cells.map((x) => ({ span: x.span, message: { zh: `${tv.name.zh}:${x.raw}`, en: `${tv.name.en}: ${x.raw}` } })),
          fixes,
          fingerprint: `claim|${c.phrase.id}|${sentenceKey(n.sentences[c.fig.sentence].c.s)}|${tok.text}`,
        });
      }
    });
  },
};
