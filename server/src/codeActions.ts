/**
 * Code actions: the fixes of each diagnostic (preferred one first), "fix all of this rule",
 * "show documentation", and `source.fixAll.nianbao` (fix, re-analyse, repeat).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { fixAll, isAutoFix, type AnalyzeOptions, type Analysis, type Finding, type Locale } from './core';
import { pick, ruleTitle, toTextEdit, type DiagnosticData } from './convert';
import { CommandIds, commandOf, FIX_ALL_KIND } from './protocol';

export interface ActionContext {
  doc: TextDocument;
  analysis: Analysis;
  options: AnalyzeOptions;
  locale: Locale;
  /** Whether ignore entries can be written for this document (a file on disk). */
  canIgnore: boolean;
  /** Whether the client resolves edits lazily (codeAction/resolve): fix-all edits are then computed only when chosen. */
  lazy: boolean;
}

/** What a lazily resolved fix-all action carries until it is chosen (the version: see resolveFixAll). */
export interface FixAllData {
  fixAll: { uri: string; version: number; rule?: string };
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** The finding a client diagnostic stands for (matched by rule and fingerprint, not by range). */
function findingFor(analysis: Analysis, d: Diagnostic): Finding | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (!data || typeof data.rule !== 'string') return undefined;
  return analysis.findings.find((f) => f.rule === data.rule && f.fingerprint === data.fingerprint);
}

/** Edits that fix-all (optionally of one rule) makes to the document: one per fixed number, on the document as it is. */
export function fixAllEdits(ctx: ActionContext, rule?: string) {
  return fixAll(ctx.doc.getText(), ctx.options, rule).edits.map((e) => toTextEdit(ctx.doc, e));
}

export function codeActions(ctx: ActionContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const uri = ctx.doc.uri;
  const actions: CodeAction[] = [];
  const L = (m: { zh: string; en: string }) => pick(m, ctx.locale);

  if (wants(only, CodeActionKind.QuickFix)) {
    const rulesDone = new Set<string>();
    for (const d of params.context.diagnostics) {
      const f = findingFor(ctx.analysis, d);
      if (!f) continue;
      const title = { zh: ruleTitle(f.rule, 'zh'), en: ruleTitle(f.rule, 'en') };
      const fixes = [...f.fixes].sort((a, b) => Number(b.isPreferred) - Number(a.isPreferred));
      for (const fix of fixes) {
        actions.push({
          title: L(fix.title),
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.isPreferred,
          diagnostics: [d],
          edit: { changes: { [uri]: fix.edits.map((e) => toTextEdit(ctx.doc, e)) } },
        });
      }
      const sameRule = ctx.analysis.findings.filter((x) => x.rule === f.rule && x.fixes.some(isAutoFix));
      if (!rulesDone.has(f.rule) && sameRule.length > 1) {
        rulesDone.add(f.rule);
        const action = fixAllAction(ctx, L({ zh: `修复本文件中所有 ${title.zh} 问题`, en: `Fix all “${title.en}” problems in this file` }), CodeActionKind.QuickFix, f.rule);
        if (action) actions.push({ ...action, diagnostics: params.context.diagnostics.filter((x) => (x.data as DiagnosticData | undefined)?.rule === f.rule) });
      }
      if (ctx.canIgnore) {
        const note = ctx.doc.getText().slice(f.span.start, f.span.end);
        actions.push(
          {
            title: L({ zh: '忽略此问题(记入 .nianbao-ignore.json)', en: 'Ignore this problem (recorded in .nianbao-ignore.json)' }),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            // The version lets a stale command be recognised (see commands.ts).
            command: commandOf('Ignore', CommandIds.ignoreFinding, uri, ctx.doc.version, f.rule, f.fingerprint, `${pick(f.message, 'zh')} [${note}]`),
          },
          {
            title: L({ zh: `在本文件中忽略 ${title.zh}`, en: `Ignore “${title.en}” in this file` }),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            command: commandOf('Ignore rule in file', CommandIds.ignoreRuleInFile, uri, ctx.doc.version, f.rule),
          },
        );
      }
      actions.push({
        title: L({ zh: `查看规则说明:${title.zh}`, en: `Show documentation for “${title.en}”` }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: commandOf('Show documentation', CommandIds.openRuleDoc, f.rule),
      });
    }
  }

  const fixable = ctx.analysis.findings.some((f) => f.fixes.some(isAutoFix));
  if (wants(only, FIX_ALL_KIND) && fixable) {
    const action = fixAllAction(ctx, L({ zh: '修复所有可自动修复的问题(nianbao)', en: 'Fix all auto-fixable problems (nianbao)' }), FIX_ALL_KIND);
    if (action) actions.push(action);
  }
  return actions;
}

/** A fix-all action: its edit now, or (lazy clients) data to compute it with on resolve. */
function fixAllAction(ctx: ActionContext, title: string, kind: string, rule?: string): CodeAction | undefined {
  if (ctx.lazy) {
    const data: FixAllData = { fixAll: { uri: ctx.doc.uri, version: ctx.doc.version, ...(rule ? { rule } : {}) } };
    return { title, kind, data };
  }
  const edits = fixAllEdits(ctx, rule);
  return edits.length ? { title, kind, edit: { changes: { [ctx.doc.uri]: edits } } } : undefined;
}

/**
 * Fills in the edit of a lazily returned fix-all action; undefined when the document has changed
 * since the action was offered (the user chose a fix for a text that is no longer there).
 */
export function resolveFixAll(ctx: ActionContext, action: CodeAction): CodeAction | undefined {
  const data = (action.data as FixAllData | undefined)?.fixAll;
  if (!data) return action;
  if (typeof data.version === 'number' && data.version !== ctx.doc.version) return undefined;
  return { ...action, edit: { changes: { [ctx.doc.uri]: fixAllEdits(ctx, data.rule) } } };
}
