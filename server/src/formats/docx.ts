/**
 * Word (.docx) reader: the zip is opened with fflate and its XML parts read with @xmldom/xmldom.
 * Paragraphs become lines (with Word's list numbering rendered, so "一、" made by numbering is
 * still a heading), tables become pipe rows with gridSpan/vMerge resolved. Deleted text of tracked
 * changes, field codes and headers/footers are left out.
 */
import { unzipSync } from 'fflate';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { Counters, type Level, type NumberingDefs } from './numbering';
import { joinPieces, TextView, type RowCell } from './textView';
import { failure, type ExtractResult } from './types';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MAX_PART = 64 * 1024 * 1024;

type El = XmlElement;

function kids(e: El): El[] {
  const out: El[] = [];
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as El);
  return out;
}
const isW = (e: El, name: string) => e.localName === name && e.namespaceURI === W;
const child = (e: El | undefined, name: string) => (e ? kids(e).find((c) => isW(c, name)) : undefined);
const val = (e: El | undefined) => e?.getAttributeNS(W, 'val') ?? e?.getAttribute('w:val') ?? undefined;

/** Children, looking through the wrappers that do not change the content (content controls, custom XML, smart tags). */
function content(e: El): El[] {
  const out: El[] = [];
  for (const c of kids(e)) {
    if (isW(c, 'sdt')) {
      const sc = child(c, 'sdtContent');
      if (sc) out.push(...content(sc));
    } else if (isW(c, 'customXml') || isW(c, 'smartTag')) out.push(...content(c));
    else out.push(c);
  }
  return out;
}

