// Workspace files for the editor/first-use scenarios of vscode-e2e.mjs (uxScenarios): a Markdown
// draft whose name lacks 年报, the report saved in GBK, and a third draft for the Fix All command.

export const MD_DRAFT = '草稿.md';
export const GBK_FILE = '旧稿-gbk.txt';
export const DRAFT3 = '大兴安岭地区2023年政府信息公开工作年度报告-三稿.txt';

/** Real GBK bytes (Node decodes GBK but has no encoder: the table comes from decoding every two-byte code). */
export function gbk(text) {
  const dec = new TextDecoder('gbk');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`fixture: ${ch} has no GBK code`);
      out.push(...b);
    }
  }
  const buf = Buffer.from(out);
  if (dec.decode(buf) !== text) throw new Error('fixture: GBK round trip failed');
  return buf;
}

/** `seed`: the corpus report; `draft2`: the second draft with its table errors (fix-all). */
export function uxFiles(seed, draft2) {
  return { [MD_DRAFT]: seed, [GBK_FILE]: gbk(seed), [DRAFT3]: draft2 };
}
