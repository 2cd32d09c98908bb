/**
 * Word list numbering rendered as text: numbering.xml's levels (start, numFmt, lvlText) and the
 * counters of a document read in order, so a paragraph numbered by Word still starts with "一、",
 * "（一）" or "1." in the text view.
 */

export interface Level {
  start: number;
  fmt: string;
  text: string;
  /** The level whose use restarts this one (w:lvlRestart); default: any shallower level. */
  restart?: number;
  legal?: boolean;
}

export interface NumberingDefs {
  /** abstractNumId → levels by ilvl. */
  abstract: Map<string, Level[]>;
  /** numId → its abstract numbering and per-level start overrides. */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百〇五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return CN_DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '〇' + CN_DIGITS[rest] : rest < 20 ? '一' + chineseCounting(rest) : chineseCounting(rest));
  }
  return String(n);
}

const roman = (n: number): string => {
  const t: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let s = '';
  for (const [v, r] of t) while (n >= v) ((s += r), (n -= v));
  return s;
};
const letter = (n: number): string => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? '0' + n : String(n);
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counters of one document, advanced paragraph by paragraph. */
export class Counters {
  private counts = new Map<string, number[]>();

  constructor(private defs: NumberingDefs) {}

  /** The number text of a paragraph at (numId, ilvl), or '' when it has none. */
  next(numId: string, ilvl: number): string {
    const num = this.defs.nums.get(numId);
    const levels = num && this.defs.abstract.get(num.abstractId);
    const lvl = levels?.[ilvl];
    if (!num || !levels || !lvl) return '';
    // Word shares the counters of one abstract numbering between its num instances unless a num overrides the start.
    const key = num.overrides.size ? `num:${numId}` : `abs:${num.abstractId}`;
    let c = this.counts.get(key);
    if (!c) this.counts.set(key, (c = []));
    const startOf = (l: number) => num.overrides.get(l) ?? levels[l]?.start ?? 1;
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl] + 1;
    // Deeper levels restart after this one unless their w:lvlRestart says otherwise (0: never).
    for (let l = ilvl + 1; l < 9; l++) {
      const r = levels[l]?.restart;
      if (r === undefined || ilvl < r) delete c[l];
    }
    if (lvl.fmt === 'bullet') return '';
    return lvl.text.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const v = c![l] ?? startOf(l);
      return formatNumber(v, lvl.legal ? 'decimal' : (levels[l]?.fmt ?? 'decimal'));
    });
  }
}
