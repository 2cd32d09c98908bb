/**
 * A local section order (family of shanghai_kewei_2024.txt): the narrative first under local
 * titles (一、总体情况 二、工作机制保障 三、主动公开工作情况 四、政府信息公开申请情况 …), then the
 * national parts under other numerals (一、主动公开政府信息情况 二、收到和处理… 三、…行政复议…
 * 五、其他需要报告的事项), the heading of the problems section lost in conversion while its
 * (一)主要问题 / (二)改进情况 remain. The tables keep the original report's own text, so this
 * family tests the sections alone.
 */
import type { CopyDoc, Doc, SectionDoc, Values, Verbatim } from './doc';
import type { Rng } from './rng';
import { Out } from './text';
import type { Rendered } from './types';

const NUMERALS = '一二三四五六七八九十';
/** Local titles like 市科委's, by what the sub-heading is about. */
const LOCAL: [RegExp, string][] = [
  [/主动公开/, '主动公开工作情况'],
  [/申请/, '政府信息公开申请情况'],
  [/管理/, '政府信息管理'],
  [/平台/, '政府信息公开平台建设'],
  [/监督|保障/, '监督保障工作'],
];
const localTitle = (sub: string) => LOCAL.find(([re]) => re.test(sub))?.[1];
const renumber = (heading: string, n: number) => heading.replace(/^[一二三四五六七八九十]+[、.．]/, NUMERALS[n - 1] + '、');
const stripMarker = (s: string) => s.replace(/^[（(][一二三四五六七八九十]+[）)]\s*/, '').replace(/[。.]$/, '');

/** The table's original text with the cells whose value differs from `orig` rewritten. */
export function substituted(vb: Verbatim, orig: Values, now: Values, table: 2 | 3): string {
  const edits: { start: number; end: number; text: string }[] = [];
  if (table === 2)
    for (const id of orig.t2ids)
      orig.t2[id].forEach((x, c) => {
        if (now.t2[id][c] !== x) edits.push({ ...vb.cells.get(`t2:${id}:${c}`)!, text: String(now.t2[id][c]) });
      });
  else
    orig.t3.forEach((x, i) => {
      if (now.t3[i] !== x) edits.push({ ...vb.cells.get(`t3:${i}`)!, text: String(now.t3[i]) });
    });
  let text = vb.text;
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

function tableText(c: CopyDoc, s: SectionDoc, v: Values): string {
  const vb = c.verbatim[s.table!]!;
  return s.table === 1 ? vb.text : substituted(vb, c.values, v, s.table!);
}

export function renderLocal(doc: Doc, values: Values[], rng: Rng): Rendered {
  const out = new Out().lines(doc.lead);
  const tables = {} as Rendered['tables'];
  doc.copies.forEach((c, k) => {
    // The same source for every copy: a report pasted twice is the same text twice.
    const t = rng.fork('copy');
    out.lines(c.preamble);
    const byNum = (n: number) => c.sections.find((s) => s.num === n);
    const s1 = byNum(1);
    const subs = [...(s1?.subs ?? [])];
    const canonical = t.chance(0.6);
    const titled = subs.map((s) => ({ title: (canonical && localTitle(s.title)) || stripMarker(s.title), body: s.body }));
    // Like 市科委: the part on supervision and safeguards first, as 工作机制保障.
    if (titled.length >= 3 && /监督|保障/.test(subs[subs.length - 1].title) && t.chance(0.5)) titled.unshift({ ...titled.pop()!, title: '工作机制保障' });
    out.lines([s1?.heading ?? '一、总体情况', ...(s1?.intro ?? [])]);
    titled.forEach((s, i) => out.lines([`${NUMERALS[i + 1]}、${s.title}`, ...s.body]));
    let n = 0;
    for (const s of c.sections.filter((x) => x.num >= 2)) {
      n++;
      if (s.num === 5) {
        // The heading is lost; its content stays, under (一)/(二) sub-headings.
        if (s.subs.length) out.lines([...s.intro, ...s.subs.flatMap((x) => [x.title, ...x.body])]);
        else if (s.body.length >= 2) out.lines(['（一）主要问题', s.body[0], '（二）改进情况', ...s.body.slice(1)]);
        else {
          // One paragraph: cut where the improvements start ("改进措施，…", "针对…", "下一步…").
          const sentences = (s.body[0] ?? '').split(/(?<=。)/);
          const k = sentences.findIndex((x, i) => i > 0 && /^(改进|针对|下一步|今后|\d{4}\s*年[，,]?\s*(我|将))/.test(x));
          if (k > 0) out.lines(['（一）主要问题', sentences.slice(0, k).join(''), '（二）改进情况', sentences.slice(k).join('')]);
          else out.lines(['（一）主要问题', ...s.body]);
        }
        continue;
      }
      const start = out.length;
      out.lines([renumber(s.heading, n), ...s.body]);
      if (s.table) {
        out.add(tableText(c, s, values[k]).replace(/\n+$/, ''));
        if (k === 0) tables[s.table] = { start, end: out.length };
        out.add('\n');
      }
      out.lines(s.after);
    }
  });
  out.lines(doc.tail);
  return { text: out.text(), tables, t2ids: values[0].t2ids };
}
