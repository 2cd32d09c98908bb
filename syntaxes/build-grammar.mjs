// Source of syntaxes/gov-report.tmLanguage.json: the regular expressions are written here from
// named fragments so that they stay readable; the JSON is generated and committed.
// Usage: node syntaxes/build-grammar.mjs          writes the JSON
//        node syntaxes/build-grammar.mjs --check  fails if the committed JSON is out of date
// Every rule is a single-line `match`: a plain-text report has no multi-line constructs, and a
// wrong guess must never colour the rest of the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'gov-report.tmLanguage.json');
const S = '.gov-report';

/** Alternation of words, longest first so that 人次 wins over 人. */
const alt = (words) => '(?:' + [...words].sort((a, b) => b.length - a.length).join('|') + ')';

// ── fragments ────────────────────────────────────────────────────────────────────────────────
const D = '[0-9０-９]'; // half- and full-width digits
const NUM = `(?:${D}{1,3}(?:,${D}{3})+|${D}+)(?:[.．]${D}+)?`; // 1,234 · 4221.6528 · １２
const START = '(?<![0-9０-９A-Za-z_.．])'; // not inside a longer number or word
const END = '(?![0-9０-９])';
const YEAR = `(?:[1１][9９]|[2２][0０])${D}{2}`; // 1900–2099
const ORD_CN = '[一二三四五六七八九十]';
/** A row or list ordinal at the start of a table label: 一、 (一) 1. 1、 */
const ROW_ORD = `(?:[一二三四][、.,，．]|[（(]\\s*[一二三四五六七]\\s*[)）]|${D}{1,2}\\s*[.．、])`;

const UNITS = alt([
  '人次',
  '件次',
  '户次',
  '条次',
  '个工作日',
  '工作日',
  '个百分点',
  '百分点',
  '平方米',
  '公里',
  '小时',
  '分钟',
  '个',
  '件',
  '条',
  '次',
  '项',
  '篇',
  '期',
  '场',
  '名',
  '人',
  '家',
  '户',
  '份',
  '批',
  '部',
  '套',
  '类',
  '天',
  '周',
  '年',
  '分',
  '元',
  '台',
  '所',
  '处',
  '座',
  '位',
  '本',
  '册',
  '张',
  '幅',
  '封',
  '起',
  '例',
  '宗',
  '则',
  '组',
  '轮',
  '届',
  '倍',
  '字',
  '段',
  '支',
  '亩',
  '吨',
  '米',
]);
const MULT = alt(['万', '亿', '千', '千万', '百万']); // 280万, 1.2亿
const APPROX_PRE = alt(['约', '大约', '近', '将近', '接近', '逾', '超过', '不足', '不到']);
const APPROX_SUF = alt(['余', '多']);
const APPROX_POST = alt(['左右', '以上', '上下', '以下', '以内', '有余']);
const PERCENT = '[%％‰]';

// Keys of the table row labels (国办公开办函〔2021〕30号 tables 1 and 2).
const ROW_KEYS = alt([
  '本年新收',
  '上年结转',
  '本年度办理结果',
  '办理结果',
  '结转下年',
  '予以公开',
  '部分公开',
  '不予公开',
  '无法提供',
  '不予处理',
  '其他处理',
  '国家秘密',
  '禁止公开',
  '法律行政',
  '行政法规',
  '三安全',
  '第三方合法权益',
  '内部事务',
  '过程性信息',
  '执法案卷',
  '行政查询',
  '不掌握',
  '另行制作',
  '仍不明确',
  '信访',
  '重复申请',
  '出版物',
  '大量反复',
  '重新出具',
  '确认或',
  '已获取信息',
  '不补正',
  '缴纳费用',
  '规章',
  '规范性文件',
  '行政许可',
  '行政处罚',
  '行政强制',
  '事业性收费',
  '第二十条',
]);
const NOT_ROW = '(?!\\s*(?:本年新收|上年结转|本年度办理|结转下年))';
/** Characters of a label followed by cells: no digits except a list ordinal (1.属于国家秘密). */
const LABEL_CH = `(?:[^|\\t。；;：:0-9０-９]|${D}{1,2}\\s*[.．、](?!\\s*${D}))`;
/** Characters of a label alone on its line: no commas outside parentheses either. */
const LINE_LABEL_CH = `(?:[^|\\t。；;：:，,0-9０-９（(]|${D}{1,2}\\s*[.．、](?!\\s*${D})|[（(][^)）|]{0,30}(?:[)）]|$))`;
/** A short label alone on its line (行政规范性文件, PDF fragments such as 已获取信息): no clause punctuation. */
const SHORT_LABEL_CH = '[^|\\t。；;：:，,、0-9０-９]';
/** Table 2 rows that start like a sub-heading: (一)予以公开, and PDF text broken after (三)不. */
const NOT_TABLE_SUB = '(?!\\s*(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|[不无其]\\s*(?:$|\\s)))';

