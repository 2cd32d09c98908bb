/**
 * A small PDF writer for tests: text placed at positions in one CJK-capable font (a Type0 font
 * with Identity-H encoding whose codes are the Unicode code points, a ToUnicode CMap and widths,
 * the font program not embedded, as a PDF viewer's text layer needs), lines and rectangles for
 * table rules. Enough to print a report the way Word or a browser prints it; no external tools.
 */

export interface PdfText {
  x: number;
  /** Baseline, PDF coordinates (origin bottom left). */
  y: number;
  size: number;
  text: string;
}

export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPageSpec {
  texts: PdfText[];
  rules?: PdfRule[];
  /** An image-only page (a scanned page): a grey square drawn as an inline image, no text. */
  image?: boolean;
}

export interface PdfOptions {
  width?: number;
  height?: number;
  /** Adds a standard-security /Encrypt dictionary whose user password is not empty (the file then needs a password). */
  encrypted?: boolean;
}

/** Advance width of a character in thousandths of the font size: CJK and full-width 1000, others 500. */
export function charWidth(ch: string): number {
  const c = ch.charCodeAt(0);
  return c >= 0x2e80 || (c >= 0x2010 && c <= 0x201f) ? 1000 : 500;
}

export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return (w * size) / 1000;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();

export function writePdf(pages: PdfPageSpec[], options: PdfOptions = {}): Buffer {
  const W = options.width ?? 595;
  const H = options.height ?? 842;
  const used = new Set<number>();
  for (const p of pages) for (const t of p.texts) for (const ch of t.text) if (ch.charCodeAt(0) <= 0xffff) used.add(ch.charCodeAt(0));
  const codes = [...used].sort((a, b) => a - b);

  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers start at 1
  const stream = (dict: string, data: string) => `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;

  const catalog = add('');
  const pagesObj = add('');
  let cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n';
  for (let i = 0; i < codes.length; i += 100) {
    const part = codes.slice(i, i + 100);
    cmap += `${part.length} beginbfchar\n${part.map((c) => `<${hex4(c)}> <${hex4(c)}>`).join('\n')}\nendbfchar\n`;
  }
  cmap += 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend';
  const toUnicode = add(stream('', cmap));
  const widths = codes.map((c) => `${c} [${charWidth(String.fromCharCode(c))}]`).join(' ');
  const descriptor = add('<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>');
  const cid = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [${widths}] /CIDToGIDMap /Identity >>`,
  );
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`);

  const pageIds: number[] = [];
  for (const p of pages) {
    let ops = '';
    for (const r of p.rules ?? []) ops += `${r.x1.toFixed(2)} ${r.y1.toFixed(2)} m ${r.x2.toFixed(2)} ${r.y2.toFixed(2)} l S\n`;
    if (p.rules?.length) ops = '0.5 w\n' + ops;
    for (const t of p.texts) {
      let hex = '';
      for (const ch of t.text) hex += hex4(ch.charCodeAt(0) <= 0xffff ? ch.charCodeAt(0) : 0x3f);
      ops += `BT /F1 ${t.size} Tf ${t.x.toFixed(2)} ${t.y.toFixed(2)} Td <${hex}> Tj ET\n`;
    }
    if (p.image) ops += `q 400 0 0 560 100 150 cm BI /W 8 /H 8 /CS /G /BPC 8 ID ${'\x80'.repeat(64)} EI Q\n`;
    const content = add(stream('', ops));
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((i) => `${i} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let encrypt = 0;
  if (options.encrypted) {
    // RC4 40-bit standard security with arbitrary O/U entries: no empty user password opens it.
    const o = 'A'.repeat(32);
    encrypt = add(`<< /Filter /Standard /V 1 /R 2 /O <${Buffer.from(o).toString('hex')}> /U <${'11'.repeat(32)}> /P -44 >>`);
  }

  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
