/**
 * Negated statements in the narrative and the table cells they deny: "本年度未发生政府信息公开行政复议
 * 案件", "未收到…申请", "无上年结转", "行政复议、行政诉讼案件均为零". The negated object is read
 * through the same phrase table as the figures (template/phrases.ts), as if it stood before a
 * figure; what it targets must then be zero in the table. Pure extraction: evaluation is in the rule.
 */
import type { Sentence } from '../text/sentences';
import { spanOf } from '../text/compact';
import { PHRASES, type Phrase, type PhraseContext, type Target } from '../template/phrases';
import type { Span } from '../types';

export interface Negation {
  sentence: number;
  /** What the statement says the count is: none ("未发生…"), some ("发生了行政复议"), or one ("收到一起行政诉讼"). */
  says: 'none' | 'some' | 'one';
  /** Original span of the statement (cue and object). */
  span: Span;
  /** The statement as written (normalised, white space removed), and the object read from it. */
  text: string;
  object: string;
  phrase: Phrase;
  target: Target;
  /** The sentence hints at a narrower body (本级, 办公室 …) than the table's. */
  narrower: boolean;
  /**
   * For a statement with one object, how to make it affirmative: the cue to replace and where the
   * figure goes (original offsets). Absent for lists ("未收到行政复议、依申请公开件").
   */
  affirm?: { cue: Span; insertAt: number; post: boolean };
}

/** A negation cue before its object: 未(发生|收到…), 没有, 无, 不存在, 均未 …. */
const PRE = /(?:均|都|也|亦|并|皆|从|尚|还|再)?(?:未曾?|没有|没|无|不存在)/g;
const NEGATED = new RegExp(PRE.source);
/** A cue after its object, at the end of the clause: "…均为零", "…均未发生". */
const POST = /(?:均|都|皆|也|亦)?(?:未发生|未出现|未收到|未受理|未接到|没有发生|为零|为无|为0|无|未被(?:复议机关|复议审查机关|法院|审查机关)?(?:纠错|纠正))$/;
/** Words that start with a cue but negate nothing the tables count. */
const NOT_CUE = /^(?:尚未审结|未审结|未经|无法|无正当|无需|无论|无纸|无缝|无偿|无障碍|无条件|无误|无效|无关|无人|无限|无私|无形|无线|未来|未按|未能|无一例外)/;
const BOUNDARY = /[,;:。!?]/;
const CUE_PREFIX = /^(?:均|都|也|亦|并|皆|从|尚|还|再)/;
const CONJ = /、|以及|和|及|与|或者|或/;
/** A verb the cue governs, carried over to later objects ("未收到行政复议、依申请公开件"). */
const VERB = /^(?:曾)?(?:发生|收到|受理|接收|接到|出现|产生|新收|涉及|有|存在|办理|提起|被提起|被申请)?/;
/** Words allowed between the cue and the phrase: time, body, verbs, "政府信息公开", or a "…的" modifier. */
const GAP_WORD =
  /^(?:该|此|本年度?|今年|全年|当年|年内|本机关|本单位|本部门|我局|我委|我办|我区|我县|我市|我镇|我街道|我厅|全区|全县|全市|全镇|曾|再|任何|一起|一件|一例|一宗|过|了|有|发生|收到|受理|接收|接到|出现|产生|存在|涉及|办理|提起|被提起|被申请|申请|被|因|关于|政府信息公开|依申请公开|信息公开|公开)+$/;
