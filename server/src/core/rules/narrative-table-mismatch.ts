import { setValueFix } from '../fixes';
import { hash } from '../fingerprint';
import { formatDec, isInteger, pow10, within } from '../num/decimal';
import { tableCorrections, targetValue } from '../narrative/evaluate';
import { formatLike, sumText } from '../narrative/format';
import type { Fix } from '../types';
import type { Rule } from './rule';

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
      const corr = ctx.memo(`corr:${i}`, () => tableCorrections(report));
      for (const c of n.claims) {
        const found = targetValue(report, c.target, corr);
        if (!found) continue;
        const tv = c.phrase.tableScale ? { ...found, value: { units: found.value.units * pow10(c.phrase.tableScale), scale: found.value.scale } } : found;
        const tok = c.fig.tok;
        const raw = ctx.text.slice(c.fig.span.start, c.fig.span.end);
        const ok = within(tok.value, tok.slack, tv.value);
        const said = `${tok.text}${tok.pow === 4 ? '万' : tok.pow === 8 ? '亿' : ''}${tok.unit}`;
        const arithmetic = sumText(
          found.cells.map((x) => x.value),
          found.value,
        );
        const fixedNote = tv.corrected ? { zh: '(表格合计按表格规则校正后)', en: ' (after correcting the table sums)' } : { zh: '', en: '' };
        ctx.note({
          span: c.fig.span,
          rule: rule.id,
          ok,
          lines: [
            { zh: `叙述“${c.phrase.name.zh}” ${said} ↔ ${tv.name.zh}`, en: `narrative “${c.phrase.name.en}” ${said} ↔ ${tv.name.en}` },
            { zh: `表格:${arithmetic}${fixedNote.zh}`, en: `table: ${arithmetic}${fixedNote.en}` },
          ],
          related: tv.cells.map((x) => x.span),
        });
        if (ok) continue;
        const hint = c.narrower
          ? { zh: ';叙述可能只涉及部分机关(如本级或办公室),而表格为全部数据,请核对统计口径', en: '; the narrative may cover a narrower body (e.g. the office itself) than the table' }
          : { zh: '', en: '' };
        const fixes: Fix[] = [
          {
            title: { zh: `改为表格中的 ${formatDec(found.value)}`, en: `Use the table's ${formatDec(found.value)}` },
            // When the narrative may count a narrower body, neither side is surely wrong: no fix-all.
            isPreferred: !c.narrower,
            edits: [{ start: c.fig.span.start, end: c.fig.span.end, newText: formatLike(tok, raw, tv.value) }],
            stage: c.narrower ? 'never' : 'narrative',
          },
        ];
        if (tv.cells.length === 1 && isInteger(tok.value) && tok.pow === 0) {
          const cell = tv.cells[0];
          fixes.push({ ...setValueFix(cell, tok.value, 'never', false), title: { zh: `将表格单元格改为 ${formatDec(tok.value)}`, en: `Change the table cell to ${formatDec(tok.value)}` } });
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
          fingerprint: `claim|${c.phrase.id}|${hash(n.sentences[c.fig.sentence].c.s)}|${tok.text}`,
        });
      }
    });
  },
};
