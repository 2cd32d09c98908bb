/**
 * Generators and invariant checks for the property and fuzz tests.
 *
 * Inputs are recipes (a base report and a list of edits), not strings, so that a failing case
 * prints as something a person can read and replay: `textOf(recipe)` rebuilds the text.
 * Runs are seeded: NIANBAO_FUZZ_SEED (default fixed) and NIANBAO_FUZZ_RUNS (default: quick).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { analyze, applyEdits, fixAll, type AnalyzeOptions, type Analysis, type Finding } from '../../server/src/core';
import { normalize } from '../../server/src/core/text/normalize';
import { LAYOUTS, T2_IDS, renderReport, sampleValues, type Layout, type TableValues } from './layouts';
import { CORPUS, HAS_CORPUS } from './paths';

// ---------------------------------------------------------------------------------------------
// Run control

/** The seed of every property (fixed, so `npm test` is deterministic). */
export const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? 20240131);
const RUNS = process.env.NIANBAO_FUZZ_RUNS ? Number(process.env.NIANBAO_FUZZ_RUNS) : undefined;
/** Whether a longer run was asked for (tests then lift their mocha timeouts). */
export const LONG = RUNS !== undefined;

/** Number of runs: `quick` by default; NIANBAO_FUZZ_RUNS scales it (relative to 100). */
export function runs(quick: number): number {
  return RUNS === undefined ? quick : Math.max(1, Math.round((RUNS * quick) / 100));
}

export function params<T>(quick: number): fc.Parameters<T> {
  return { seed: SEED, numRuns: runs(quick), endOnFailure: !LONG };
}

// ---------------------------------------------------------------------------------------------
// Base texts

export interface BaseText {
  name: string;
  text: string;
}

function perturbed(v: TableValues, row: string, col: number, by: number): TableValues {
  const c = structuredClone(v);
  c.t2[row][col] += by;
  return c;
}

const TITLE = '示例县2023年政府信息公开工作年度报告';
const NARRATIVE = [
  '2023年,本县共收到政府信息公开申请141件,其中自然人申请120件,法人或其他组织申请21件;上年结转5件。',
  '全年办结137件,其中予以公开83件,占60.6%;部分公开12件,占8.8%;不予公开9件;无法提供22件;不予处理7件;其他处理4件。',
  '结转下年度继续办理9件。全年主动公开政府信息3125条,制发规范性文件12件,废止3件,现行有效86件。',
  '行政复议4件,其中结果纠正1件;行政诉讼3件。',
].join('\n');

/** The corpus reports (when ../shared/corpus exists) and rendered reports in every layout. */
export const BASES: readonly BaseText[] = (() => {
  const out: BaseText[] = [];
  if (HAS_CORPUS) {
    for (const d of ['seeds', 'real']) {
      for (const f of readdirSync(join(CORPUS, d))
        .filter((x) => x.endsWith('.txt'))
        .sort()) {
        out.push({ name: `${d}/${f}`, text: readFileSync(join(CORPUS, d, f), 'utf8') });
      }
    }
  }
  LAYOUTS.forEach((layout, i) => {
    const values = i % 2 ? perturbed(sampleValues(), '7', 0, -2) : sampleValues();
    out.push({ name: `render/${layout}${i % 2 ? '+error' : ''}`, text: renderReport({ title: TITLE, narrative: NARRATIVE, values, layout }) });
  });
  return out;
})();

// ---------------------------------------------------------------------------------------------
// Pieces of text to insert

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const DOMAIN = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '(一)',
  '(七)总计',
  '总计',
  '予以公开',
  '部分公开',
  '不予公开',
  '本年新收',
  '上年结转',
  '结转下年度继续办理',
  '行政复议',
  '行政诉讼',
  '结果纠正',
  '规章',
  '行政规范性文件',
  '行政许可',
  '共',
  '其中',
  '占',
  '%',
  '%',
  '件',
  '条',
  '余',
  '约',
  '。',
  ',',
  ';',
  ':',
  '、',
  '第二十条',
  '勾稽关系',
  '- 2 -',
  '2023年',
  '0832-8223730',
  '〔2021〕30号',
  '1.',
  '|',
  ' | ',
  '\t',
  '---',
];
const EMOJI = ['😀', '👨‍👩‍👧', '🇨🇳', '𠮷', '\u{1F600}\u{FE0F}', '1\uFE0F\u20E3', '\u200D', '\u200B', '\u0301', '\u202E'];

