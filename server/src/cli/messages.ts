/** Every message the CLI prints itself, in Chinese and English (the findings carry their own). */
import type { Locale, Msg } from '../core';

export type Say = (m: Msg) => string;
export const sayer =
  (locale: Locale): Say =>
  (m) =>
    locale === 'en' ? m.en : m.zh;

export const HELP: Msg = {
  zh: `nianbao —— 政府信息公开工作年度报告数字校对

用法:
  nianbao check [选项] 文件、文件夹或通配符...
  nianbao extract 文件 [-o 输出.txt]        取出网页、PDF 或 Word 报告的文本(可编辑后再检查)
  nianbao --help | --version
  nianbao check --help      检查命令的全部选项

示例:
  nianbao check 报告/                       检查文件夹(含子文件夹)中的所有年报
  nianbao check "2023/*年报*.txt"           由 nianbao 自己展开通配符(Windows 也可用)
  nianbao check --format html -o 汇总.html 报告/   生成一页可打印的汇总
  nianbao check --fix --backup 某县2023年报.txt     改正可自动改正的数字,保留原文件

退出码:0 无错误;1 发现错误;2 用法错误或有文件无法读取。`,
  en: `nianbao — proofreads the numbers in government information-disclosure annual reports

usage:
  nianbao check [options] FILE, FOLDER or GLOB...
  nianbao extract FILE [-o OUT.txt]         the text of a web page, PDF or Word report (to edit, then check)
  nianbao --help | --version
  nianbao check --help      all options of the check command

examples:
  nianbao check reports/                        every report in a folder (recursive)
  nianbao check "2023/*年报*.txt"               globs are expanded by nianbao itself (also on Windows)
  nianbao check --format html -o summary.html reports/   one printable summary page
  nianbao check --fix --backup report.txt       apply the fixes, keep the original

exit code: 0 no errors; 1 errors found; 2 usage error or a file that could not be read.`,
};

export const CHECK_HELP: Msg = {
  zh: `用法:nianbao check [选项] 文件、文件夹或通配符...

  文件可以是文本报告,也可以是发布的网页(.html)、PDF 或 Word(.docx)文件(检查其文本)。
  文件夹按子文件夹递归查找:文件名含“年度报告”或“年报”的 .txt/.md 文件,以及内容被识别为年报的
  其他 .txt/.md/.html/.pdf/.docx 文件。
  同一次调用中的所有报告互为“其他报告”:同一机关相邻两年的报告会做跨年度检查。

选项:
  --format 格式        text(默认)、json、sarif、csv(带 BOM,Excel/WPS 可直接打开)、html(一页汇总)
  --summary            csv:每个文件一行(机关、年度、状态、各级问题数、已忽略数、与上年相同比例)
  -o, --output 文件    输出写入文件而不是标准输出
  --fix                把首选修正写入(文本)文件(反复检查直到没有可自动修正的问题),并列出每处改动
  --backup             与 --fix 同用:改动前把原文件保存为 文件名.bak
  --locale zh|en       消息语言(默认 zh,或环境变量 NIANBAO_LOCALE)
  --rule 规则=级别     设置规则的级别(error、warning、information、hint)或关闭(off),如 --rule year-mismatch=off
  --reuse-threshold X  content-reuse:与上年报告相同文字的比例超过 X(0–1,默认 0.5)时提示
  --jobs N             并行线程数(默认为 CPU 核数)
  --quiet              不显示进度
  --stats              结束时在标准错误输出打印文件数、用时、速度和内存峰值
  -h, --help           显示本帮助`,
  en: `usage: nianbao check [options] FILE, FOLDER or GLOB...

  A file may be a text report or a published web page (.html), PDF or Word file (.docx), checked
  through its text. Folders are searched recursively: .txt/.md files named like a report (年度报告,
  年报), and other .txt/.md/.html/.pdf/.docx files whose content is recognised as a report. All reports of one call are each other's
  "other reports": two consecutive years of one body get the cross-year checks.

options:
  --format FORMAT      text (default), json, sarif, csv (with a BOM, opens in Excel/WPS), html (one summary page)
  --summary            csv: one row per file (body, year, status, counts by severity, suppressed, reuse)
  -o, --output FILE    write the output to FILE instead of stdout
  --fix                write the preferred fixes into the (text) files (re-checking until nothing fixable is left) and list each change
  --backup             with --fix: keep the original as FILE.bak before changing it
  --locale zh|en       message language (default zh, or the NIANBAO_LOCALE environment variable)
  --rule ID=SEVERITY   set a rule's severity (error, warning, information, hint) or turn it off, e.g. --rule year-mismatch=off
  --reuse-threshold X  content-reuse: report a share of text word for word from last year's report above X (0–1, default 0.5)
  --jobs N             worker threads (default: the number of CPU cores)
  --quiet              no progress display
  --stats              print files, time, rate and peak memory to stderr at the end
  -h, --help           show this help`,
};

