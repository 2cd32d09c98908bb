/** Damaged input never takes the readers down: truncated and corrupted files give a text or a reason. */
import * as assert from 'node:assert/strict';
import { extract } from '../../server/src/formats';
import { publish } from '../helpers/published';
import { renderDocx } from '../helpers/renderDocx';
import { renderHtml } from '../helpers/renderHtml';
import { renderPdf } from '../helpers/renderPdf';
import { renderReport, sampleValues } from '../helpers/layouts';

describe('formats: damaged files', function () {
  this.timeout(120000);
  const doc = publish(renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: sampleValues(), layout: 'tabs' }));
  const files: [string, Buffer][] = [
    ['r.html', renderHtml(doc)],
    ['r.docx', renderDocx(doc)],
    ['r.pdf', renderPdf(doc)],
  ];

  it('truncated at 20 points and with bytes overwritten, every file gives a text or a reason', async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (const [name, bytes] of files) {
      const variants: Buffer[] = [];
      for (let k = 1; k <= 20; k++) variants.push(bytes.subarray(0, Math.floor((bytes.length * k) / 21)));
      for (let k = 0; k < 10; k++) {
        const b = Buffer.from(bytes);
        for (let j = 0; j < 20; j++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
        variants.push(b);
      }
      for (const v of variants) {
        const r = await extract(v, name);
        if (r.ok) assert.equal(typeof r.value.text, 'string');
        else assert.ok(r.reason.length > 0 && r.reasonEn.length > 0, `${name}: empty reason`);
      }
    }
  });

  it('an empty file and random bytes under every extension give a reason', async () => {
    for (const name of ['a.pdf', 'a.docx', 'a.html', 'a.doc', 'a.bin']) {
      const empty = await extract(Buffer.alloc(0), name);
      assert.equal(empty.ok, false);
      const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
      const r = await extract(noise, name);
      if (name !== 'a.html') assert.equal(r.ok, false, name);
    }
  });
});