const TRAILING = /(?:的)?(?:案件|案|件|情况|情形|事项|现象|事件)$/;
const REQUEST = /(?:的)?(?:政府信息公开|依申请公开)?申请件?$/;
/** An outcome of reconsideration or litigation: "(被)行政复议纠错", "行政诉讼败诉". */
const OUTCOME = /^(.*?(?:行政复议|行政诉讼))(?:案件)?(?:结果)?(?:被)?(?:复议机关|法院|审查机关)?(纠错|纠正|败诉|维持)$/;
/** Not this year, not the body's own count, or not a statement of fact: left quiet. */
const QUALIFIED = /上半年|下半年|季度|\d{1,2}月|截[至止]|上年度?未|去年|往年|以前|此前|力争|确保|争取|努力|目标|避免|防止|杜绝|如果|若(?!干)|一旦|如有|如发生|以免|以防|不得|应当|须|新的|新发生|新增/;
const NARROWER = /代表|本级|本机关|本部门|政府办|办公室/;
/** An occurrence verb, optionally with "一起/一件" ("发生一起…"), right before what occurred. */
const AFFIRM = /(?:^|[^未没无])(发生|收到|受理|接到|出现|产生|涉及|被提起|被申请)(?:了|过)?(一(?:起|件|例|宗))?/;
/** Talk about reconsideration and litigation in general (work, training, risks, goals), not a count. */
const GENERIC =
  /降低|减少|防范|防止|避免|预防|杜绝|学习|培训|案例|风险|应诉|能力|审理|工作|制度|机制|发生率|纠错率|败诉率|数量|案件量|如|若|一旦|可能|依法|规范|加强|提升|做好|妥善|及时|指导|化解|引导|解决/;

function gapOk(gap: string): boolean {
  return gap === '' || GAP_WORD.test(gap) || (/的$/.test(gap) && gap.length <= 24 && !/\d/.test(gap));
}

/** The first phrase (in table order) that reads `x` as its object, with the whole of `x` accounted for. */
function readObject(x: string, ctx: PhraseContext): { phrase: Phrase; target: Target } | undefined {
  const forms = [x];
  for (let y = x; TRAILING.test(y);) forms.push((y = y.replace(TRAILING, '')));
  for (const f of [...forms]) if (REQUEST.test(f)) forms.push(f.replace(REQUEST, ''));
  for (const form of forms) {
    const hit = readForm(form.replace(/^被/, ''), ctx);
    if (hit) return hit;
    // "被行政复议纠错": the group, then its outcome column.
    const o = OUTCOME.exec(form);
    if (o && readForm(o[1].replace(/^被/, ''), ctx)) {
      const out = readForm(o[2] === '败诉' ? '纠正' : o[2], ctx);
      if (out) return out;
    }
  }
  return undefined;
}

function readForm(form: string, ctx: PhraseContext): { phrase: Phrase; target: Target } | undefined {
  if (!form) return undefined;
  ctx.clause = form;
  for (const p of PHRASES) {
    if (!p.before || p.tableScale) continue;
    const m = p.before.exec(form);
    if (!m || !gapOk(form.slice(0, m.index)) || (p.unless && p.unless.test(form))) continue;
    const target = p.target(m, ctx);
    if (!target) continue;
    p.sets?.(target, ctx);
    return { phrase: p, target };
  }
  return undefined;
}

