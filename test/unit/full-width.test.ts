/**
 * Issue 12 item 15: full-width digits. A fix writes each character in the width it had
 * ("９.８" → "８.８", not "８．８"), edits only the number, and fix-all's result is one small
 * edit per fixed number (it used to be one edit of 2,247 characters).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits, fixAll } from '../../server/src/core';
import { styled } from '../../server/src/core/fixes';
import { ROOT } from '../helpers/paths';

const EXAMPLE = readFileSync(join(ROOT, 'examples', '示例县2023年政府信息公开工作年度报告.txt'), 'utf8');
const toFull = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const toHalf = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const FULL = /[\uFF01-\uFF5E]/;

describe('full-width digits (issue 12 item 15)', () => {
  describe('a new value is written with the width of each character it replaces', () => {
    const cases: [string, string, string][] = [
      ['９.８', '8.8', '８.８'],
      ['９．８', '8.8', '８．８'],
      ['9.8', '8.8', '8.8'],
      ['９', '10', '１０'],
      ['１２', '123', '１２３'],
      ['１２３', '99', '９９'],
      ['１，２３４', '1,235', '１，２３５'],
      ['１,２３４', '1,235', '１,２３５'],
      ['１2', '13', '１3'],
      ['６０', '60.6', '６０．６'],
      ['60', '60.6', '60.6'],
      ['９.８０', '8.75', '８.７５'],
    ];
    for (const [raw, value, want] of cases) it(`${raw} → ${value}: ${want}`, () => assert.equal(styled(raw, value), want));
  });

  it('the percentage fix of "占９.８%" writes ８.８ with the half-width point, over the number only', () => {
    const text = toFull(EXAMPLE);
    const f = analyze(text).findings.find((x) => x.rule === 'narrative-percentage')!;
    assert.ok(f, 'the wrong percentage is found');
    const [edit] = f.fixes[0].edits;
    assert.equal(text.slice(edit.start, edit.end), '９.８');
    assert.equal(edit.newText, '８.８');
  });

  it('fix-all of a report written in full-width digits: one small edit per fixed number, widths kept', () => {
    const text = toFull(EXAMPLE);
    const r = fixAll(text);
    assert.ok(r.edits.length >= 4, `${r.edits.length} edits`);
    assert.equal(applyEdits(text, r.edits), r.text);
    for (const e of r.edits) {
      const old = text.slice(e.start, e.end);
      assert.match(old, /^[０-９][０-９.．,，]*$/, `an edit covers more than one number: ${JSON.stringify(old)}`);
      assert.match(e.newText, /^[０-９][０-９.．,，]*$/, `a fixed number is not written full-width: ${JSON.stringify(e.newText)}`);
      // A half-width point stays half-width.
      if (old.includes('.')) assert.ok(!e.newText.includes('．'), `${old} → ${e.newText}`);
    }
    // The same fixes as on the half-width report, digit for digit.
    assert.equal(toHalf(r.text), fixAll(EXAMPLE).text);
    assert.ok(
      !FULL.test(
        fixAll(EXAMPLE)
          .edits.map((e) => e.newText)
          .join(''),
      ),
      'half-width digits stay half-width',
    );
  });
});