export const digits = fc.string({ unit: pick([...'0123456789']), minLength: 1, maxLength: 6 });
const fullDigits = fc.string({ unit: pick([...'０１２３４５６７８９．％（）：，']), minLength: 1, maxLength: 6 });
const structure = fc.string({ unit: pick(['|', ' ', '\t', '\n', '\r\n', '\r', '\u3000', '\u00A0', '\uFEFF', '||', '|||']), minLength: 1, maxLength: 6 });
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const unicode = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 });
const graphemes = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 });

/** A short string of the kinds that break parsers: digits, pipes, line ends, domain words, any Unicode. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: digits, weight: 4 },
  { arbitrary: fullDigits, weight: 1 },
  { arbitrary: structure, weight: 3 },
  { arbitrary: pick(DOMAIN), weight: 3 },
  { arbitrary: fc.array(fc.oneof(pick(DOMAIN), digits, structure), { minLength: 2, maxLength: 5 }).map((xs) => xs.join('')), weight: 2 },
  { arbitrary: pick(EMOJI), weight: 1 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: unicode, weight: 1 },
  { arbitrary: graphemes, weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Recipes: a base and edits

/** Positions are fractions of the current length in millionths, so they stay valid after edits. */
export type Mutation =
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'replace'; at: number; len: number; s: string }
  | { op: 'duplicate'; at: number; len: number }
  | { op: 'digit'; at: number; s: string }
  | { op: 'eol'; style: 'crlf' | 'cr' | 'mixed' }
  | { op: 'bom' };

export interface Recipe {
  base: number;
  mutations: Mutation[];
}

const at = fc.integer({ min: 0, max: 1_000_000 });
const len = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 600 }));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at, s: piece }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), at, len }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('replace' as const), at, len, s: piece }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, len }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('digit' as const), at, s: digits }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('eol' as const), style: pick(['crlf', 'cr', 'mixed'] as const) }), weight: 1 },
  { arbitrary: fc.constant({ op: 'bom' as const }), weight: 1 },
);

export const recipe: fc.Arbitrary<Recipe> = fc.record({
  base: fc.integer({ min: 0, max: BASES.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }),
});

const posOf = (text: string, at: number) => Math.floor((at / 1_000_000) * (text.length + 1)) % (text.length + 1);

export function mutate(text: string, m: Mutation): string {
  switch (m.op) {
    case 'insert': {
      const p = posOf(text, m.at);
      return text.slice(0, p) + m.s + text.slice(p);
    }
    case 'delete': {
      const p = posOf(text, m.at);
      return text.slice(0, p) + text.slice(p + m.len);
    }
    case 'replace': {
      const p = posOf(text, m.at);
      return text.slice(0, p) + m.s + text.slice(p + m.len);
    }
    case 'duplicate': {
      const p = posOf(text, m.at);
      return text.slice(0, p + m.len) + text.slice(p, p + m.len) + text.slice(p + m.len);
    }
    case 'digit': {
      // Replace the number nearest after the position (a retyped figure).
      const p = posOf(text, m.at);
      const re = /\d+/g;
      re.lastIndex = p;
      const hit = re.exec(text) ?? /\d+/.exec(text);
      if (!hit) return text;
      return text.slice(0, hit.index) + m.s + text.slice(hit.index + hit[0].length);
    }
    case 'eol': {
      let i = 0;
      const to = m.style === 'crlf' ? () => '\r\n' : m.style === 'cr' ? () => '\r' : () => ['\n', '\r\n', '\r'][i++ % 3];
      return text.replace(/\r\n|\r|\n/g, to);
    }
    case 'bom':
      return text.startsWith('\uFEFF') ? text : '\uFEFF' + text;
  }
}

