/**
 * The CLI over many files: folders and globs, worker threads with a deterministic order, the
 * cross-year pass from summaries giving exactly what one analysis with all other files gives,
 * CSV and HTML, --fix with its list of changes and --backup, suppressed counts, help and version.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, otherReportOf, type Span } from '../../server/src/core';
import { renderReport, sampleValues, LAYOUTS } from '../helpers/layouts';
import { CLI } from '../helpers/paths';

function run(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: opts.cwd, env: { ...process.env, ...opts.env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';

/** A report of 示例<stem>县 for `year`; `bad` breaks a table-3 total. */
function report(stem: string, year: number, i: number, bad = false): string {
  const v = sampleValues();
  if (bad) v.t3[4] = 3;
  return renderReport({ title: `示例${stem}县${year}年政府信息公开工作年度报告`, narrative: `${year}年,示例${stem}县持续推进政务公开工作。`, values: v, layout: LAYOUTS[i % LAYOUTS.length] });
}

describe('cli: many files', function () {
  this.timeout(60000);
  const root = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
  const dir = join(root, 'reports');
  const sub = join(dir, 'sub');
  mkdirSync(sub, { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  mkdirSync(join(dir, '.hidden'));
  const named: string[] = [];
  const put = (path: string, text: string) => (writeFileSync(path, text), path);
  // A pair of consecutive years (cross-year findings), and more reports so that threads are used.
  named.push(put(join(dir, '示例甲县2022年度报告.txt'), report('甲', 2022, 0)));
  named.push(put(join(dir, '示例甲县2023年度报告.txt'), report('甲', 2023, 1)));
  for (let i = 1; i < 9; i++) named.push(put(join(i % 2 ? sub : dir, `示例${STEMS[i]}县2023年报.${i % 3 ? 'txt' : 'md'}`), report(STEMS[i], 2023, i, i % 4 === 1)));
  const byContent = put(join(sub, 'draft.txt'), report('癸', 2023, 3, true));
  const notes = put(join(sub, 'notes.txt'), '购物清单:苹果 3 个,梨 5 个,共 8 个。\n');
  put(join(dir, 'node_modules', '示例子县2023年报.txt'), report('子', 2023, 0, true));
  put(join(dir, '.hidden', '示例丑县2023年报.txt'), report('丑', 2023, 0, true));

  const json = (args: string[], o?: Parameters<typeof run>[1]) => {
    const r = run(['check', '--format', 'json', ...args], o);
    return { ...r, j: JSON.parse(r.out) as { files: { path: string; isReport: boolean; body?: string; year?: number; suppressed: number; reuse?: { share: number }; diagnostics: unknown[] }[] } };
  };

  it('a folder: report files by name or by content, recursively; hidden folders and node_modules skipped', () => {
    const r = json([dir]);
    const paths = r.j.files.map((f) => relative(dir, f.path)).sort();
    const expected = [...named, byContent].map((p) => relative(dir, p)).sort();
    assert.deepEqual(paths, expected);
    assert.ok(!paths.includes(relative(dir, notes)), 'a .txt that is not a report is left out of a folder');
    assert.ok(r.j.files.every((f) => f.isReport));
    assert.equal(r.code, 1);
    // Named explicitly, a file that is not a report is listed as such.
    assert.deepEqual(
      json([notes]).j.files.map((f) => f.isReport),
      [false],
    );
  });

  it('globs are expanded by the CLI (no shell), with ** and {a,b}; no match is a usage problem', () => {
    const r = json(['reports/**/*{年报,年度报告}*.txt'], { cwd: root });
    const got = r.j.files.map((f) => f.path).sort();
    const want = named
      .filter((p) => p.endsWith('.txt'))
      .map((p) => relative(root, p).split('\\').join('/'))
      .sort();
    assert.deepEqual(got, want);
    const none = run(['check', 'reports/*.pdf'], { cwd: root });
    assert.equal(none.code, 2);
    assert.match(none.err, /没有文件与 reports\/\*\.pdf 匹配/);
  });

  it('threads or not, the output is the same, in the order of the inputs, and equals one analysis with all other files', () => {
    const one = run(['check', '--format', 'json', '--jobs', '1', dir]);
    const three = run(['check', '--format', 'json', '--jobs', '3', dir]);
    assert.equal(three.out, one.out);
    const files = JSON.parse(one.out).files as { path: string; diagnostics: { rule: string; range: unknown; related: { path?: string; range: unknown }[] }[] }[];
    // Folder order: depth first, by name (here the same as sorting the paths).
    assert.deepEqual(
      files.map((f) => f.path),
      files.map((f) => f.path).sort(),
    );
    const texts = new Map(files.map((f) => [f.path, readFileSync(f.path, 'utf8')]));
    const docs = new Map([...texts].map(([p, t]) => [p, TextDocument.create('file:///x', 'plaintext', 0, t)]));
    const range = (p: string, s: Span) => ({ start: docs.get(p)!.positionAt(s.start), end: docs.get(p)!.positionAt(s.end) });
    let crossYear = 0;
    for (const f of files) {
      const others = [...texts].filter(([p]) => p !== f.path).map(([p, t]) => otherReportOf(p, t));
      const a = analyze(texts.get(f.path)!, { others });
      const expected = a.findings.map((x) => ({
        rule: x.rule,
        range: range(f.path, x.span),
        related: x.related.map((y) => ({ ...(y.uri ? { path: y.uri } : {}), range: range(y.uri ?? f.path, y.span) })),
      }));
      const got = f.diagnostics.map((d) => ({ rule: d.rule, range: d.range, related: d.related.map((y) => ({ ...(y.path ? { path: y.path } : {}), range: y.range })) }));
      assert.deepEqual(got, expected, f.path);
      crossYear += got.filter((d) => d.rule.startsWith('cross-year')).length;
    }
    assert.ok(crossYear > 0, 'the pair of years gives cross-year findings');
  });

  it('csv: BOM, CRLF, one row per finding; --summary one row per file with body, year and reuse', () => {
    const r = run(['check', '--format', 'csv', dir]);
    assert.ok(r.out.startsWith('\uFEFF文件,机关,年度,规则,级别,行,消息\r\n'));
    const rows = r.out.slice(1).trimEnd().split('\r\n');
    const findings = json([dir]).j.files.reduce((n, f) => n + f.diagnostics.length, 0);
    assert.equal(rows.length, 1 + findings);
    assert.ok(
      rows.some((l) => /示例甲县,2023,cross-year-carryover,错误,\d+,/.test(l)),
      rows.join('\n'),
    );
    const s = run(['check', '--format', 'csv', '--summary', '--locale', 'en', dir]).out;
    const lines = s.slice(1).trimEnd().split('\r\n');
    assert.equal(lines[0], 'file,body,year,status,errors,warnings,information,hints,suppressed,reuse (%)');
    assert.equal(lines.length, 1 + named.length + 1);
    const pair = lines.find((l) => l.includes('示例甲县2023'))!.split(',');
    assert.deepEqual(pair.slice(1, 4), ['示例甲县', '2023', 'errors']);
    assert.match(pair[9], /^\d+$/, 'the 2023 report has a reuse share against 2022');
    assert.equal(lines.find((l) => l.includes('示例甲县2022'))!.split(',')[9], '', 'no reuse share without last year');
    assert.equal(run(['check', '--summary', dir]).code, 2, '--summary only with csv');
  });

  it('html: one self-contained page with every report, the charts and every finding', () => {
    const out = join(root, 'summary.html');
    const r = run(['check', '--format', 'html', '-o', out, dir]);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    const html = readFileSync(out, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(html, /\b(?:src|href)="(?:https?:)?\/\//, 'nothing is loaded from the network');
    assert.equal((html.match(/<a href="#findings" class="file"/g) ?? []).length, named.length + 1);
    assert.equal((html.match(/<svg class="chart"/g) ?? []).length, 2);
    const findings = json([dir]).j.files.reduce((n, f) => n + f.diagnostics.length, 0);
    assert.equal((html.match(/<tr data-sev="/g) ?? []).length, findings);
  });

  it('--fix lists each change as file:line old → new, --backup keeps the original, a second run changes nothing', () => {
    const fixDir = mkdtempSync(join(tmpdir(), 'nianbao-fix-'));
    const file = join(fixDir, '示例县2023年度报告.txt');
    const before = report('子', 2023, 1, true);
    writeFileSync(file, before);
    const r = run(['check', '--fix', '--backup', file]);
    assert.equal(r.code, 0, r.err);
    const line = before.split('\n').findIndex((l) => l.startsWith('2 | 1 | 0 | 1 | 3 |')) + 1;
    assert.match(r.err, new RegExp(`${file.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:${line}: 3 → 4\\n`));
    assert.match(r.err, /已修正 1 处\(1 个文件\)/);
    assert.match(r.err, /原文件已保存为 .*\.bak/);
    assert.equal(readFileSync(`${file}.bak`, 'utf8'), before);
    const again = run(['check', '--fix', '--backup', file]);
    assert.equal(again.err, '');
    assert.ok(!existsSync(`${file}.bak.1`), 'nothing changed, so no second backup');
    assert.equal(run(['check', '--backup', file]).code, 2, '--backup only with --fix');
  });

  it('counts the findings left out by .nianbao-ignore.json', () => {
    const igDir = mkdtempSync(join(tmpdir(), 'nianbao-ig-'));
    const file = join(igDir, '示例县2023年度报告.txt');
    writeFileSync(file, report('子', 2023, 1, true));
    writeFileSync(join(igDir, '.nianbao-ignore.json'), JSON.stringify({ version: 1, ignore: [{ rule: 'table3-group-sum', file: '示例县2023年度报告.txt' }] }));
    const r = json([file]);
    assert.equal(r.j.files[0].diagnostics.length, 0);
    assert.equal(r.j.files[0].suppressed, 1);
    assert.match(r.err, /另有 1 个问题按 \.nianbao-ignore\.json 忽略/);
    assert.match(run(['check', '--locale', 'en', file]).err, /1 more finding suppressed by \.nianbao-ignore\.json/);
  });

  it('--help, check --help and --version, in either language; --stats on stderr', () => {
    const h = run(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.out, /nianbao check/);
    assert.match(h.out, /退出码/);
    assert.match(run(['--help'], { env: { NIANBAO_LOCALE: 'en' } }).out, /exit code: 0 no errors/);
    const c = run(['check', '--help', '--locale', 'en']);
    assert.equal(c.code, 0);
    for (const opt of ['--format', '--summary', '--fix', '--backup', '--jobs', '--quiet', '--reuse-threshold', '--output']) assert.ok(c.out.includes(opt), opt);
    assert.match(run(['--version']).out, /^nianbao \d+\.\d+\.\d+\n$/);
    const s = run(['check', '--stats', '--locale', 'en', '--format', 'json', dir]);
    assert.match(s.err, /\d+ files in [\d.]+ s \(\d+\/s\), CPU [\d.]+ s, peak memory \d+ MB/);
  });

  it('reasons a file is not read, in Chinese by default: UTF-16, too large, not a regular file', () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-why-'));
    const le = join(d, 'le.txt');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report('子', 2023, 0), 'utf16le')]));
    const big = join(d, 'big.txt');
    writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 0x41));
    const r = run(['check', le, big, '/dev/null']);
    assert.equal(r.code, 2);
    assert.match(r.err, /le\.txt: 是 UTF-16LE 编码的文本\(带字节顺序标记\),不是 UTF-8。请转存为 UTF-8:记事本.*iconv -f UTF-16 -t UTF-8/);
    assert.match(r.err, /big\.txt: 文件过大\(6\.0 MB,上限 5\.0 MB\),未读取/);
    if (process.platform !== 'win32') assert.match(r.err, /\/dev\/null: 不是普通文件\(character device\),未读取/);
  });

  it('no progress display when stderr is not a terminal', () => {
    const r = run(['check', '--jobs', '2', dir]);
    assert.doesNotMatch(r.err, /\r|文件 ·/);
  });
});
