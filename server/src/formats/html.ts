/**
 * HTML reader: a saved web page → the text view. The page is parsed as a browser would (parse5),
 * the article element is found (the one holding the report's tables and section headings, not
 * the site's navigation and footer), and it is read block by block; tables cell by cell with
 * their rowspan/colspan resolved.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { decodeHtml } from './charset';
import { collapse, joinPieces, TextView, type RowCell } from './textView';
import type { ExtractResult } from './types';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
type Element = DefaultTreeAdapterMap['element'];

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'button', 'select', 'input', 'textarea', 'svg', 'object', 'embed', 'head', 'map', 'canvas', 'audio', 'video']);
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'blockquote',
  'center',
  'dd',
  'dt',
  'dl',
  'pre',
  'form',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'address',
  'figure',
  'figcaption',
  'caption',
  'hr',
  'tr',
  'td',
  'th',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'body',
  'html',
]);
/** Site chrome that can sit inside the article element. */
const CHROME = /^[【[]?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏|分享到?[:：]?.*|扫一扫.*|字号[:：]?\s*(大|中|小|\s)*|【?(大|中|小)】?(\s*【?(大|中|小)】?)*)\s*[】\]]?$/;
const HEADING = /^\s*[一二三四五六][、.．]/;
const CJK = /[\u4e00-\u9fff]/g;

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const hidden = (e: Element) => /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(e, 'style') ?? '') || attr(e, 'hidden') !== undefined;
const children = (n: Node): Node[] => ('childNodes' in n ? (n.childNodes as Node[]) : []);

/** The visible text under a node, blocks separated by new lines (for measuring and cell text). */
function pieces(n: Node, out: string[] = ['']): string[] {
  if (n.nodeName === '#text') out[out.length - 1] += (n as DefaultTreeAdapterMap['textNode']).value;
  else if (isElement(n)) {
    if (SKIP.has(n.tagName) || hidden(n)) return out;
    if (n.tagName === 'br') out.push('');
    else {
      const block = BLOCK.has(n.tagName);
      if (block) out.push('');
      for (const c of children(n)) pieces(c, out);
      if (block) out.push('');
    }
  }
  return out;
}

interface Stats {
  cjk: number;
  tables: number;
  headings: number;
}

/** CJK characters, data tables and section headings under each element. */
function measure(root: Element): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const walk = (e: Element): Stats => {
    const s: Stats = { cjk: 0, tables: 0, headings: 0 };
    if (SKIP.has(e.tagName) || hidden(e)) return s;
    let line = '';
    // Lines are counted where they end: at block elements (an inline element's text is its parent's line).
    const endLine = () => {
      if (BLOCK.has(e.tagName) && HEADING.test(line) && collapse(line).length < 60) s.headings++;
      line = '';
    };
    for (const c of children(e)) {
      if (c.nodeName === '#text') {
        const v = (c as DefaultTreeAdapterMap['textNode']).value;
        s.cjk += v.match(CJK)?.length ?? 0;
        line += v;
      } else if (isElement(c)) {
        const cs = walk(c);
        s.cjk += cs.cjk;
        s.tables += cs.tables;
        s.headings += cs.headings;
        if (BLOCK.has(c.tagName) || c.tagName === 'br') endLine();
        else line += pieces(c).join('');
      }
    }
    endLine();
    if (e.tagName === 'table' && /\d/.test(pieces(e).join('')) && !hasDescendant(e, 'table')) s.tables++;
    stats.set(e, s);
    return s;
  };
  walk(root);
  return stats;
}

function hasDescendant(e: Element, tag: string): boolean {
  return children(e).some((c) => isElement(c) && (c.tagName === tag || hasDescendant(c, tag)));
}

function find(n: Node, tag: string): Element | undefined {
  for (const c of children(n)) {
    if (isElement(c)) {
      if (c.tagName === tag) return c;
      const f = find(c, tag);
      if (f) return f;
    }
  }
  return undefined;
}

/**
 * The article: the deepest element holding all the data tables and section headings of the page
 * (or, on a page with neither, the deepest holding 60% of its Chinese text).
 */
function findArticle(body: Element, stats: Map<Element, Stats>): Element {
  const total = stats.get(body)!;
  const wanted = (s: Stats) => (total.tables || total.headings ? s.tables === total.tables && s.headings === total.headings : s.cjk >= 0.6 * total.cjk);
  let at = body;
  for (;;) {
    const next = children(at).find((c): c is Element => isElement(c) && wanted(stats.get(c) ?? { cjk: 0, tables: 0, headings: 0 }));
    if (!next) return at;
    at = next;
  }
}

const TITLE = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年.{0,40}(报告|年报)/;