export const M = {
  missingCommand: { zh: '缺少命令(可用:check)', en: 'missing command (available: check)' },
  unknownCommand: (c: string): Msg => ({ zh: `未知命令:${c}(可用:check)`, en: `unknown command: ${c} (available: check)` }),
  unknownOption: (o: string): Msg => ({ zh: `未知选项:${o}`, en: `unknown option: ${o}` }),
  needsValue: (o: string): Msg => ({ zh: `${o} 需要一个值`, en: `${o} needs a value` }),
  unknownFormat: (v: string): Msg => ({ zh: `未知格式:${v}(可用:text、json、sarif、csv、html)`, en: `unknown format: ${v} (text, json, sarif, csv, html)` }),
  unknownLocale: (v: string): Msg => ({ zh: `未知语言:${v}(可用:zh、en)`, en: `unknown locale: ${v} (zh, en)` }),
  unknownRule: (id: string): Msg => ({ zh: `未知规则:${id}`, en: `unknown rule: ${id}` }),
  unknownSeverity: (id: string, s: string): Msg => ({ zh: `规则 ${id} 的级别无效:${s}`, en: `unknown severity for ${id}: ${s}` }),
  badJobs: (v: string): Msg => ({ zh: `--jobs 需要 1 到 64 之间的整数:${v}`, en: `--jobs needs a whole number from 1 to 64: ${v}` }),
  badThreshold: (v: string): Msg => ({ zh: `--reuse-threshold 需要 0 到 1 之间的数:${v}`, en: `--reuse-threshold needs a number from 0 to 1: ${v}` }),
  backupNeedsFix: { zh: '--backup 只能与 --fix 一起使用', en: '--backup only goes with --fix' },
  summaryNeedsCsv: { zh: '--summary 只用于 --format csv', en: '--summary only goes with --format csv' },
  noFiles: { zh: '没有给出文件', en: 'no files given' },
  seeHelp: { zh: '用 nianbao check --help 查看用法', en: 'see nianbao check --help' },
  noMatch: (p: string): Msg => ({ zh: `没有文件与 ${p} 匹配`, en: `no files match ${p}` }),
  emptyFolder: (p: string): Msg => ({ zh: `文件夹 ${p} 中没有找到报告文件(.txt、.md、.html、.pdf、.docx)`, en: `no report files (.txt, .md, .html, .pdf, .docx) found in the folder ${p}` }),
  notFound: { zh: '文件不存在', en: 'no such file' },
  isDirectory: { zh: '是文件夹', en: 'is a directory' },
  notRegular: (what: string): Msg => ({ zh: `不是普通文件${what ? `(${what})` : ''},未读取`, en: `not a regular file${what ? ` (${what})` : ''}, not read` }),
  tooLarge: (size: string, limit: string): Msg => ({ zh: `文件过大(${size} MB,上限 ${limit} MB),未读取`, en: `too large (${size} MB; the limit is ${limit} MB), not read` }),
  fixTextOnly: { zh: '--fix 只修改文本文件;可用 nianbao extract 得到它的可编辑文本', en: '--fix changes text files only; "nianbao extract" makes an editable text of it' },
  changedOnDisk: { zh: '读取后已被修改,未写入修正;请重新检查', en: 'changed on disk since it was read; the fixes were not written, check it again' },
  binary: { zh: '是二进制文件(含 NUL 字节),不是文本报告', en: 'binary file (contains NUL bytes), not a text report' },
  notUtf8: {
    zh: '不是 UTF-8 文本,可能是 GBK/GB18030 编码。请转存为 UTF-8:记事本中“文件 → 另存为”,“编码”选“UTF-8”后保存;WPS 中“文件 → 另存为”,文件类型选“纯文本(*.txt)”,编码选“UTF-8”;命令行可用 iconv -f GBK -t UTF-8 原文件 > 新文件',
    en: 'not UTF-8 text, probably GBK/GB18030. Save it as UTF-8: in Notepad, File → Save As, Encoding "UTF-8"; in WPS, File → Save As, type "Plain text (*.txt)", encoding UTF-8; or on a command line iconv -f GBK -t UTF-8 old.txt > new.txt',
  },
  utf16: (kind: string, bom: boolean, from: string): Msg => ({
    zh: `是 ${kind} 编码的文本(${bom ? '带' : '无'}字节顺序标记),不是 UTF-8。请转存为 UTF-8:记事本中“文件 → 另存为”,“编码”选“UTF-8”;或命令行 iconv -f ${from} -t UTF-8 原文件 > 新文件`,
    en: `${kind} text, not UTF-8; save it as UTF-8 (Notepad: File → Save As, Encoding "UTF-8") or iconv -f ${from} -t UTF-8 FILE > FILE.utf8.txt`,
  }),
  cannotRead: (why: string): Msg => ({ zh: `无法读取:${why}`, en: `cannot read: ${why}` }),
  cannotWrite: (why: string): Msg => ({ zh: `无法写入:${why}`, en: `cannot write: ${why}` }),
  ignoreFile: (why: string): Msg => ({ zh: `忽略文件 ${why}`, en: `ignore file ${why}` }),
  internal: (why: string): Msg => ({ zh: `内部错误:${why}`, en: `internal error: ${why}` }),
  cannotParse: (why: string): Msg => ({ zh: `无法按年度报告读取(内部错误):${why}`, en: `could not be read as a report (internal error): ${why}` }),
  fixed: (n: number, files: number): Msg => ({ zh: `已修正 ${n} 处(${files} 个文件)`, en: `fixed ${n} number${n === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}` }),
  backup: (p: string): Msg => ({ zh: `原文件已保存为 ${p}`, en: `original kept as ${p}` }),
  suppressed: (n: number): Msg => ({ zh: `另有 ${n} 个问题按 .nianbao-ignore.json 忽略`, en: `${n} more finding${n === 1 ? '' : 's'} suppressed by .nianbao-ignore.json` }),
  progress: (done: number, total: number, rate: number, eta: number): Msg => ({
    zh: `${done}/${total} 个文件 · ${rate.toFixed(0)} 个/秒 · 预计还需 ${eta.toFixed(0)} 秒`,
    en: `${done}/${total} files · ${rate.toFixed(0)}/s · ETA ${eta.toFixed(0)} s`,
  }),
  stats: (files: number, s: number, cpu: number, rss: number): Msg => ({
    zh: `${files} 个文件,用时 ${s.toFixed(2)} 秒(${(files / Math.max(s, 1e-9)).toFixed(0)} 个/秒),CPU ${cpu.toFixed(2)} 秒,内存峰值 ${rss.toFixed(0)} MB`,
    en: `${files} files in ${s.toFixed(2)} s (${(files / Math.max(s, 1e-9)).toFixed(0)}/s), CPU ${cpu.toFixed(2)} s, peak memory ${rss.toFixed(0)} MB`,
  }),
  wroteOutput: (p: string): Msg => ({ zh: `已写入 ${p}`, en: `wrote ${p}` }),
};
