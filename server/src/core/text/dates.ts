/**
 * Calendar dates in a normalised, white-space-free string: "2023年1月1日", "12月31日" (no year),
 * "二〇二三年十二月三十一日", "2023-01-28", "2023.1.1", "2023/01/28". Each part keeps its range so a
 * fix can replace one number.
 */
import { parseChinese } from './chinese';

export interface DatePart {
  value: number;
  start: number;
  end: number;
}

export interface DateTok {
  start: number;
  end: number;
  year?: DatePart;
  month: DatePart;
  day: DatePart;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const CN_DATE = new RegExp(`(?:(\\d{4}|[〇零一二三四五六七八九]{4})年度?)?${NUM}月(?:份)?${NUM}[日号]`, 'g');
const ISO_DATE = /(?<!\d)((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?!\d)/g;

function num(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零一二三四五六七八九]{4}$/.test(s)) return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  return parseChinese(s);
}

const valid = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;

/** Every date in `s`, in order. */
export function findDates(s: string): DateTok[] {
  const out: DateTok[] = [];
  CN_DATE.lastIndex = 0;
  for (let m = CN_DATE.exec(s); m; m = CN_DATE.exec(s)) {
    // Not the tail of a longer number ("12023年") or a count ("第3月").
    if (m.index > 0 && /[\d第]/.test(s[m.index - 1])) continue;
    let at = m.index;
    const part = (text: string | undefined): DatePart | undefined => {
      if (text === undefined) return undefined;
      const i = s.indexOf(text, at);
      at = i + text.length;
      const value = num(text);
      return value === undefined ? undefined : { value, start: i, end: i + text.length };
    };
    const year = part(m[1]);
    const month = part(m[2]);
    const day = part(m[3]);
    if (!month || !day || !valid(month.value, day.value) || (m[1] !== undefined && !year)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year, month, day });
  }
  ISO_DATE.lastIndex = 0;
  for (let m = ISO_DATE.exec(s); m; m = ISO_DATE.exec(s)) {
    const y = m.index;
    const mo = y + 4 + 1;
    const d = mo + m[3].length + 1;
    if (!valid(Number(m[3]), Number(m[4]))) continue;
    out.push({
      start: y,
      end: m.index + m[0].length,
      year: { value: Number(m[1]), start: y, end: y + 4 },
      month: { value: Number(m[3]), start: mo, end: mo + m[3].length },
      day: { value: Number(m[4]), start: d, end: d + m[4].length },
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A comparable number for a date: yyyymmdd. */
export function dateKey(y: number, m: number, d: number): number {
  return y * 10000 + m * 100 + d;
}
