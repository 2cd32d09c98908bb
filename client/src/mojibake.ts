/**
 * Garbled text from a GBK/GB18030 file opened with the wrong encoding. Read as UTF-8, most of its
 * Chinese bytes are invalid and become U+FFFD; read as Latin-1/Windows-1252, each Chinese
 * character becomes two accented letters ("Õþ¸®" for 政府) and no Chinese is left. Pure.
 */
export type Mojibake = 'replacement' | 'latin1';

export function detectMojibake(text: string): Mojibake | undefined {
  const head = text.length > 100_000 ? text.slice(0, 100_000) : text;
  let nonAscii = 0;
  let replacement = 0;
  let latin = 0;
  let cjk = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) replacement++;
    else if (c >= 0xa0 && c <= 0xff) latin++;
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++;
  }
  if (replacement >= 4 && replacement * 3 >= nonAscii) return 'replacement';
  if (latin >= 8 && cjk === 0 && latin * 2 >= nonAscii) return 'latin1';
  return undefined;
}
