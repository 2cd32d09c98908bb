/**
 * Properties of analyze and fix-all over random inputs (fast-check, fixed seed; see
 * test/helpers/fuzz.ts for NIANBAO_FUZZ_SEED and NIANBAO_FUZZ_RUNS): analyze never throws and
 * no rule throws, it returns within a generous time bound, every span, related span and fix
 * edit lies inside the document on UTF-16 boundaries that do not split a surrogate pair, every
 * fix edits only the number it is about, and fix-all is idempotent.
 */
import fc from 'fast-check';
import { analyze } from '../../server/src/core';
import { BASES, LONG, checkAll, mutate, mutation, params, piece, recipe, rendered, renderedText, textOf } from '../helpers/fuzz';

/** What was found, as rule and message (independent of offsets). */
const found = (text: string) => analyze(text).findings.map((f) => `${f.rule} ${f.message.zh}`);

describe('properties: analyze and fix-all on random inputs', function () {
  if (LONG) this.timeout(0);

  it(`edited reports (${BASES.length} bases: corpus and every rendered layout): insert, delete, replace, duplicate, retype, line ends, BOM`, () => {
    fc.assert(
      fc.property(recipe, (r) => checkAll(textOf(r))),
      params(120),
    );
  });

  it('rendered reports with random tables, wrong cells and wrong narrative figures (every layout, CRLF, (六) merged)', () => {
    fc.assert(
      fc.property(rendered, (r) => checkAll(renderedText(r))),
      params(120),
    );
  });

  it('rendered reports with random tables, then edited', () => {
    fc.assert(
      fc.property(rendered, fc.array(mutation, { minLength: 1, maxLength: 6 }), (r, ms) => {
        checkAll(ms.reduce(mutate, renderedText(r)));
      }),
      params(80),
    );
  });

  it('two different reports in one file are each checked as they are alone (no finding from their being together)', () => {
    const pair = fc.tuple(rendered, rendered, fc.constantFrom('\n', '\n\n')).filter(([a, b]) => renderedText(a) !== renderedText(b));
    fc.assert(
      fc.property(pair, ([a, b, sep]) => {
        // Different bodies, as two agencies' (or two years') reports kept in one file.
        const ta = renderedText({ ...a, narrativeErrors: [] }).replace('示例县', '甲县');
        const tb = renderedText({ ...b, layout: a.layout, eol: a.eol, narrativeErrors: [] }).replace('示例县', '乙县');
        const alone = [...found(ta), ...found(tb)].sort();
        const together = found(ta + sep + tb);
        const extra = together.filter((x) => !alone.includes(x));
        if (extra.length) throw new Error(`findings only when together: ${extra.join(' | ').slice(0, 600)}`);
      }),
      params(60),
    );
  });

  it('random Unicode, emoji, surrogate pairs and lone surrogates mixed with report words', () => {
    const text = fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 40 })), { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => checkAll(t)),
      params(150),
    );
  });
});
