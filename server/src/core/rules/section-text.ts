/**
 * The body of a section line by line, without its heading, page markers, bare pipes, web-page
 * debris and a trailing signature (body name and date): what the drafter wrote under the heading.
 */
import type { Section } from '../model';
import { isPageMarker } from '../parse/sections';
import { compact, spanOf } from '../text/compact';
import { findDates } from '../text/dates';
import { lineAt } from '../text/lines';
import type { Span } from '../types';
import type { RuleContext } from './rule';

export interface BodyLine {
  /** Normalised text without white space or pipes. */
  s: string;
  span: Span;
}

/** A heading's own words, when the body follows on the same line ("六、其他需要报告的事项2024年,…"). */
const TITLE: Record<number, RegExp> = {
  5: /^[#*]*五[、.,]?(?:政府信息公开(?:工作)?)?存在的?主要问题(?:(?:及|和|与)(?:改进|整改)(?:情况|措施))?[。.:]?/,
  6: /^[#*]*六[、.,]?其他需要报告的事项[。.:]?/,
};
const DEBRIS =
  /^(?:附件[:].*|相关文档[:]?|相关附件[:]?|分享到.*|上一篇.*|下一篇.*|字号.*|责任编辑.*|来源[:].*|\.\/\S*|https?:\/\/\S*|(?:主办|承办|协办|版权所有|技术支持)[:].*|.*(?:网站标识码|ICP备|公网安备|网站地图|隐私声明).*|(?:联系电话|电话|传真)[:][\d\-—–()]+)$/;
/** Web-page furniture that crawled pages leave at the end of the text ("附件下载", "扫一扫在手机打开当前页", "【打印】【关闭】"). */
const FURNITURE = /(?:附件下载|附件|扫一扫在手机(?:上)?打开(?:当前页)?|扫一扫|[【[]?(?:打印本页|关闭窗口|打印|关闭|返回顶部|收藏)[】\]]?|•)+$/;
/** A signature line: an issuing body's name (short, no punctuation). */
const BODY_NAME = /^[\u4e00-\u9fff()]{2,30}(?:局|厅|委|委员会|办公室|办公厅|办|署|中心|院|政府|公署|管委会|办事处|街道)$/;

function isDateOnly(s: string): boolean {
  const d = findDates(s);
  return d.length === 1 && d[0].start <= 1 && s.length - d[0].end <= 3;
}

/** The body lines of `sec`, page markers, pipes and debris left out; a trailing signature is cut. */
export function sectionBody(ctx: RuleContext, sec: Section): BodyLine[] {
  const first = lineAt(ctx.lines, sec.heading.start);
  const last = lineAt(ctx.lines, Math.max(sec.span.start, sec.span.end - 1));
  const out: BodyLine[] = [];
  for (let li = first; li <= last; li++) {
    const line = ctx.lines[li];
    const start = li === first ? sec.heading.start : line.start;
    const end = Math.min(line.end, sec.span.end);
    if (end <= start || isPageMarker(ctx.norm, line.start, line.end)) continue;
    const c = compact(ctx.norm, start, end);
    let from = 0;
    if (li === first) {
      // The heading itself; a long heading line carries the body after the title.
      const t = TITLE[sec.def.num]?.exec(c.s);
      // An unfamiliar heading wording on a long line: its body is there, after about 20 characters.
      if (!t && c.s.length <= 40) continue;
      from = t ? t[0].length : 20;
      if (c.s.length - from < 4) continue;
    }
    const s = c.s.slice(from).replace(/\|/g, '').replace(FURNITURE, '');
    if (!/[\p{L}\p{N}]/u.test(s) || DEBRIS.test(s)) continue;
    out.push({ s, span: spanOf(c, from, c.s.length) });
  }
  // The signature at the end: body name and date lines.
  while (out.length && (isDateOnly(out[out.length - 1].s) || BODY_NAME.test(out[out.length - 1].s))) out.pop();
  return out;
}

/** Placeholders left in a draft. */
export const PLACEHOLDER = /^(?:略|待补充|待填写|待完善|空|不涉及|[Xx×＊*]{2,}|…+|\.{3,}|—+)[。.]?$/;

/** "无", "暂无", "无其他需要报告的事项", "本年度无需要说明的其他事项": nothing to report, said in words. */
export const NOTHING_TO_REPORT =
  /^(?:本年度?|今年|全年|(?:19|20)\d{2}年度?)?[,]?(?:本机关|本单位|我局|我委|我办|我区|我县|我市|我镇|我街道)?(?:暂|均|并)?(?:无|没有)(?:其他|需要|需|要|报告|说明|的|事项|情况)*[。.;]?$/;
