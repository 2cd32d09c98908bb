/**
 * The reader failing on one file (the core promises it does not, so this is injected through the
 * parameters that take the reader or the analysis) costs that file only: the workspace index logs
 * it and leaves it out, and a CLI batch gives it an error entry and checks the other files.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, parseReport, type AnalyzeOptions } from '../../server/src/core';
import { crossYear } from '../../server/src/cli/batch';
import type { CheckConfig, Task } from '../../server/src/cli/check';
import { renderJson } from '../../server/src/cli/output/json';
import { statusOf } from '../../server/src/cli/output/status';
import { checkAll } from '../../server/src/cli/pool';
import { ReportIndex } from '../../server/src/reportIndex';
import { renderReport, sampleValues } from '../helpers/layouts';

const STEMS = ['甲', '乙', '丙'];
const BROKEN = '乙';

/** Three reports in a folder; table 2's total of 甲 and 丙 is wrong (116 for 118). */
function folder(): { root: string; paths: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-reader-failure-'));
  const v = sampleValues();
  v.t2['7'][0] = 116;
  const paths = STEMS.map((stem, i) => {
    const path = join(root, `${i}示例${stem}县2023年度报告.txt`);
    writeFileSync(path, renderReport({ title: `示例${stem}县2023年政府信息公开工作年度报告`, narrative: '概述。', values: v, layout: 'pipe-rows' }));
    return path;
  });
  return { root, paths };
}

const explode = () => {
  throw new Error('reader exploded');
};

describe('a reader failure costs one file', () => {
  it('workspace index: the scan goes on past the file, logs it and leaves it out; a file that starts failing is dropped', async () => {
    const { root, paths } = folder();
    const logs: string[] = [];
    const failing = new Set([BROKEN]);
    const reader = (text: string) => ([...failing].some((s) => text.includes(`示例${s}县`)) ? explode() : parseReport(text));
    const index = new ReportIndex(Infinity, (m) => logs.push(m), reader);
    await index.scan([pathToFileURL(root).toString()]);
    assert.deepEqual(
      index.others('none').map((o) => o.uri),
      [paths[0], paths[2]].map((p) => pathToFileURL(p).toString()),
    );
    assert.equal(logs.length, 1);
    assert.match(logs[0], /1示例乙县2023年度报告\.txt could not be read as a report \(reader exploded\); it is left out of the cross-year checks/);

    // A file-watch event for a file the reader now fails on: no throw, its old summary goes.
    failing.add('丙');
    const before = index.generation;
    index.load(pathToFileURL(paths[2]).toString());
    assert.equal(index.generation, before + 1);
    assert.deepEqual(
      index.others('none').map((o) => o.uri),
      [pathToFileURL(paths[0]).toString()],
    );
    assert.equal(logs.length, 2);
  });

  const config: CheckConfig = { severity: {}, fix: false, backup: false };
  const tasks = (paths: string[], onlyIfReport: boolean): Task[] => paths.map((path, index) => ({ index, path, onlyIfReport }));
  const run = async (paths: string[], onlyIfReport: boolean, analyzeText: (text: string, o: AnalyzeOptions) => ReturnType<typeof analyze>) => {
    const outcomes = await checkAll(tasks(paths, onlyIfReport), config, { jobs: 1, script: '', analyze: analyzeText });
    return crossYear(outcomes, config);
  };

  it('CLI batch: an analysis that throws gives the file an error entry; the files after it are checked', async () => {
    const { paths } = folder();
    const results = await run(paths, false, (text, o) => (text.includes(`示例${BROKEN}县`) ? explode() : analyze(text, o)));
    assert.deepEqual(
      results.map((r) => statusOf(r)),
      ['errors', 'unreadable', 'errors'],
    );
    const json = JSON.parse(renderJson(results, 'en')) as { files: { path: string; isReport: boolean; error?: string; diagnostics: unknown[] }[] };
    assert.deepEqual(json.files[1], { path: paths[1], isReport: false, error: 'internal error: reader exploded', suppressed: 0, diagnostics: [] });
    assert.ok(json.files[0].diagnostics.length > 0 && json.files[2].diagnostics.length > 0);
    assert.ok(!json.files[0].error && !json.files[2].error);
  });

  it('CLI batch: a reader failure that analyze() records (no report, readError set) is an error entry too, not a silently skipped file', async () => {
    const { paths } = folder();
    // What analyze() returns when its reader throws (server/src/core/check/index.ts).
    const failed = (o: AnalyzeOptions) => ({ ...analyze('', o), errors: ['parse: Error: reader exploded'], readError: 'Error: reader exploded' });
    const results = await run(paths, true, (text, o) => (text.includes(`示例${BROKEN}县`) ? failed(o) : analyze(text, o)));
    assert.equal(results.length, 3, 'a folder search does not drop it as "not a report"');
    const json = JSON.parse(renderJson(results, 'zh')) as { files: { error?: string }[] };
    assert.match(json.files[1].error ?? '', /^无法按年度报告读取.内部错误..Error: reader exploded$/);
    assert.equal(statusOf(results[1]), 'unreadable');
    assert.equal(statusOf(results[2]), 'errors');
  });

  it('the core entry is total: when the reader throws (here on input that is not text), parseReport and analyze report it instead of throwing', () => {
    const notText = null as unknown as string;
    const parsed = parseReport(notText);
    assert.equal(parsed.model.isReport, false);
    assert.ok(parsed.error, 'the failure is returned');
    const a = analyze(notText);
    assert.equal(a.isReport, false);
    assert.equal(a.readError, parsed.error);
    assert.deepEqual(a.findings, []);
    assert.equal(analyze('示例县2023年政府信息公开工作年度报告').readError, undefined);
  });
});