export function textOf(r: Recipe): string {
  return r.mutations.reduce(mutate, BASES[r.base].text);
}

// ---------------------------------------------------------------------------------------------
// Rendered reports from random values (consistent, then a few cells changed)

export interface Rendered {
  layout: Layout;
  eol: '\n' | '\r\n';
  mergedSix: boolean;
  /** Detail cells of table 2 (result rows × 6 applicant columns), row-major. */
  detail: number[];
  carried: number[];
  next: number[];
  t3: number[];
  /** Table 1: 规章 ×3, 行政规范性文件 ×3, 许可, 处罚, 强制, then the fee in hundredths of 万元. */
  t1: number[];
  /** Cells changed after the table was made consistent: [row index in T2_IDS, column, new value]. */
  errors: [number, number, number][];
  /** Narrative figures: [index of a figure in the narrative template, new value] changes. */
  narrativeErrors: [number, number][];
}

const RESULT_IDS = T2_IDS.filter((id) => /^[1-6]\./.test(id) || id === '1' || id === '2');
const small = fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, { arbitrary: fc.integer({ min: 0, max: 30 }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 5000 }), weight: 1 });

export const rendered: fc.Arbitrary<Rendered> = fc.record({
  layout: pick(LAYOUTS),
  eol: pick(['\n', '\r\n'] as const),
  mergedSix: fc.boolean(),
  detail: fc.array(small, { minLength: RESULT_IDS.length * 6, maxLength: RESULT_IDS.length * 6 }),
  carried: fc.array(small, { minLength: 6, maxLength: 6 }),
  next: fc.array(small, { minLength: 6, maxLength: 6 }),
  t3: fc.array(small, { minLength: 12, maxLength: 12 }),
  t1: fc.array(small, { minLength: 10, maxLength: 10 }),
  errors: fc.array(fc.tuple(fc.integer({ min: 0, max: T2_IDS.length - 1 }), fc.integer({ min: 0, max: 6 }), small), { maxLength: 3 }),
  narrativeErrors: fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), small), { maxLength: 2 }),
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (x: number, n: number) => (n ? ((100 * x) / n).toFixed(1) : '0.0');

export function valuesOf(r: Rendered): TableValues {
  const v = sampleValues();
  const row = (xs: number[]) => [...xs, sum(xs)];
  RESULT_IDS.forEach((id, i) => (v.t2[id] = row(r.detail.slice(i * 6, i * 6 + 6))));
  const total = [0, 1, 2, 3, 4, 5, 6].map((c) => sum(RESULT_IDS.map((id) => v.t2[id][c])));
  v.t2['7'] = total;
  v.t2.next = row(r.next);
  // carried ≤ total + next in every column, so that 一 = (七) + 四 − 二 is not negative.
  v.t2.carried = row(r.carried.map((x, c) => Math.min(x, total[c] + r.next[c])));
  v.t2.new = [0, 1, 2, 3, 4, 5, 6].map((c) => v.t2['7'][c] + v.t2.next[c] - v.t2.carried[c]);
  v.t3 = [0, 1, 2].flatMap((g) => {
    const parts = r.t3.slice(g * 4, g * 4 + 4);
    return [...parts, sum(parts)];
  });
  const [r1, r2, r3, n1, n2, n3, license, penalty, coercion, fee] = r.t1;
  v.t1 = { rules: [r1, r2, r3], normative: [n1, n2, n3], license, penalty, coercion, fees: (fee / 100).toFixed(fee % 3 ? 2 : 0) };
  for (const [ri, c, x] of r.errors) v.t2[T2_IDS[ri]][c] = x;
  return v;
}

