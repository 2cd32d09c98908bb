/**
 * A published report as the Word file it was drafted in: section headings 一、…六、 and
 * sub-headings （一）… made by Word list numbering (the numeral is not in the text), paragraphs
 * split into several runs, and the three tables with merged header cells (gridSpan, vMerge).
 */
import { zipSync, strToU8 } from 'fflate';
import type { PublishedDoc, GridCell } from './published';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A paragraph of runs: text cut into pieces of at most 12 characters, as Word's editing leaves it. */
function para(text: string, pPr = ''): string {
  const runs: string[] = [];
  for (let i = 0; i < text.length; i += 12) runs.push(`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(text.slice(i, i + 12))}</w:t></w:r>`);
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs.join('')}</w:p>`;
}

/** Grid rows with rowspan/colspan → w:tr with gridSpan and vMerge restart/continue cells. */
function table(rows: GridCell[][]): string {
  const width = rows[0].reduce((n, c) => n + (c.colspan ?? 1), 0);
  const pending: { rows: number; span: number }[] = []; // per grid column: rows of a vertical merge still to continue
  const out = [`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="800"/>'.repeat(width)}</w:tblGrid>`];
  for (const r of rows) {
    const cells: string[] = [];
    let col = 0;
    let k = 0;
    while (col < width) {
      const p = pending[col];
      if (p && p.rows > 0) {
        cells.push(`<w:tc><w:tcPr>${p.span > 1 ? `<w:gridSpan w:val="${p.span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        p.rows--;
        col += p.span;
        continue;
      }
      const c = r[k++];
      if (!c) break;
      const span = c.colspan ?? 1;
      const merge = (c.rowspan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : '';
      if (merge) pending[col] = { rows: c.rowspan! - 1, span };
      // Long labels as two paragraphs in the cell.
      const body = c.text.length > 12 ? para(c.text.slice(0, 6)) + para(c.text.slice(6)) : para(c.text);
      cells.push(`<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}</w:tcPr>${body}</w:tc>`);
      col += span;
    }
    out.push(`<w:tr>${cells.join('')}</w:tr>`);
  }
  out.push('</w:tbl>');
  return out.join('');
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>`;

export function renderDocx(doc: PublishedDoc): Buffer {
  const body: string[] = [];
  // Word numbering continues 一、二、… only if the printed numerals do; otherwise the numeral stays text.
  const h0 = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 0) as { numeral: number }[];
  const numbered0 = h0.every((b, i) => b.numeral === i + 1);
  let sub = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'title') body.push(para(b.text, '<w:jc w:val="center"/>'));
    else if (b.kind === 'para') body.push(para(b.text, '<w:ind w:firstLineChars="200"/>'));
    else if (b.kind === 'table') body.push(table(b.rows));
    else if (b.level === 0) {
      sub = 0;
      // Section headings: style Heading1, whose style carries the numbering (level 0).
      body.push(numbered0 ? para(b.text, '<w:pStyle w:val="Heading1"/>') : para(`${'一二三四五六'[b.numeral - 1]}、${b.text}`));
    } else {
      sub++;
      body.push(numbered0 && sub === b.numeral ? para(b.text, '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>') : para(`（${'一二三四五六七八九十'[b.numeral - 1]}）${b.text}`));
    }
  }
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${body.join('\n')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
  const files = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    'word/document.xml': strToU8(document),
    'word/numbering.xml': strToU8(NUMBERING),
    'word/styles.xml': strToU8(STYLES),
  };
  return Buffer.from(zipSync(files));
}
