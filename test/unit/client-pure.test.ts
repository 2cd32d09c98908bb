/** The client's pure parts: garbled-GBK detection and the fix-all change summary. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectMojibake } from '../../client/src/mojibake';
import { describeChanges, numberChanges } from '../../client/src/fixSummary';
import { ROOT } from '../helpers/paths';

const EXAMPLE = readFileSync(join(ROOT, 'examples', '示例县2023年政府信息公开工作年度报告.txt'), 'utf8');

/** Real GBK bytes: Node decodes GBK but has no encoder, so the table is built by decoding every two-byte code. */
function gbk(text: string): Buffer {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}

describe('garbled GBK text', () => {
  it('the GBK encoder of this test is right (round trip)', () => {
    assert.equal(new TextDecoder('gbk').decode(gbk(EXAMPLE)), EXAMPLE);
  });
  it('GBK bytes read as UTF-8 (replacement characters) are recognised', () => {
    assert.equal(detectMojibake(new TextDecoder('utf-8').decode(gbk(EXAMPLE))), 'replacement');
  });
  it('GBK bytes read as Latin-1 / Windows-1252 are recognised', () => {
    assert.equal(detectMojibake(new TextDecoder('latin1').decode(gbk(EXAMPLE))), 'latin1');
  });
  it('a real UTF-8 report, English text, a few stray replacement characters or accents are not', () => {
    assert.equal(detectMojibake(EXAMPLE), undefined);
    assert.equal(detectMojibake(EXAMPLE + '\ufffd\ufffd\ufffd\ufffd\ufffd'), undefined);
    assert.equal(detectMojibake('Plain English notes, nothing else.'), undefined);
    assert.equal(detectMojibake('Café, naïve, résumé, Zürich, São Paulo — ordinary accents.'), undefined);
  });
});

describe('fix-all summary', () => {
  it('lists each changed number with its line', () => {
    const before = 'a 96 |\nb 3 |\nc 79.8%\n';
    const after = 'a 97 |\nb 4 |\nc 80.0%\n';
    const changes = numberChanges(before, after);
    assert.deepEqual(changes, [
      { line: 1, before: '96', after: '97' },
      { line: 2, before: '3', after: '4' },
      { line: 3, before: '79.8%', after: '80.0%' },
    ]);
    assert.equal(describeChanges(changes, 'zh'), 'nianbao：已修正 3 处：第 1 行 96 → 97；第 2 行 3 → 4；第 3 行 79.8% → 80.0%');
    assert.equal(describeChanges(changes, 'en'), 'nianbao: fixed 3 numbers: line 1: 96 → 97; line 2: 3 → 4; line 3: 79.8% → 80.0%');
  });
  it('says when nothing changed, and cuts long lists', () => {
    assert.deepEqual(numberChanges('x 1', 'x 1'), []);
    assert.match(describeChanges([], 'zh'), /没有可自动修正的问题/);
    const many = Array.from({ length: 12 }, (_, i) => ({ line: i + 1, before: '1', after: '2' }));
    assert.match(describeChanges(many, 'zh', 8), /已修正 12 处：.*；…等另 4 处$/);
  });
  it('a change that is not only numbers is shown as one change of the middle', () => {
    assert.deepEqual(numberChanges('一\n二 abc 三', '一\n二 xyz 三'), [{ line: 2, before: 'abc', after: 'xyz' }]);
  });
});