/** A narrative that restates the tables, as section 一 does (some figures optionally wrong). */
export function narrativeOf(v: TableValues, errs: [number, number][]): string {
  const t = v.t2;
  const g = (id: string) => t[id][6];
  const three = sum(T2_IDS.filter((id) => id.startsWith('3.')).map(g));
  const four = sum(T2_IDS.filter((id) => id.startsWith('4.')).map(g));
  const five = sum(T2_IDS.filter((id) => id.startsWith('5.')).map(g));
  const six = sum(T2_IDS.filter((id) => id.startsWith('6.')).map(g));
  const figures: (number | string)[] = [
    g('new'),
    t.new[0],
    g('new') - t.new[0],
    g('carried'),
    g('7'),
    g('1'),
    pct(g('1'), g('7')),
    g('2'),
    pct(g('2'), g('7')),
    three,
    four,
    five,
    six,
    g('next'),
    v.t1.normative[0],
    v.t1.normative[1],
    v.t1.normative[2],
    v.t3[4],
    v.t3[1],
    v.t3[9] + v.t3[14],
    v.t3[9],
  ];
  for (const [i, x] of errs) figures[i % figures.length] = typeof figures[i % figures.length] === 'string' ? (x / 10).toFixed(1) : x;
  const f = (i: number) => String(figures[i]);
  return [
    `本年度共收到政府信息公开申请${f(0)}件,其中自然人申请${f(1)}件,法人或其他组织申请${f(2)}件;上年结转${f(3)}件。`,
    `全年办结${f(4)}件,其中予以公开${f(5)}件,占${f(6)}%;部分公开${f(7)}件,占${f(8)}%;不予公开${f(9)}件;无法提供${f(10)}件;不予处理${f(11)}件;其他处理${f(12)}件。结转下年度继续办理${f(13)}件。`,
    `本年制发规范性文件${f(14)}件,废止${f(15)}件,现行有效${f(16)}件。`,
    `全年行政复议${f(17)}件,其中结果纠正${f(18)}件;行政诉讼${f(19)}件,其中复议后起诉${f(20)}件。`,
  ].join('\n');
}

export function renderedText(r: Rendered): string {
  const values = valuesOf(r);
  return renderReport({ title: TITLE, narrative: narrativeOf(values, r.narrativeErrors), values, layout: r.layout, mergedSix: r.mergedSix, eol: r.eol });
}

// ---------------------------------------------------------------------------------------------
// Invariants

export class Violation extends Error {}

