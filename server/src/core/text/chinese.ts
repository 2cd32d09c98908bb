/** Chinese numerals (三, 十二, 两, 一百零五, 二千三百) to integers; undefined when not a numeral. */
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export function parseChinese(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit >= 0 && DIGIT[ch] !== 0 && digit !== 0) return undefined; // "三四" is not one number
      digit = DIGIT[ch];
    } else if (ch in UNIT) {
      total += (digit < 0 ? 1 : digit) * UNIT[ch];
      digit = -1;
    } else return undefined;
  }
  if (digit > 0) total += digit;
  return total;
}

/** Writes n (< 10000) as Chinese numerals, the way a report would ("十二", "一百零五"). */
export function toChinese(n: number): string {
  const D = '零一二三四五六七八九';
  if (n < 10) return D[n];
  if (n < 20) return '十' + (n % 10 ? D[n % 10] : '');
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (parts.length) zero = true;
      return;
    }
    if (zero) parts.push('零');
    zero = false;
    parts.push(D[d] + units[i]);
  });
  return parts.join('');
}
