/** Text helpers shared by the real-world generators: punctuation width, PDF-style wrapping, output with marks. */
import type { Rng } from './rng';

const TO_FULL: Record<string, string> = { ',': '，', '(': '（', ')': '）', ':': '：', ';': '；', '?': '？', '!': '！' };
const TO_HALF: Record<string, string> = Object.fromEntries(Object.entries(TO_FULL).map(([h, f]) => [f, h]));

/** Half-width punctuation as a web page prints it (，（）：；), except inside numbers and times (1,234 15:35). */
export function fullWidth(s: string): string {
  return s.replace(/[,():;?!]/g, (c, i: number) => (/[,:]/.test(c) && /\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? '') ? c : TO_FULL[c]));
}

export function halfWidth(s: string): string {
  return s.replace(/[，（）：；？！]/g, (c) => TO_HALF[c]);
}

/** A space on both sides of every digit run next to a Chinese character, as PDF converters print "2024 年". */
export function spaceDigits(s: string): string {
  return s.replace(/([\u4e00-\u9fff])(\d)/g, '$1 $2').replace(/(\d%?)([\u4e00-\u9fff])/g, '$1 $2');
}

/**
 * Wraps a paragraph like a PDF text layer: about `width` Chinese characters a line (ASCII counts
 * half), never inside a run of digits or Latin letters.
 */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const tok of s.match(/[0-9A-Za-z.%@/:_-]+|./gu) ?? []) {
    const tw = /^[\x20-\x7e]+$/.test(tok) ? tok.length / 2 : tok.length;
    if (w + tw > width && line) {
      lines.push(line.trimEnd());
      line = '';
      w = 0;
    }
    if (!line && tok === ' ') continue;
    line += tok;
    w += tw;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Splits a label into pieces of `n` characters (a cell too narrow for it). */
export function chop(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n));
  return out;
}

/** A 2019-format report cites the 2019 format notice instead of the 2021 one. */
export const cite = (xs: string[]) => xs.map((x) => x.replace(/〔2021〕\s*30\s*号/g, '〔2019〕60号'));

/** An output buffer that remembers where things were written. */
export class Out {
  private parts: string[] = [];
  length = 0;
  add(...xs: string[]): this {
    for (const x of xs) {
      this.parts.push(x);
      this.length += x.length;
    }
    return this;
  }
  /** Appends lines, each followed by a newline. */
  lines(xs: readonly string[]): this {
    for (const x of xs) this.add(x, '\n');
    return this;
  }
  text(): string {
    return this.parts.join('');
  }
}

/** A date in the first quarter after the report's year, as a CMS prints it. */
export function pubDate(year: number, rng: Rng): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${year + 1}-${p(rng.int(1, 3))}-${p(rng.int(1, 28))} ${p(rng.int(8, 18))}:${p(rng.int(0, 59))}`;
}
