/**
 * Decoding an HTML file: a byte-order mark, else the charset its <meta> declares (GBK, GB2312 and
 * GB18030 are all read as GB18030, their superset), else UTF-8, else GB18030 with a warning.
 */

export interface Decoded {
  text: string;
  encoding: string;
  warning?: string;
}

const ALIASES: Record<string, string> = {
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  'x-euc-cn': 'gb18030',
  'euc-cn': 'gb18030',
  big5: 'big5',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

/** The charset named by a <meta charset> or http-equiv content-type in the first 4 KB, lower-cased. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1].toLowerCase();
  }
  return undefined;
}

function tryDecode(bytes: Uint8Array, encoding: string, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeHtml(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: tryDecode(bytes.subarray(3), 'utf-8', false)!, encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: tryDecode(bytes.subarray(2), 'utf-16le', false)!, encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: tryDecode(bytes.subarray(2), 'utf-16be', false)!, encoding: 'utf-16be' };
  const declared = declaredCharset(bytes);
  const encoding = declared ? (ALIASES[declared] ?? declared) : undefined;
  if (encoding) {
    const text = tryDecode(bytes, encoding, false);
    if (text !== undefined) return { text, encoding };
  }
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', ...(declared ? { warning: `未知字符集 "${declared}",按 UTF-8 读取` } : {}) };
  return {
    text: tryDecode(bytes, 'gb18030', false) ?? tryDecode(bytes, 'utf-8', false)!,
    encoding: 'gb18030',
    warning: declared ? `未知字符集 "${declared}",按 GB18030 读取` : '网页未声明字符集且不是 UTF-8,按 GB18030(GBK)读取',
  };
}