function fail(what: string, detail?: unknown): never {
  throw new Violation(detail === undefined ? what : `${what}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether offset `i` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

export function checkSpan(text: string, s: { start: number; end: number }, what: string): void {
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > text.length) {
    fail(`${what} outside the document (length ${text.length})`, s);
  }
  if (splitsPair(text, s.start) || splitsPair(text, s.end)) fail(`${what} splits a surrogate pair`, s);
}

const NUMBER_AT = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/g;
const NUMBER_ONLY = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** The whole number token of the (normalised) text that contains offset `start`, if any. */
export function numberTokenAt(norm: string, start: number): { start: number; end: number } | undefined {
  let a = start;
  while (a > 0 && /[\d.,]/.test(norm[a - 1])) a--;
  NUMBER_AT.lastIndex = a;
  for (let m = NUMBER_AT.exec(norm); m && m.index <= start; m = NUMBER_AT.exec(norm)) {
    if (m.index <= start && start < m.index + m[0].length) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

const within = (s: { start: number; end: number }, o: { start: number; end: number }) => s.start >= o.start && s.end <= o.end;

/**
 * A fix that fix-all may apply edits numbers only: every edit replaces exactly one whole number
 * token (digits, optionally a decimal part or thousands commas; full-width allowed) — or the digits
 * of one cell inside a run of digits that ran together — with a number,
 * and that number lies in the finding's span or one of its related spans (the number it is about).
 * Fixes kept out of fix-all (stage "never", e.g. deleting a pasted-twice block) are exempt.
 */
export function checkFixEdits(text: string, norm: string, f: Finding): void {
  for (const fix of f.fixes) {
    for (const e of fix.edits) {
      checkSpan(text, e, `${f.rule}: fix edit`);
      if (fix.stage === 'never') continue;
      const old = norm.slice(e.start, e.end);
      const tok = numberTokenAt(norm, e.start);
      // A cell cut from digits run together ("…总计21710000218") is part of one digit run.
      const inRun = !!tok && within(e, tok) && /^\d+$/.test(norm.slice(tok.start, tok.end)) && /^\d+$/.test(old);
      // An empty table cell ("|  |") or a placeholder ("—") gets the number it should hold.
      const blankCell = /^(?:\s*|[-—–―]{1,2}|\/|无|空)$/.test(old) && /^\s*[0-9\uff10-\uff19]+\s*$/.test(e.newText);
      if (blankCell) continue;
      if (!NUMBER_ONLY.test(old) || !tok || ((tok.start !== e.start || tok.end !== e.end) && !inRun)) {
        fail(`${f.rule}: fix edit does not replace one whole number`, { edit: e, old: text.slice(e.start, e.end), around: text.slice(Math.max(0, e.start - 12), e.end + 12) });
      }
      if (!NUMBER_ONLY.test(normalize(e.newText))) fail(`${f.rule}: fix writes something other than a number`, { edit: e });
      if (!within(e, f.span) && !f.related.some((r) => within(e, r.span))) {
        fail(`${f.rule}: fix edits a number outside the finding and its related spans`, { edit: e, span: f.span, around: text.slice(Math.max(0, e.start - 12), e.end + 12) });
      }
    }
  }
}

/** Generous hang detector (not a benchmark): 50 ms + 2 ms per KB (UTF-8) of text. */
export const timeBoundMs = (text: string) => 50 + (2 * Buffer.byteLength(text)) / 1024;

/**
 * analyze, timed. A run over the bound is repeated twice and fails only when every run is over
 * it: a hang or a quadratic scan is slow every time, a machine busy with other work is not.
 */
export function timedAnalyze(text: string, options?: AnalyzeOptions, boundMs = timeBoundMs(text)): Analysis {
  const times: number[] = [];
  let a: Analysis | undefined;
  while (times.length < 3) {
    const t0 = performance.now();
    try {
      a = analyze(text, options);
    } catch (e) {
      fail('analyze threw', e instanceof Error ? e.stack : String(e));
    }
    times.push(performance.now() - t0);
    if (times[times.length - 1] <= boundMs) return a;
  }
  fail(`analyze took ${times.map((t) => t.toFixed(0)).join(', ')} ms for ${Buffer.byteLength(text)} bytes (bound ${boundMs.toFixed(0)} ms)`);
}

/** Every invariant of one analysis: no rule errors, spans inside, fixes edit numbers only (`boundMs`: the time bound). */
export function checkAnalysis(text: string, options?: AnalyzeOptions, boundMs?: number): Analysis {
  const a = timedAnalyze(text, options, boundMs);
  if (a.errors.length) fail('a rule threw', a.errors[0]);
  const norm = normalize(text);
  for (const f of a.findings) {
    checkSpan(text, f.span, `${f.rule}: span`);
    for (const r of f.related) checkSpan(text, r.span, `${f.rule}: related span`);
    checkFixEdits(text, norm, f);
  }
  return a;
}

/** Fix-all reaches a fixed point: running it on its own result changes nothing. */
export function checkFixAllIdempotent(text: string, options?: AnalyzeOptions): void {
  let once: string;
  let twice: string;
  try {
    const r = fixAll(text, options);
    once = r.text;
    // The edits fix-all reports (what the editor applies) give the same text.
    if (applyEdits(text, r.edits) !== once) fail('the edits of fix-all do not give its text');
    twice = fixAll(once, options).text;
  } catch (e) {
    if (e instanceof Violation) throw e;
    fail('fixAll threw', e instanceof Error ? e.stack : String(e));
  }
  if (once !== twice) {
    let p = 0;
    while (p < once.length && once[p] === twice[p]) p++;
    fail('fix-all is not idempotent', { at: p, first: once.slice(Math.max(0, p - 20), p + 20), second: twice.slice(Math.max(0, p - 20), p + 20) });
  }
}

/** All properties on one text, with and without assumeReport. */
export function checkAll(text: string): void {
  for (const options of [undefined, { assumeReport: true }]) {
    checkAnalysis(text, options);
    checkFixAllIdempotent(text, options);
  }
}
