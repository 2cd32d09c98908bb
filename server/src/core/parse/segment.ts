/**
 * Crawled page text puts a whole report on one line: "…。一、总体情况 2023年，…二、主动公开政府
 * 信息情况第二十条…". Such a line is cut into virtual lines — at every sentence end and around
 * every inline section heading — so that headings, tables and prose are found as in a pasted
 * report. Offsets do not change; a virtual line is just a shorter [start, end).
 */
import type { Line } from '../text/lines';
import { SECTIONS } from '../template/format';

/** Only lines at least this long are looked at (a heading line of a normal report is short). */
const MIN_LENGTH = 120;
/** An inline heading: a numeral and "、", a title of up to 30 characters ending in one of these. */
const INLINE = /([一二三四五六])[、.]\s*([^。;!?\d|]{1,30}?(?:情况|事项|概况|概述))/g;
/** National titles, recognised wherever they stand. */
const NATIONAL = /^(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、?行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)$/;
/** What may stand right before an inline heading. */
const BEFORE = /[\s。;!?)\]】”"'0-9|:]/;

/** Where section headings start and end inside a long line (normalised text). */
function inlineHeadings(norm: string, start: number, end: number, s = norm.slice(start, end)): [number, number][] {
  const out: [number, number][] = [];
  if (!s.includes('、') && !s.includes('.')) return out;
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(s); m; m = INLINE.exec(s)) {
    const at = m.index;
    const title = m[2];
    // After a sentence, a number or white space; after other text ("…802895.90元三、收到和处理…")
    // only when the title is a national one.
    if (at > 0 && !BEFORE.test(s[at - 1]) && !NATIONAL.test(title)) continue;
    if (!SECTIONS.some((d) => d.key.test(title))) continue;
    out.push([start + at, start + at + m[0].length]);
  }
  return out;
}

/** Table rows run into their numbers ("…申请数量21710000218"): a table flattened onto one line. */
const GLUED_TABLE = /(?:申请数量|予以公开|国家秘密|行政查询事项|相关政府信息|继续办理|尚未审结总计|件数规章|行政许可|行政处罚|行政强制|事业性收费)\s?\d+(?:\.\d+)?(?![\d.件项个次条篇期场人元万余多%])/;

/** The lines with long crawled lines cut into virtual ones; other lines are kept as they are. */
export function refineLines(lines: Line[], norm: string): Line[] {
  let changed = false;
  const out: Line[] = [];
  for (const line of lines) {
    const len = line.end - line.start;
    const s = len >= MIN_LENGTH ? norm.slice(line.start, line.end) : '';
    const heads = s ? inlineHeadings(norm, line.start, line.end, s) : [];
    // A long line without a section heading or a flattened table in it is an ordinary paragraph.
    if (heads.length === 0 && !(s && GLUED_TABLE.test(s))) {
      out.push(out.length === line.index ? line : { ...line, index: out.length });
      continue;
    }
    changed = true;
    const cuts = new Set<number>();
    for (const [a, b] of heads) cuts.add(a).add(b);
    for (let i = line.start; i < line.end; i++) {
      const c = norm.charCodeAt(i);
      if (c === 0x3002 || c === 33 || c === 63) cuts.add(i + 1); // 。 ! ?
    }
    let from = line.start;
    for (const cut of [...cuts].filter((c) => c > line.start && c < line.end).sort((x, y) => x - y)) {
      out.push({ index: out.length, start: from, end: cut, virtual: true });
      from = cut;
    }
    out.push({ index: out.length, start: from, end: line.end, virtual: true });
  }
  return changed ? out : lines;
}
