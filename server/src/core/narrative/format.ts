/** Writing a corrected figure the way the original was written (Chinese numerals, 万, commas, width). */
import { styled } from '../fixes';
import { formatDec, roundDec, isInteger, toInt, type Dec } from '../num/decimal';
import { toChinese } from '../text/chinese';
import type { NumToken } from '../text/numbers';

export function formatLike(tok: NumToken, raw: string, value: Dec): string {
  if (tok.chinese && isInteger(value) && value.units >= 0n && toInt(value) < 10000n) {
    const n = Number(toInt(value));
    return n === 2 && raw === '两' ? '两' : toChinese(n);
  }
  let s: string;
  if (tok.pow > 0) {
    const decimals = tok.text.includes('.') ? tok.text.split('.')[1].length : 0;
    s = formatDec(roundDec({ units: value.units, scale: value.scale + tok.pow }, decimals));
  } else {
    s = formatDec(value);
    if (tok.text.includes(',')) s = s.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ','));
  }
  return styled(raw, s);
}

/** "2 + 4 + 2 = 8" */
export function sumText(values: Dec[], total: Dec): string {
  return values.length > 1 ? `${values.map(formatDec).join(' + ')} = ${formatDec(total)}` : formatDec(total);
}