// Section titles by number (the keys of server/src/core/template/format.ts).
const SECTION_KEYS = {
  一: '总体情况|总体概况|概述',
  二: '主动公开',
  三: '收到和处理|公开申请情况|依申请公开',
  四: '行政复议|行政诉讼',
  五: '存在的?主要问题|改进情况',
  六: '其他需要报告|其他事项',
};
const TITLE_CH = '[^。；;|]';

// ── rules ────────────────────────────────────────────────────────────────────────────────────
const pipeCaptures = { patterns: [{ include: '#pipe' }] };
const inline = { patterns: [{ include: '#inline' }] };

const sectionRules = Object.entries(SECTION_KEYS).map(([n, keys]) => ({
  match: `^[#*\\s]*(${n}\\s*[、.,，．])${NOT_ROW}\\s*(${TITLE_CH}{0,40}?(?:${keys})${TITLE_CH}{0,24}?)\\s*[。.]?\\s*(\\|[\\s|]*)?$`,
  name: `markup.heading.section${S}`,
  captures: {
    1: { name: `punctuation.definition.heading${S}` },
    2: { name: `entity.name.section${S}`, ...inline },
    3: pipeCaptures,
  },
}));

const repository = {
  'page-marker': {
    comment: 'A page number of a PDF on its own line: "- 4 -", "第 4 页 共 9 页".',
    match: `^\\s*(?:[-—–－]\\s*${D}{1,3}\\s*[-—–－]|第\\s*${D}{1,3}\\s*页(?:\\s*[,，/／]?\\s*共\\s*${D}{1,3}\\s*页)?)\\s*$`,
    name: `comment.line.page-marker${S}`,
  },
  debris: {
    comment: 'Web-page debris pasted with the report.',
    match: '^\\s*(?:您现在的位置|当前位置|扫一扫在手机|【\\s*(?:字号|打印|关闭)|来源\\s*[:：].*日期\\s*[:：]).*$',
    name: `comment.line.debris${S}`,
  },
  'table-lines': {
    patterns: [
      {
        comment: 'A line of bare pipes: merged cells.',
        match: '^\\s*(\\|[\\s|]*)$',
        name: `meta.table.merged-cells${S}`,
        captures: { 1: pipeCaptures },
      },
      {
        comment: 'A Markdown table rule: |---|:---:|',
        match: '^\\s*\\|?(?:\\s*:?-{3,}:?\\s*\\|)+(?:\\s*:?-{3,}:?\\s*)?$',
        name: `punctuation.separator.table${S}`,
      },
    ],
  },
  section: { patterns: sectionRules },
  'row-label': {
    patterns: [
      {
        comment: 'A table row label at line start or after a pipe, followed by a pipe or by bare numbers.',
        match: `(?:^|(?<=\\|))\\s*((?:${ROW_ORD}\\s*)?${LABEL_CH}{0,60}?${ROW_KEYS}${LABEL_CH}{0,60}?|${ROW_ORD}\\s*(?:其他|总计))` + `(?=\\s*\\||\\s+${NUM}(?:\\s*(?:\\||$)|\\s+${D}))`,
        captures: { 1: { name: `entity.name.label.table-row${S}` } },
      },
      {
        comment: 'A label alone on its line (one cell per line, PDF text): with a row ordinal, or short.',
        match: `^\\s*(${ROW_ORD}\\s*${LINE_LABEL_CH}{0,60}?${ROW_KEYS}${LINE_LABEL_CH}{0,60}?|${ROW_ORD}\\s*(?:其他|总计)` + `|${SHORT_LABEL_CH}{0,6}?${ROW_KEYS}${SHORT_LABEL_CH}{0,7}?)\\s*$`,
        captures: { 1: { name: `entity.name.label.table-row${S}` } },
      },
    ],
  },
  subsection: {
    patterns: [
      {
        comment: '(一)做好主动公开 — the title runs to the first full stop.',
        match: `^[#*\\s]*([（(]\\s*${ORD_CN}{1,2}\\s*[)）])${NOT_TABLE_SUB}\\s*([^。.|]{1,40}?)(?=[。.]|\\s*\\|?\\s*$)`,
        name: `markup.heading.subsection${S}`,
        captures: {
          1: { name: `punctuation.definition.heading${S}` },
          2: { name: `entity.name.section.subsection${S}`, ...inline },
        },
      },
      {
        comment: 'The marker alone when the title cannot be delimited.',
        match: `^[#*\\s]*([（(]\\s*${ORD_CN}{1,2}\\s*[)）])${NOT_TABLE_SUB}`,
        captures: { 1: { name: `punctuation.definition.heading${S}` } },
      },
    ],
  },
  title: {
    comment: 'The report title: 大兴安岭地区2023年政府信息公开工作年度报告',
    match: `^\\s*((?![^\\n]*[。《》，,；;])[^|]{0,40}?${YEAR}\\s*年度?[^|]{0,30}?(?:信息公开|政务公开)[^|]{0,12}?报告)\\s*(\\|)?\\s*$`,
    captures: {
      1: { name: `markup.heading.title${S}`, ...inline },
      2: pipeCaptures,
    },
  },
  list: {
    patterns: [
      {
        comment: 'Enumerations 一是、二是 after the line start or punctuation (not 统一是).',
        match: `(?:^|(?<=[\\s。；;：:，,、！!？?）)|]))${ORD_CN}{1,3}是`,
        name: `markup.list.numbered.enumeration${S}`,
      },
      {
        comment: 'List ordinals 1. 1、 at the line start, after white space, a pipe or a clause; not a decimal.',
        match: `(?:^|(?<=[\\s|：:；;。，,]))${D}{1,2}\\s*[.．、](?!\\s*${D})`,
        name: `markup.list.numbered${S}`,
      },
      {
        comment: 'Parenthesised list ordinals (1) （2）.',
        match: `[（(]\\s*${D}{1,2}\\s*[)）]`,
        name: `markup.list.numbered${S}`,
      },
    ],
  },
  inline: {
    patterns: [
      { include: '#link' },
      { include: '#phone' },
      { include: '#postcode' },
      { include: '#document-number' },
      { include: '#ordinal' },
      { include: '#date' },
      { include: '#identifier' },
      { include: '#approximate' },
      { include: '#percentage' },
      { include: '#figure' },
      { include: '#pipe' },
    ],
  },
  link: {
    patterns: [
      { match: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+', name: `markup.underline.link.email${S}` },
      { match: '(?:https?://|www\\.)[^\\s，。；、）)」》<>|]+', name: `markup.underline.link${S}` },
    ],
  },
  phone: {
    patterns: [
      {
        comment: 'With an area code: 0832-8223730, (0517)87222589; 400-123-4567.',
        match: `${START}(?:0${D}{2,3}\\s*[-－—–]\\s*${D}{7,8}|[（(]0${D}{2,3}[)）]\\s*${D}{7,8}|[48]00\\s*[-－]\\s*${D}{3}\\s*[-－]\\s*${D}{4})${END}`,
        name: `constant.other.phone${S}`,
      },
      {
        comment: 'A mobile number.',
        match: `${START}1[3-9]${D}{9}${END}`,
        name: `constant.other.phone${S}`,
      },
      {
        comment: 'After a label with a colon: 电话：83605210 (PDF text may space the label: 电 话 ：).',
        match: `(电\\s*话|传\\s*真|热\\s*线|手\\s*机|联系方式)\\s*[：:]\\s*(${D}{5,12})${END}`,
        captures: { 2: { name: `constant.other.phone${S}` } },
      },
      {
        comment: 'Service hotlines: 12345政务服务便民热线, 12345平台.',
        match: `${START}123${D}{2}${END}(?=\\s*(?:\\p{Han}{0,12}热线|平台|工单|便民|政务服务))`,
        name: `constant.other.phone.hotline${S}`,
      },
      {
        comment: 'A hotline after 拨打.',
        match: `(?<=拨打)\\s*123${D}{2}${END}`,
        name: `constant.other.phone.hotline${S}`,
      },
    ],
  },
  postcode: {
    match: `(邮\\s*编|邮政编码)\\s*[：:]?\\s*(${D}{6})${END}`,
    captures: { 2: { name: `constant.other.postcode${S}` } },
  },
  'document-number': {
    patterns: [
      {
        comment: '〔2021〕30号, [2023]18号, (2021)第3号, and a bare 〔2023〕.',
        match: `(?:[〔［\\[【]\\s*${D}{4}\\s*[〕］\\]】]|[（(]\\s*${D}{4}\\s*[)）](?=\\s*(?:第\\s*)?${D}+\\s*号))(?:\\s*(?:第\\s*)?${D}+\\s*号)?`,
        name: `string.other.document-number${S}`,
      },
      {
        comment: '国令第 711 号, 国务院令711号, 第3号.',
        match: `(?:(?:国务院|国)?令\\s*(?:第\\s*)?|第\\s*)${D}+\\s*号`,
        name: `string.other.document-number${S}`,
      },
    ],
  },
  ordinal: {
    comment: '第3次, 第 1 季度: an ordinal, not a count.',
    match: `第\\s*${D}+`,
    name: `constant.other.ordinal${S}`,
  },
  date: {
    patterns: [
      {
        comment: 'Year ranges: 2021—2023年.',
        match: `${START}${YEAR}\\s*[-—–~～至到]\\s*${YEAR}\\s*年度?`,
        name: `constant.other.date${S}`,
      },
      {
        comment: '2023年, 2023 年度, 2023年1月1日.',
        match: `${START}${YEAR}\\s*年度?(?:\\s*${D}{1,2}\\s*月(?:\\s*${D}{1,2}\\s*[日号])?)?`,
        name: `constant.other.date${S}`,
      },
      {
        comment: '2023-01-28, 2023.01.28, 2023/1/28.',
        match: `${START}${YEAR}\\s*([-/.．])\\s*${D}{1,2}\\s*\\1\\s*${D}{1,2}${END}`,
        name: `constant.other.date${S}`,
      },
      {
        comment: '12月31日, 1 月, 15日.',
        match: `${START}${D}{1,2}\\s*(?:月(?:\\s*${D}{1,2}\\s*[日号])?|日)`,
        name: `constant.other.date${S}`,
      },
      {
        comment: '9:30, 17：00.',
        match: `${START}${D}{1,2}[:：]${D}{2}(?:[:：]${D}{2})?${END}`,
        name: `constant.other.time${S}`,
      },
    ],
  },
  identifier: {
    patterns: [
      {
        comment: 'House and building numbers: 洪泽湖大道 90 号, 1号楼.',
        match: `${START}${D}+\\s*号`,
        name: `constant.other.identifier${S}`,
      },
      {
        comment: 'A house number whose 号 PDF text wrapped to the next line: 洪泽湖大道 90',
        match: `(?<=路|街|大道|巷|弄)\\s*${D}+\\s*$`,
        name: `constant.other.identifier${S}`,
      },
      {
        comment: 'Digits inside a Latin word: 5G, H5, A4.',
        match: '(?<![A-Za-z0-9_])(?:[A-Za-z]+[0-9]+|[0-9]+[A-Za-z]+)[A-Za-z0-9]*',
        name: `constant.other.identifier${S}`,
      },
    ],
  },
  approximate: {
    comment: '182余条, 近720余次, 约40个, 280万余人次, 100件左右, 90%以上 — never checked exactly.',
    match:
      `${START}(?=${APPROX_PRE}\\s*(?!${YEAR}\\s*(?:年|[-/.．]${D}))${D}` +
      `|${NUM}(?:\\s*${MULT})?\\s*${APPROX_SUF}` +
      `|${NUM}(?:\\s*${MULT})?(?:\\s*${APPROX_SUF})?(?:\\s*${MULT})?(?:\\s*${UNITS})?(?:\\s*${PERCENT})?\\s*${APPROX_POST})` +
      `(${APPROX_PRE})?\\s*(${NUM})${END}(?:\\s*(${MULT}))?(?:\\s*(${APPROX_SUF}))?(?:\\s*(${MULT}))?` +
      `(?:\\s*(${UNITS}))?(?:\\s*(${PERCENT}))?(?:\\s*(${APPROX_POST}))?`,
    name: `meta.figure.approximate${S}`,
    captures: {
      1: { name: `keyword.other.approximate${S}` },
      2: { name: `constant.numeric.approximate${S}` },
      3: { name: `keyword.other.unit${S}` },
      4: { name: `keyword.other.approximate${S}` },
      5: { name: `keyword.other.unit${S}` },
      6: { name: `keyword.other.unit${S}` },
      7: { name: `keyword.other.unit.percent${S}` },
      8: { name: `keyword.other.approximate${S}` },
    },
  },
  percentage: {
    match: `${START}(${NUM})\\s*(${PERCENT})`,
    name: `meta.figure.percentage${S}`,
    captures: {
      1: { name: `constant.numeric.percentage${S}` },
      2: { name: `keyword.other.unit.percent${S}` },
    },
  },
  figure: {
    comment: '78件, 21 件, 4221.6528, １２件, and bare table cells.',
    match: `${START}(${NUM})${END}(?:\\s*(${MULT}))?(?:\\s*(${UNITS}))?`,
    name: `meta.figure${S}`,
    captures: {
      1: { name: `constant.numeric.figure${S}` },
      2: { name: `keyword.other.unit${S}` },
      3: { name: `keyword.other.unit${S}` },
    },
  },
  pipe: {
    match: '\\|',
    name: `punctuation.separator.table${S}`,
  },
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Gov Disclosure Report',
  scopeName: 'source.gov-report',
  comment: 'Generated by syntaxes/build-grammar.mjs — edit that file, then run it.',
  patterns: [
    { include: '#page-marker' },
    { include: '#debris' },
    { include: '#table-lines' },
    { include: '#section' },
    { include: '#row-label' },
    { include: '#subsection' },
    { include: '#title' },
    { include: '#list' },
    { include: '#inline' },
  ],
  repository,
};

const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== json) {
    console.error('syntaxes/gov-report.tmLanguage.json is out of date: run node syntaxes/build-grammar.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(OUT, json);
}