function parseXml(xml: string): El | undefined {
  try {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
    return (doc.documentElement as El | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function readNumbering(root: El | undefined): NumberingDefs {
  const defs: NumberingDefs = { abstract: new Map(), nums: new Map() };
  if (!root) return defs;
  for (const e of kids(root)) {
    if (isW(e, 'abstractNum')) {
      const levels: Level[] = [];
      for (const l of kids(e).filter((x) => isW(x, 'lvl'))) {
        const ilvl = Number(l.getAttributeNS(W, 'ilvl') ?? 0);
        const restart = val(child(l, 'lvlRestart'));
        levels[ilvl] = {
          start: Number(val(child(l, 'start')) ?? 1),
          fmt: val(child(l, 'numFmt')) ?? 'decimal',
          text: val(child(l, 'lvlText')) ?? '',
          ...(restart !== undefined ? { restart: Number(restart) } : {}),
          legal: child(l, 'isLgl') !== undefined && val(child(l, 'isLgl')) !== '0' && val(child(l, 'isLgl')) !== 'false',
        };
      }
      defs.abstract.set(e.getAttributeNS(W, 'abstractNumId') ?? '', levels);
    } else if (isW(e, 'num')) {
      const overrides = new Map<number, number>();
      for (const o of kids(e).filter((x) => isW(x, 'lvlOverride'))) {
        const s = val(child(o, 'startOverride'));
        if (s !== undefined) overrides.set(Number(o.getAttributeNS(W, 'ilvl') ?? 0), Number(s));
      }
      defs.nums.set(e.getAttributeNS(W, 'numId') ?? '', { abstractId: val(child(e, 'abstractNumId')) ?? '', overrides });
    }
  }
  return defs;
}

/** Paragraph styles' numbering (w:numPr in a style or the styles it is based on). */
function readStyles(root: El | undefined): Map<string, { numId?: string; ilvl?: number; basedOn?: string }> {
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  if (!root) return styles;
  for (const s of kids(root).filter((x) => isW(x, 'style'))) {
    const numPr = child(child(s, 'pPr'), 'numPr');
    const ilvl = val(child(numPr, 'ilvl'));
    styles.set(s.getAttributeNS(W, 'styleId') ?? '', {
      numId: val(child(numPr, 'numId')),
      ilvl: ilvl !== undefined ? Number(ilvl) : undefined,
      basedOn: val(child(s, 'basedOn')),
    });
  }
  return styles;
}

class DocxReader {
  private counters: Counters;
  readonly view = new TextView('docx');

  constructor(
    numbering: NumberingDefs,
    private styles: ReturnType<typeof readStyles>,
  ) {
    this.counters = new Counters(numbering);
  }

  /** The numbering of a paragraph: its own w:numPr, else its style's (through basedOn). */
  private numberOf(p: El): string {
    const pPr = child(p, 'pPr');
    const numPr = child(pPr, 'numPr');
    let numId = val(child(numPr, 'numId'));
    let ilvl = val(child(numPr, 'ilvl'));
    let style = val(child(pPr, 'pStyle'));
    for (let depth = 0; style && depth < 10 && (numId === undefined || ilvl === undefined); depth++) {
      const s = this.styles.get(style);
      if (!s) break;
      numId ??= s.numId;
      if (ilvl === undefined && s.ilvl !== undefined) ilvl = String(s.ilvl);
      style = s.basedOn;
    }
    if (numId === undefined || numId === '0') return '';
    return this.counters.next(numId, Number(ilvl ?? 0));
  }

  /** A paragraph's text lines (a manual line break starts a new line). */
  paragraphLines(p: El): string[] {
    const lines = [''];
    const walk = (e: El) => {
      for (const c of kids(e)) {
        if (c.namespaceURI !== W) {
          // mc:AlternateContent: read only the first choice, never the fallback copy.
          if (c.localName === 'AlternateContent') {
            const choice = kids(c).find((x) => x.localName === 'Choice');
            if (choice) walk(choice);
          }
          continue;
        }
        switch (c.localName) {
          case 't':
            lines[lines.length - 1] += c.textContent ?? '';
            break;
          case 'tab':
          case 'ptab':
            if (e.localName === 'r') lines[lines.length - 1] += ' ';
            break;
          case 'br':
          case 'cr':
            if (c.getAttributeNS(W, 'type') !== 'page') lines.push('');
            break;
          case 'noBreakHyphen':
            lines[lines.length - 1] += '-';
            break;
          case 'sym': {
            const code = parseInt(c.getAttributeNS(W, 'char') ?? '', 16);
            if (Number.isFinite(code)) lines[lines.length - 1] += String.fromCharCode(code >= 0xf000 ? code - 0xf000 : code);
            break;
          }
          case 'del':
          case 'moveFrom':
          case 'instrText':
          case 'delText':
          case 'pPr':
          case 'rPr':
          case 'drawing':
          case 'pict':
          case 'object':
          case 'footnoteReference':
          case 'endnoteReference':
            break;
          default:
            walk(c); // runs, hyperlinks, insertions, fields, content controls
        }
      }
    };
    walk(p);
    const number = this.numberOf(p);
    if (number) lines[0] = number + (/[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]$/.test(number) ? '' : ' ') + lines[0].replace(/^\s+/, '');
    return lines;
  }

  body(e: El): void {
    for (const c of content(e)) {
      if (isW(c, 'p')) for (const line of this.paragraphLines(c)) this.view.paragraph(line);
      else if (isW(c, 'tbl')) this.table(c);
    }
  }

  /** The text of a cell: its paragraphs (and any nested table) joined on one line. */
  private cellText(tc: El): string {
    const pieces: string[] = [];
    const walk = (e: El) => {
      for (const c of content(e)) {
        if (isW(c, 'p')) pieces.push(...this.paragraphLines(c));
        else if (isW(c, 'tbl')) for (const tr of content(c).filter((x) => isW(x, 'tr'))) for (const inner of content(tr).filter((x) => isW(x, 'tc'))) walk(inner);
      }
    };
    walk(tc);
    return joinPieces(pieces);
  }

  table(tbl: El): void {
    this.view.beginTable();
    for (const tr of content(tbl).filter((x) => isW(x, 'tr'))) {
      const trPr = child(tr, 'trPr');
      let col = Number(val(child(trPr, 'gridBefore')) ?? 0);
      const cells: RowCell[] = [];
      const wide: string[] = [];
      for (const tc of content(tr).filter((x) => isW(x, 'tc'))) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Number(val(child(tcPr, 'gridSpan')) ?? 1) || 1);
        const vMerge = child(tcPr, 'vMerge');
        const continued = vMerge !== undefined && val(vMerge) !== 'restart';
        const text = this.cellText(tc);
        if (!continued) {
          cells.push({ text, col: col + 1 });
          if (span > 1 && /^\d[\d,]*(\.\d+)?$/.test(text)) wide.push(text);
        }
        col += span;
      }
      if (wide.length && cells.filter((c) => /^\d[\d,]*(\.\d+)?$/.test(c.text)).length > 1) {
        this.view.warn(`第 ${this.view.tableCount} 个表格中有跨列的数字单元格(${wide.join('、')}),按其起始列读取`);
      }
      if (cells.some((c) => c.text)) this.view.tableRow(cells);
    }
    this.view.endTable();
  }
}

/** What an OLE compound file (not a zip) is: an encrypted .docx or an old binary .doc. */
function compoundReason(bytes: Uint8Array): ExtractResult {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20)).toString('utf16le');
  if (s.includes('EncryptedPackage'))
    return failure('Word 文档已加密(设有打开密码),无法读取;请去掉密码后另存为 .docx', 'the Word document is encrypted (password to open); remove the password and save it again as .docx');
  return failure('这是旧版 Word 二进制格式(.doc),不是 .docx;请在 Word 或 WPS 中另存为 .docx', 'this is an old binary Word file (.doc), not .docx; save it as .docx in Word or WPS');
}

export function readDocx(bytes: Uint8Array): ExtractResult {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return compoundReason(bytes);
  let files: Record<string, Uint8Array>;
  let tooLarge = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!/^word\/(document|numbering|styles)\.xml$/.test(f.name)) return false;
        if (f.originalSize > MAX_PART) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch (e) {
    return failure(`不是有效的 Word 文档(.docx 应为 zip 压缩包):${(e as Error).message}`, `not a valid Word document (a .docx is a zip archive): ${(e as Error).message}`);
  }
  if (tooLarge) return failure('Word 文档内容过大(超过 64 MB),未读取', 'the Word document is too large (over 64 MB), not read');
  const main = files['word/document.xml'];
  if (!main) return failure('不是 Word 文档:压缩包中没有 word/document.xml', 'not a Word document: the archive has no word/document.xml');
  const decode = (b: Uint8Array | undefined) => (b ? new TextDecoder('utf-8').decode(b) : undefined);
  const root = parseXml(decode(main)!);
  const body = root && child(root, 'body');
  if (!body) return failure('Word 文档的 document.xml 无法解析', "the Word document's document.xml cannot be parsed");
  const numbering = files['word/numbering.xml'] ? parseXml(decode(files['word/numbering.xml'])!) : undefined;
  const styles = files['word/styles.xml'] ? parseXml(decode(files['word/styles.xml'])!) : undefined;
  const reader = new DocxReader(readNumbering(numbering), readStyles(styles));
  reader.body(body);
  return { ok: true, value: reader.view.result() };
}
