/** The splits oracle of the real-world tests: readings of digits run together, and table consistency under some reading. */
import * as assert from 'node:assert/strict';
import { readings, t2Consistent, t3Consistent } from '../helpers/realworld/splits';

describe('real-world splits oracle', () => {
  it('reads a run of digits as cells whose last is the sum of the others', () => {
    assert.deepEqual(readings(['21710000218'], 1, 7), [[217, 1, 0, 0, 0, 0, 218]]);
    assert.deepEqual(readings(['21317000001324019'], 3, 5), [[2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]]);
    // Two readings fit: 10+1+0+0 = 11 and 1+0+10+0 = 11.
    assert.deepEqual(
      readings(['1010011'], 1, 5).sort(),
      [
        [1, 0, 10, 0, 11],
        [10, 1, 0, 0, 11],
      ].sort(),
    );
  });

  it('never reads a leading zero or a cell across a space', () => {
    assert.deepEqual(readings(['0510000006'], 1, 7), []);
    assert.deepEqual(readings(['1', '0', '0000', '1'], 1, 7), [[1, 0, 0, 0, 0, 0, 1]]);
    // "12 0000 12" fits only as 12 + 0 + … = 12 with six cells before the total, and a cell may not take "12 0".
    assert.deepEqual(readings(['12', '0000', '12'], 1, 7), []);
  });

  it('says whether some reading of table 2 keeps every row sum, column sum and the balance', () => {
    const ids = ['new', 'carried', '1', '7', 'next'];
    const runs = { new: ['1100001'], carried: ['0000000'], '1': ['1000001'], '7': ['1000001'], next: ['0000000'] };
    // "1100001" reads only as 1,1,0,0,0,0,… whose total would be 2: no reading of row 一 fits.
    assert.equal(t2Consistent(runs, ids), false);
    assert.equal(t2Consistent({ ...runs, new: ['1000001'] }, ids), true);
    assert.equal(t3Consistent(['000000000000000']), true);
    assert.equal(t3Consistent(['100000000000000']), false);
  });
});
