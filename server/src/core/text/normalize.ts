/**
 * Length-preserving normalisation: every UTF-16 code unit maps to exactly one code unit,
 * so an offset in the normalised text is the same offset in the original.
 * Full-width ASCII forms (１２, （一）, ：, ，) become half-width; the ideographic space,
 * no-break space and BOM become a plain space.
 */
const FULLWIDTH = /[\uFF01-\uFF5E\u3000\u00A0\uFEFF]/g;

function toHalf(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  return ' ';
}

export function normalize(text: string): string {
  return text.replace(FULLWIDTH, toHalf);
}

/** Whether a code unit is white space for table and sentence purposes (line breaks included). */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** Exactly the white space of the regular-expression class \s. */
export function isWs(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff))
  );
}
