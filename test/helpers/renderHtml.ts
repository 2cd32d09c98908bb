/**
 * A published report as a government CMS page: site header, navigation and breadcrumbs, the title
 * outside the article, the article (TRS_Editor) with <p> paragraphs and the three tables as real
 * <table>s with rowspan/colspan, <p> and &nbsp; inside cells, then print/close buttons, a footer
 * and scripts. Optionally encoded as GBK with <meta charset="gb2312">.
 */
import { headingText, type PublishedDoc } from './published';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface HtmlOptions {
  charset?: 'utf-8' | 'gb2312';
}

function tableHtml(rows: PublishedDoc['blocks'][number] & { kind: 'table' }): string {
  const out = ['<table border="1" cellspacing="0" style="border-collapse: collapse;margin: 0 auto;"><tbody>'];
  rows.rows.forEach((r, i) => {
    out.push('<tr>');
    for (const c of r) {
      const span = `${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}`;
      // Long labels come split over several <p>, with &nbsp; padding, as CMS editors save them.
      const text =
        c.text.length > 8 && i < 3 ? `<p>${esc(c.text.slice(0, 4))}</p><p>${esc(c.text.slice(4))}&nbsp;&nbsp;</p>` : `<p style="text-indent: 0em;">${esc(c.text)}${c.text ? '' : '&nbsp;'}</p>`;
      out.push(`<td${span} valign="center" style="padding: 0 4px;">${text}</td>`);
    }
    out.push('</tr>');
  });
  out.push('</tbody></table>');
  return out.join('\n');
}

export function renderHtml(doc: PublishedDoc, options: HtmlOptions = {}): Buffer {
  const blocks = [...doc.blocks];
  const first = blocks[0];
  const title = first?.kind === 'title' ? (blocks.shift() as { text: string }).text : '政府信息公开年报';
  const body: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'title') body.push(`<p style="text-align: center;"><strong>${esc(b.text)}</strong></p>`);
    else if (b.kind === 'heading') body.push(`<p style="text-indent: 2em;"><strong>${esc(headingText(b))}</strong></p>`);
    else if (b.kind === 'para') body.push(`<p style="text-indent: 2em;">&nbsp;&nbsp;${esc(b.text)}</p>`);
    else body.push(tableHtml(b));
  }
  const charset = options.charset ?? 'utf-8';
  // Published on time: in the January after the report's year (a page without a dated title shows no date).
  const year = /(\d{4})\s*年/.exec(title)?.[1];
  const published = year ? `<span>发布时间：${Number(year) + 1}-01-20 09:30</span>` : '';
  const html = `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<meta name="ArticleTitle" content="${esc(title)}" />
<title>${esc(title)}_政府信息公开年报_示例县人民政府</title>
<link rel="stylesheet" href="/images/style.css">
<script>var _hmt = _hmt || []; document.write("<div>统计代码</div>");</script>
<style>.nav li { float: left; } /* 一、总体情况 in a style is not text */</style>
</head>
<body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="示例县人民政府门户网站"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul>
<div class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></div></div>
<div class="main"><div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="../">政府信息公开年报</a></div>
<div class="article">
<div class="article_title">${esc(title)}</div>
<div class="article_extend"><span>来源：示例县人民政府办公室</span>${published}<span>字号：【大 中 小】</span></div>
<div class="article_content"><div class=TRS_Editor>
${body.join('\n')}
</div></div>
<div class="article_btn"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="share" style="display:none">分享到：微信 微博</div>
</div></div>
<div class="footer"><p>主办：示例县人民政府办公室　承办：示例县大数据中心</p><p>网站标识码：1234567890　备案号：X ICP备12345678号</p><p>联系电话：0832-8223730</p></div>
<script src="/js/common.js"></script>
</body>
</html>
`;
  return charset === 'utf-8' ? Buffer.from(html, 'utf8') : encodeGbk(html);
}

let gbk: Map<string, number[]> | undefined;

/** GBK bytes of a string, the table built once from the platform's GB18030 decoder. */
export function encodeGbk(s: string): Buffer {
  if (!gbk) {
    gbk = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbk.has(ch)) gbk.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbk.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
