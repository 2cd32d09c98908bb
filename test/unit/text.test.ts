import * as assert from 'node:assert/strict';
import { normalize } from '../../server/src/core/text/normalize';
import { splitLines, lineAt } from '../../server/src/core/text/lines';
import { compact, spanOf } from '../../server/src/core/text/compact';

describe('text layer', () => {
  it('normalises full-width forms one code unit to one', () => {
    const s = '（一）予以公开：１２件，占３０．５％\u3000😀';
    const n = normalize(s);
    assert.equal(n.length, s.length);
    assert.equal(n, '(一)予以公开:12件,占30.5% 😀');
  });

  it('splits LF, CRLF and CR lines keeping offsets', () => {
    const text = 'a\r\nbb\ncc\rd';
    const lines = splitLines(text);
    assert.deepEqual(
      lines.map((l) => [l.start, l.end, text.slice(l.start, l.end)]),
      [
        [0, 1, 'a'],
        [3, 5, 'bb'],
        [6, 8, 'cc'],
        [9, 10, 'd'],
      ],
    );
    assert.equal(lineAt(lines, 4), 1);
    assert.equal(lineAt(lines, 9), 3);
  });

  it('compacts white space and maps back to original offsets', () => {
    const text = '受理政府\n信息公开申请 17 件';
    const c = compact(text, 0, text.length);
    assert.equal(c.s, '受理政府信息公开申请17件');
    const i = c.s.indexOf('17');
    const sp = spanOf(c, i, i + 2);
    assert.equal(text.slice(sp.start, sp.end), '17');
  });
});

describe('compact: digits separated by white space stay separate', () => {
  it('puts a gap mark between them, mapped to the white space', () => {
    const text = '结果纠正9 1件,申请 21 件';
    const c = compact(text, 0, text.length);
    assert.equal(c.s, '结果纠正9_1件,申请21件');
    assert.equal(text[c.map[c.s.indexOf('_')]], ' ');
  });
});
