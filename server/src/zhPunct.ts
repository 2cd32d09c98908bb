/**
 * Full-width punctuation for Chinese text, applied once where a message becomes text (pick in
 * convert.ts): ASCII , : ; ? ! ( ) next to Chinese become ，：；？！（）. Never inside numbers
 * ("1,234", "12:30") or in ASCII-only spans ("f(x)", "http://…", "see nianbao.locale (zh)").
 */

/** Chinese characters, CJK and full-width punctuation, Chinese quotes, ellipsis and dash. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u2026\u2014]/;
const DIGIT = /[0-9]/;
const SIMPLE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

const isWide = (c: string | undefined) => c !== undefined && WIDE.test(c);

/** The nearest character before `i` (or from `i` on, when dir is 1) that is not a space. */
function near(s: string, i: number, dir: -1 | 1): string | undefined {
  for (let k = i; k >= 0 && k < s.length; k += dir) if (s[k] !== ' ') return s[k];
  return undefined;
}

export function fullWidthPunct(s: string): string {
  if (!WIDE.test(s)) return s;
  const out = s.split('');
  // Parentheses by pairs: a pair is Chinese when what it holds or what stands beside it is.
  const open: number[] = [];
  const pairs: [number, number][] = [];
  const lone: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') open.push(i);
    else if (s[i] === ')') {
      const o = open.pop();
      if (o === undefined) lone.push(i);
      else pairs.push([o, i]);
    }
  }
  lone.push(...open);
  for (const [o, c] of pairs) {
    if (isWide(s[o - 1]) || isWide(s[c + 1]) || WIDE.test(s.slice(o + 1, c))) {
      out[o] = '（';
      out[c] = '）';
    }
  }
  for (const i of lone) if (isWide(s[i - 1]) || isWide(s[i + 1])) out[i] = s[i] === '(' ? '（' : '）';
  for (let i = 0; i < s.length; i++) {
    const wide = SIMPLE[s[i]];
    if (!wide) continue;
    if (DIGIT.test(s[i - 1] ?? '') && DIGIT.test(s[i + 1] ?? '')) continue; // 1,234 · 12:30
    const before = near(s, i - 1, -1);
    const after = near(s, i + 1, 1);
    // A converted parenthesis beside it counts as Chinese too ("（七）,但").
    if (isWide(before) || isWide(after) || isWide(out[i - 1]) || isWide(out[i + 1])) out[i] = wide;
  }
  // No space between Chinese and a full-width parenthesis ("表二 (七)" → "表二（七）").
  for (let i = 1; i < out.length - 1; i++) if (out[i] === ' ' && out[i + 1] === '（' && isWide(out[i - 1])) out[i] = '';
  return out.join('');
}