/** Splits an object list into conjuncts; later ones get the first one's verb. */
function conjuncts(obj: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const re = new RegExp(CONJ.source, 'g');
  for (let m = re.exec(obj); m; m = re.exec(obj)) {
    out.push({ text: obj.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: obj.slice(start), start });
  return out.filter((c) => c.text);
}

export function extractNegations(sentences: readonly Sentence[]): Negation[] {
  const out: Negation[] = [];
  sentences.forEach((sen, si) => {
    const s = sen.c.s;
    if (!/未|无|没|不存在|为零|为0|行政复议|行政诉讼/.test(s)) return;
    const narrower = NARROWER.test(s);
    const push = (a: number, b: number, whole: [number, number], object: string, hit: { phrase: Phrase; target: Target }, affirm?: Negation['affirm'], says: Negation['says'] = 'none') =>
      out.push({ sentence: si, says, span: spanOf(sen.c, a, b), text: s.slice(...whole), object, ...hit, narrower, affirm });
    const end = (k: number) => spanOf(sen.c, k - 1, k).end;

    let c0 = 0;
    let prevClause = '';
    for (let i = 0; i <= s.length; i++) {
      if (i < s.length && !BOUNDARY.test(s[i])) continue;
      const clause = s.slice(c0, i);
      const head = s.slice(0, c0);
      // Pre-posed cues: the first one of the clause that negates something.
      PRE.lastIndex = 0;
      for (let m = PRE.exec(clause); m; m = PRE.exec(clause)) {
        const cueEnd = m.index + m[0].length;
        const core = cueEnd - m[0].replace(CUE_PREFIX, '').length;
        const rest = clause.slice(cueEnd);
        if (NOT_CUE.test(clause.slice(core)) || /\d/.test(rest) || QUALIFIED.test(head + clause.slice(0, m.index)) || QUALIFIED.test(rest)) continue;
        const parts = conjuncts(rest);
        const verb = parts.length ? (VERB.exec(parts[0].text)?.[0] ?? '') : '';
        const ctx: PhraseContext = { includesCarried: false, clause: '' };
        let found = false;
        parts.forEach((p, k) => {
          const hit = readObject(p.text, ctx) ?? (k > 0 && verb ? readObject(verb + p.text, ctx) : undefined);
          if (!hit) return;
          found = true;
          const a = c0 + (k === 0 ? m!.index : cueEnd + p.start);
          const b = c0 + cueEnd + p.start + p.text.length;
          const cue = spanOf(sen.c, c0 + m!.index, c0 + cueEnd);
          const whole: [number, number] = [c0 + m!.index, c0 + clause.length];
          push(a, b, whole, p.text, hit, parts.length === 1 ? { cue, insertAt: end(b), post: false } : undefined);
        });
        if (found) break;
      }
      // A cue closing the clause ("…均为零"), or standing alone after a colon ("行政复议:无").
      const post = POST.exec(clause);
      const alone = post && post.index === 0 && s[c0 - 1] === ':';
      const obj = alone ? prevClause : post ? clause.slice(0, post.index) : '';
      const objStart = alone ? c0 - 1 - prevClause.length : c0;
      if (post && obj && !/\d/.test(obj) && !QUALIFIED.test(s.slice(0, objStart) + obj)) {
        const parts = conjuncts(obj);
        const ctx: PhraseContext = { includesCarried: false, clause: '' };
        const outcome = /纠[错正]$/.test(post[0]);
        parts.forEach((p) => {
          const hit = readObject(outcome ? p.text.replace(TRAILING, '') + '纠正' : p.text, ctx);
          if (!hit) return;
          const cue = spanOf(sen.c, c0 + post.index, c0 + clause.length);
          push(objStart + p.start, c0 + clause.length, [objStart, c0 + clause.length], p.text, hit, parts.length === 1 && !alone ? { cue, insertAt: cue.start, post: true } : undefined);
        });
      }
      // The converse without a figure: "本年度发生政府信息公开行政复议案件", "收到一起行政诉讼" (table 3 only).
      const aff = NEGATED.test(clause) || post ? undefined : AFFIRM.exec(clause);
      if (aff && !/\d/.test(clause) && !GENERIC.test(s) && !QUALIFIED.test(s)) {
        const ctx: PhraseContext = { includesCarried: false, clause: '' };
        const rest = clause.slice(aff.index + aff[0].length);
        const hit = conjuncts(rest).length === 1 ? readObject(rest, ctx) : undefined;
        if (hit && hit.target.table === 3 && hit.target.col === 4) {
          const a = c0 + aff.index + aff[0].length - aff[1].length - (aff[2]?.length ?? 0);
          push(a, c0 + clause.length, [a, c0 + clause.length], rest, hit, undefined, aff[2] ? 'one' : 'some');
        }
      }
      prevClause = clause;
      c0 = i + 1;
    }
  });
  return out;
}
