/**
 * The number scanner for prose. It works on a white-space-free, normalised sentence and returns
 * only figures: counts with a unit (件, 条, 个, 次, 人次, 篇, 期, 场, 万元 …) and percentages.
 * Everything else is not a figure by construction: years (2023年), dates, phone numbers
 * (0832-8223730), postcodes, document numbers (〔2021〕30号), ordinals (第二十条, 1., 一是),
 * numbers inside 《book titles》. Approximate figures (182余条, 约40个, 近720余次, 左右, 以上)
 * are returned marked `approx` and are never checked exactly.
 */
import { parseDec, pow10, type Dec } from '../num/decimal';
import { parseChinese } from './chinese';

export interface NumToken {
  /** Compact-string range of the digits as written (what a fix replaces). */
  start: number;
  end: number;
  text: string;
  /** The value in base units (万 and 亿 applied). */
  value: Dec;
  /** Half the written precision in base units: "1.2万" is 12000 ± 500; exact figures have 0. */
  slack: Dec;
  unit: string;
  percent: boolean;
  approx: boolean;
  chinese: boolean;
  /** Power of ten of a written scale: 4 for 万, 8 for 亿, else 0. */
  pow: number;
  /** End of the whole figure including scale, unit and markers (compact index). */
  figureEnd: number;
}

/** Units that make a number a count; longest first. */
const UNITS = ['人次', '件次', '家次', '场次', '件', '条', '个', '次', '篇', '期', '场', '项', '家', '份', '起', '批', '名', '人', '户', '宗', '例', '封', '元'];
const ARABIC = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;
const CHINESE = /[零〇一二两三四五六七八九十百千]+/y;
const APPROX_BEFORE = /(?:约|近|逾|超过|超|大约|将近|接近|不足|不到|不少于|多于|少于|上万|数)$/;
const APPROX_AFTER = /^(?:余|多|来|左右|以上|以下|上下|之多)/;
const ORDINAL_BEFORE = /(?:第|No\.?|NO\.?|#)$/;
const CODE_BEFORE = /[\d.\-—–·/A-Za-z@_]/;
const CODE_AFTER = /[-—–·:/@_.]/;
const isAsciiDigit = (c: number) => c >= 48 && c <= 57;

function unitAt(s: string, i: number): string {
  for (const u of UNITS) if (s.startsWith(u, i)) return u;
  return '';
}

/** Positions inside 《…》 (titles: "《…十条措施》" is not a count). */
function titleMask(s: string): Uint8Array {
  const mask = new Uint8Array(s.length);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '《') depth++;
    if (depth > 0) mask[i] = 1;
    if (c === '》' && depth > 0) depth--;
  }
  return mask;
}

/** What can follow a figure's digits: a unit, a scale (万 亿), an approximation (余 多 来 左右 以上 …), %. */
const FOLLOWS = new Set([...UNITS.map((u) => u[0]), '万', '亿', '%', '余', '多', '来', '左', '以', '上', '之']);

/** Where a figure can start: a digit or a Chinese numeral. */
const CANDIDATE = /[0-9零〇一二两三四五六七八九十百千]/g;

export function scanNumbers(s: string): NumToken[] {
  const out: NumToken[] = [];
  const inTitle = s.includes('《') ? titleMask(s) : undefined;
  let i = 0;
  while (i < s.length) {
    // Jump to the next possible start instead of testing every character.
    CANDIDATE.lastIndex = i;
    const at = CANDIDATE.exec(s);
    if (!at) break;
    i = at.index;
    const c = s.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    const re = isDigit ? ARABIC : CHINESE;
    re.lastIndex = i;
    const m = re.exec(s)!;
    const start = i;
    const end = i + m[0].length;
    i = end;
    // Most candidates are words (一是, 进一步) or years (2023年): nothing a figure can continue with follows.
    if (!FOLLOWS.has(s[end])) continue;
    // Part of a longer code: 0832-8223730, 2023-01-28, v1.2, 3·15, hzzwgk@126.com.
    if (start > 0 && CODE_BEFORE.test(s[start - 1])) continue;
    if (CODE_AFTER.test(s[end] ?? '') && isAsciiDigit(s.charCodeAt(end + 1))) continue;
    if (inTitle?.[start] || ORDINAL_BEFORE.test(s.slice(Math.max(0, start - 3), start))) continue;

    const chinese = !isDigit;
    let value: Dec | undefined;
    if (chinese) {
      const n = parseChinese(m[0]);
      // A lone 一 is nearly always a word (一起, 一件事, 一次办), not a count.
      if (n === undefined || m[0] === '一') continue;
      value = { units: BigInt(n), scale: 0 };
    } else value = parseDec(m[0]);
    if (!value) continue;

    let j = end;
    let approx = APPROX_BEFORE.test(s.slice(Math.max(0, start - 4), start));
    const after = () => APPROX_AFTER.exec(s.slice(j, j + 3));
    let a = after();
    if (a) ((approx = true), (j += a[0].length));

    if (s[j] === '%') {
      out.push({ start, end, text: m[0], value, slack: { units: 0n, scale: 0 }, unit: '%', percent: true, approx, chinese, pow: 0, figureEnd: j + 1 });
      i = j + 1;
      continue;
    }
    // Scale: 万 or 亿 (so 3614万元 is 36 140 000 元).
    let scale = 0;
    if (s[j] === '万') ((scale = 4), j++);
    else if (s[j] === '亿') ((scale = 8), j++);
    a = after();
    if (a) ((approx = true), (j += a[0].length));
    const unit = unitAt(s, j);
    if (!unit) continue;
    j += unit.length;
    if (after()) approx = true;
    if (chinese && unit === '元') continue;

    const scaled: Dec = scale ? { units: value.units * pow10(scale), scale: value.scale } : value;
    const slack: Dec = scale ? { units: 5n * pow10(scale), scale: value.scale + 1 } : { units: 0n, scale: 0 };
    out.push({ start, end, text: m[0], value: scaled, slack, unit, percent: false, approx, chinese, pow: scale, figureEnd: j });
    i = j;
  }
  return out;
}