/** The report's title when the article does not start with it: a title-like element before it, the ArticleTitle meta or <title>. */
function titleOutside(doc: Node, body: Element, article: Element, firstLine: string): string | undefined {
  // A first line that is itself the title (short; not a paragraph that mentions a year and 报告).
  if (firstLine.trim().length <= 60 && TITLE.test(firstLine)) return undefined;
  let found: string | undefined;
  const walk = (n: Node): boolean => {
    if (n === article) return true;
    if (isElement(n)) {
      if (SKIP.has(n.tagName) || hidden(n)) return false;
      const cls = `${attr(n, 'class') ?? ''} ${attr(n, 'id') ?? ''}`;
      if (/^h[1-3]$/.test(n.tagName) || /title|biaoti|bt\b/i.test(cls)) {
        const t = joinPieces(pieces(n));
        if (TITLE.test(t) && t.length <= 80) found = t;
      }
    }
    return children(n).some(walk);
  };
  walk(body);
  if (found) return found;
  const head = find(doc, 'head');
  const meta = head && children(head).find((c): c is Element => isElement(c) && c.tagName === 'meta' && /^(ArticleTitle|title)$/i.test(attr(c, 'name') ?? ''));
  const metaTitle = meta && collapse(attr(meta, 'content') ?? '');
  if (metaTitle && TITLE.test(metaTitle)) return metaTitle;
  const title = head && find(head, 'title');
  const t = title && collapse(pieces(title).join('')).split(/\s*[_|｜]\s*|\s+-\s+/)[0];
  return t && TITLE.test(t) ? t : undefined;
}

/** Rows of a table element: its own <tr>s, through thead/tbody/tfoot, not those of nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (e: Element) => {
    for (const c of children(e)) {
      if (!isElement(c) || hidden(c)) continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}

const span = (e: Element, name: string) => {
  const n = parseInt(attr(e, name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
};

const NUMERIC = /^\d[\d,]*(\.\d+)?$/;

function readTable(table: Element, view: TextView): void {
  view.beginTable();
  // Grid occupancy by rowspans from rows above: column → rows still covered.
  const covered: number[] = [];
  for (const tr of rowsOf(table)) {
    const cells: RowCell[] = [];
    const wide: string[] = [];
    let col = 0;
    for (const td of children(tr)) {
      if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th') || hidden(td)) continue;
      while (covered[col] > 0) col++;
      const rs = span(td, 'rowspan');
      const cs = span(td, 'colspan');
      const text = joinPieces(pieces(td));
      if (cs > 1 && NUMERIC.test(text)) wide.push(`${text}`);
      cells.push({ text, col: col + 1 });
      for (let k = 0; k < cs; k++) covered[col + k] = Math.max(covered[col + k] ?? 0, rs);
      col += cs;
    }
    for (let k = 0; k < covered.length; k++) if (covered[k] > 0) covered[k]--;
    // One figure spanning the row (table 1's single-value rows) is the national layout; a wide
    // figure among others may stand for several columns.
    if (wide.length && cells.filter((c) => NUMERIC.test(c.text)).length > 1) {
      view.warn(`第 ${view.tableCount} 个表格中有跨列的数字单元格(${wide.join('、')}),按其起始列读取`);
    }
    if (cells.some((c) => collapse(c.text))) view.tableRow(cells);
  }
  view.endTable();
}

/** Reads an element in document order: blocks become lines, data tables pipe rows. */
function readBlocks(root: Element, view: TextView): void {
  let line: string[] = [];
  const flush = () => {
    const t = joinPieces([line.join('')]);
    line = [];
    if (t && !CHROME.test(t)) view.paragraph(t);
  };
  const walk = (n: Node) => {
    if (n.nodeName === '#text') {
      line.push((n as DefaultTreeAdapterMap['textNode']).value);
      return;
    }
    if (!isElement(n) || SKIP.has(n.tagName) || hidden(n)) return;
    if (n.tagName === 'br') return flush();
    if (n.tagName === 'table' && !hasDescendant(n, 'table')) {
      flush();
      readTable(n, view);
      return;
    }
    const block = BLOCK.has(n.tagName);
    if (block) flush();
    for (const c of children(n)) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
}

export function readHtml(bytes: Uint8Array): ExtractResult {
  const decoded = decodeHtml(bytes);
  const doc = parse(decoded.text);
  const body = find(doc, 'body');
  const view = new TextView('html');
  if (decoded.warning) view.warn(decoded.warning);
  if (!body) return { ok: true, value: view.result() };
  const stats = measure(body);
  const article = findArticle(body, stats);
  const inner = new TextView('html');
  readBlocks(article, inner);
  const read = inner.result();
  const title = titleOutside(doc, body, article, read.text.slice(0, read.text.indexOf('\n') + 1 || undefined));
  if (!title) {
    for (const w of view.result().warnings) read.warnings.unshift(w);
    return { ok: true, value: read };
  }
  // The title line goes first; the rest of the view shifts by its length.
  const head = title + '\n';
  const shifted = read.origins.map((o) => ({ ...o, start: o.start + head.length, end: o.end + head.length }));
  return { ok: true, value: { format: 'html', text: head + read.text, origins: shifted, warnings: [...view.result().warnings, ...read.warnings] } };
}
