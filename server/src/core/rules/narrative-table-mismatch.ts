import { setValueFix } from '../fixes';
import { sentenceKey } from './fingerprint';
import { cmpDec, formatDec, isInteger, pow10, within } from '../num/decimal';
import { memoCorrections, targetOptions, targetValue } from '../narrative/evaluate';
import type { Claim } from '../model/narrative';
import type { Rule, RuleContext } from './rule';
import { formatLike, sumText } from '../narrative/format';
import type { Fix } from '../types';
import type { Cell, Report } from '../model';
import { memoDoubtful } from '../tables/table2';
import { T2_TOTAL_COL, T3_TOTAL } from '../template/format';

/** Whether a cell is a total: table 2's 总计 column or (七) row, table 3's 总计 column. */
function isTotal(report: Report, cell: Cell): boolean {
  const t2 = report.t2;
  if (t2?.rows.some((r) => r.cells[T2_TOTAL_COL] === cell || (r.id === '7' && r.cells.includes(cell)))) return true;
  return !!report.t3?.groups.some((g) => g[T3_TOTAL] === cell);
}

const MAX_LISTED = 8;

/**
 * A figure restating a cell whose digits ran together with its neighbours ("77132470"): it is
 * wrong only if no split of the digits gives it. No fix is offered: the cell's value is unknown.
 */
function checkAgainstOptions(ctx: RuleContext, report: Report, index: number, c: Claim): void {
  if (c.readings.length !== 1) return;
  const opt = targetOptions(report, c.target, memoCorrections(report, ctx.memo, index));
  if (!opt) return;
  const tok = c.fig.tok;
  const scale = pow10(c.phrase.tableScale ?? 0);
  const ok = opt.options.some((v) => within(tok.value, tok.slack, { units: v * scale, scale: opt.value.value.scale }));
  if (ok) return;
  const said = `${tok.text}${tok.pow === 4 ? '万' : tok.pow === 8 ? '亿' : ''}${tok.unit}`;
  const shown = opt.options.slice(0, MAX_LISTED).join('、') + (opt.options.length > MAX_LISTED ? '…' : '');
  const cell = opt.value.cells[0];
  const n = report.narrative!;
  ctx.report({
    message: {
      zh: `叙述中“${c.phrase.name.zh}”为 ${said},但${opt.value.name.zh}的数字与相邻单元格连写,无论怎样拆分都不是 ${formatDec(tok.value)}(可能为 ${shown})`,
      en: `The narrative says ${said} (${c.phrase.name.en}), but the digits of ${opt.value.name.en} run into its neighbours and no split of them gives ${formatDec(tok.value)} (possible: ${shown})`,
    },
    span: c.fig.span,
    related: [{ span: cell.span, message: { zh: opt.value.name.zh, en: opt.value.name.en } }],
    fixes: [],
    fingerprint: `claim|${c.phrase.id}|${sentenceKey(n.sentences[c.fig.sentence].c.s)}|${tok.text}`,
  });
}

export const rule: Rule = {
  id: 'narrative-table-mismatch',
  severity: 'error',
  fixable: true,
  title: { zh: '叙述与表格不一致', en: 'narrative vs table' },
  tags: ['narrative'],
  description: {
    zh: '叙述中复述的数字(收到申请、予以公开、行政复议、现行有效规范性文件等)与对应表格单元格不一致。',
    en: 'A figure restated in the narrative (requests received, disclosed, reconsiderations, normative documents in force, …) differs from its table cell.',
  },
  summary: {
    zh: '叙述中复述的数字与对应表格单元格不一致',
    en: 'a figure restated in prose differs from its table cell',
  },
  check(ctx) {
    ctx.reports.forEach((report, i) => {
      const n = report.narrative;
      if (!n) return;
      const corr = memoCorrections(report, ctx.memo, i);
      const doubtful = memoDoubtful(report, ctx.memo, i);
      for (const c of n.claims) {
        const tok = c.fig.tok;
        const scaled = (v: NonNullable<ReturnType<typeof targetValue>>) => (c.phrase.tableScale ? { ...v, value: { units: v.value.units * pow10(c.phrase.tableScale), scale: v.value.scale } } : v);
        // Every reading of the words (新收, or 新收 + 上年结转, …): the figure is right if it fits one.
        // The other readings are looked up only when the first does not fit.
        const first = targetValue(report, c.target, corr);
        const fitsFirst = !!first && within(tok.value, tok.slack, scaled(first).value);
        const values = fitsFirst ? [first] : c.readings.map((t) => (t === c.target ? first : targetValue(report, t, corr))).filter((v): v is NonNullable<typeof v> => !!v);
        const fitting = values.find((v) => within(tok.value, tok.slack, scaled(v).value));
        const found = fitting ?? values[0];
        if (!found) {
          checkAgainstOptions(ctx, report, i, c);
          continue;
        }
        const tv = scaled(found);
        const raw = ctx.text.slice(c.fig.span.start, c.fig.span.end);
        const ok = !!fitting;
        const tried = values
          .filter((v) => v !== found && cmpDec(scaled(v).value, tv.value) !== 0)
          .map((v) => ({ zh: `${scaled(v).name.zh} = ${formatDec(scaled(v).value)}`, en: `${scaled(v).name.en} = ${formatDec(scaled(v).value)}` }));
        const alsoTried = tried.length ? { zh: `(也按 ${tried.map((x) => x.zh).join('、')} 核对过,均不符)`, en: ` (also tried ${tried.map((x) => x.en).join(', ')}; none fits)` } : { zh: '', en: '' };
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
            zh: `叙述中“${c.phrase.name.zh}”为 ${said},但${tv.name.zh}为 ${formatDec(found.value)}${fixedNote.zh}${alsoTried.zh}${hint.zh}`,
            en: `The narrative says ${said} (${c.phrase.name.en}), but ${tv.name.en} is ${formatDec(found.value)}${fixedNote.en}${alsoTried.en}${hint.en}`,
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
