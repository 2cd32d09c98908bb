/**
 * workspace/executeCommand: fix-all, ignore a finding or a rule, show a rule's documentation.
 * Fix and ignore commands carry the document version they were offered for; a stale one is
 * refused (fix-all), or accepted only while its finding still exists (ignore: entries are keyed
 * by fingerprint, not position). Refusals to write the ignore file are explained to the user.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis, Locale, Msg } from './core';
import { pick } from './convert';
import { ruleDocUri } from './docs';
import type { Ignores } from './ignores';
import type { AddResult } from './io/ignoreFile';
import { commandArgs, commandParams, invalid } from './params';
import { pathToFileURL } from 'node:url';
import { CommandIds, COMMAND_ARGS, type CommandId } from './protocol';
import { offerUndo, unignore } from './undoIgnore';

export const COMMANDS = Object.keys(COMMAND_ARGS) as CommandId[];
const isCommand = (c: string): c is CommandId => (COMMANDS as string[]).includes(c);

export interface CommandDeps {
  doc(uri: string): TextDocument | undefined;
  /** The current analysis of an open, checked document. */
  analysis(uri: string): Promise<Analysis | undefined>;
  /** Fix-all edits of the current text. */
  fixAllEdits(uri: string): Promise<{ doc: TextDocument; edits: TextEdit[] } | undefined>;
  locale(uri: string): Promise<Locale>;
  ignores: Ignores;
  /** Shows a message; with an action title, resolves true when the user chose it. */
  say(kind: 'error' | 'warning' | 'info', text: string, action?: string): Promise<boolean>;
  showDocument(uri: string): Promise<unknown>;
  canShowDocument(): boolean;
  applyEdit(label: string, edit: WorkspaceEdit): Promise<unknown>;
  /** Whether the client takes versioned documentChanges (it then refuses an edit to a newer version). */
  versionedEdits(): boolean;
  revalidate(): void;
}

export const STALE_FIX: Msg = { zh: 'nianbao:文档已更改,未执行“全部修复”;请重新执行', en: 'nianbao: the document has changed; fix-all was not applied, run it again' };
const STALE_IGNORE: Msg = { zh: 'nianbao:文档已更改,该问题已不存在,未记入忽略文件', en: 'nianbao: the document has changed and the problem is gone; nothing was recorded' };

function refusal(r: Extract<AddResult, { ok: false }>): Msg {
  const { path, detail } = r;
  switch (r.reason) {
    case 'unparseable':
      return {
        zh: `nianbao:无法解析 ${path}(${detail});为免丢失其中的条目,未写入。请修正该文件后重试。`,
        en: `nianbao: cannot parse ${path} (${detail}); nothing was written so that its entries are not lost. Fix the file and try again.`,
      };
    case 'link':
      return {
        zh: `nianbao:${path} 是符号链接或位于符号链接的文件夹中(${detail}),为安全起见不写入;请换成普通文件。`,
        en: `nianbao: ${path} is a symbolic link or inside a linked folder (${detail}); for safety nothing is written through links. Replace it with a regular file.`,
      };
    case 'outside':
      return { zh: `nianbao:${path} 不在工作区文件夹内(${detail}),不写入。`, en: `nianbao: ${path} is outside the workspace folder (${detail}); nothing was written.` };
    case 'not-file':
      return { zh: `nianbao:${path} 不是普通文件(${detail}),不写入。`, en: `nianbao: ${path} is not a regular file (${detail}); nothing was written.` };
    case 'locked':
      return { zh: `nianbao:${path} 正由另一进程写入(${detail}),未写入,请稍后重试。`, en: `nianbao: ${path} is being written by another process (${detail}); nothing was written, try again later.` };
    default:
      return { zh: `nianbao:写入 ${path} 失败:${detail}`, en: `nianbao: writing ${path} failed: ${detail}` };
  }
}

export function commandHandler(d: CommandDeps) {
  async function fixAll(uri: string, version: number | undefined) {
    const doc = d.doc(uri);
    if (!doc) return;
    if (version !== undefined && doc.version !== version) return void d.say('warning', pick(STALE_FIX, await d.locale(uri)));
    const r = await d.fixAllEdits(uri);
    if (!r?.edits.length) return;
    const edit: WorkspaceEdit = d.versionedEdits() ? { documentChanges: [{ textDocument: { uri, version: r.doc.version }, edits: r.edits }] } : { changes: { [uri]: r.edits } };
    await d.applyEdit('nianbao: fix all', edit);
  }

  async function ignore(uri: string, version: number | undefined, rule: string, fingerprint: string | undefined, note: string | undefined) {
    const locale = await d.locale(uri);
    const doc = d.doc(uri);
    if (version !== undefined && doc && doc.version !== version) {
      const a = await d.analysis(uri);
      const still = a?.findings.some((f) => f.rule === rule && (fingerprint === undefined || f.fingerprint === fingerprint));
      if (!still) return void d.say('warning', pick(STALE_IGNORE, locale));
    }
    let r: AddResult | undefined;
    try {
      r = await d.ignores.add(uri, rule, fingerprint, note);
    } catch (e) {
      r = { ok: false, path: '.nianbao-ignore.json', reason: 'io', detail: (e as Error).message };
    }
    d.revalidate();
    if (!r)
      return void d.say(
        'warning',
        pick({ zh: `nianbao:${uri} 不是本机文件,无法记入 .nianbao-ignore.json`, en: `nianbao: ${uri} is not a local file; it cannot be recorded in .nianbao-ignore.json` }, locale),
      );
    if (r.ok) return offerUndo(d, { uri, rule, fingerprint }, locale);
    const message = pick(refusal(r), locale);
    // Offer to open a file that does not parse; not awaited, so the command does not wait for the user.
    const open = r.reason === 'unparseable' && d.canShowDocument() ? pick({ zh: '打开 .nianbao-ignore.json', en: 'Open .nianbao-ignore.json' }, locale) : undefined;
    const path = r.path;
    void d.say('error', message, open).then((chosen) => chosen && d.showDocument(pathToFileURL(path).toString()));
  }

  return async (params: unknown): Promise<void> => {
    commandParams(params);
    const { command } = params;
    if (!isCommand(command)) throw invalid(`unknown command ${command}`);
    switch (command) {
      case CommandIds.openRuleDoc: {
        const [rule] = commandArgs(command, params.arguments);
        return void (await d.showDocument(ruleDocUri(rule)));
      }
      case CommandIds.applyFixAll: {
        const [uri, version] = commandArgs(command, params.arguments);
        return fixAll(uri, version);
      }
      case CommandIds.ignoreFinding: {
        const [uri, version, rule, fingerprint, note] = commandArgs(command, params.arguments);
        return ignore(uri, version, rule, fingerprint, note);
      }
      case CommandIds.ignoreRuleInFile: {
        const [uri, version, rule] = commandArgs(command, params.arguments);
        return ignore(uri, version, rule, undefined, undefined);
      }
      case CommandIds.unignore: {
        const [uri, rule, fingerprint] = commandArgs(command, params.arguments);
        if (await unignore(d, { uri, rule, fingerprint }, await d.locale(uri))) d.revalidate();
      }
    }
  };
}
