/**
 * What the nianbao client and server say to each other beyond plain LSP: the custom requests and
 * the notification with their parameter and result types, the commands the server executes
 * (workspace/executeCommand) with their arguments, and the URI scheme of published files. The
 * VS Code client imports this file too (client/tsconfig.json references the server project), so it
 * holds declarations only and imports nothing from the server at run time.
 */
import { NotificationType, RequestType, type Command } from 'vscode-languageserver-protocol';
import type { Locale } from './core';

/** Read-only text views of published files (PDF, Word, HTML): `nianbao-published:<path>?<source scheme>`. */
export const PUBLISHED_SCHEME = 'nianbao-published';

/** The code action kind of "fix all" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.nianbao';

export interface RecognizeParams {
  /** The document's text. */
  text: string;
  /** Its URI, for resource-scoped settings. */
  uri?: string;
}

export interface RecognizeResult {
  isReport: boolean;
  /** The language messages about this document should use. */
  locale: Locale;
  /** Over nianbao.maxDocumentSize: not looked at. */
  tooLarge?: boolean;
}

/** Is this text an annual report? For documents the server is not given (another language mode). */
export const RecognizeRequest = new RequestType<RecognizeParams, RecognizeResult, void>('nianbao/recognize');

export interface PreviewParams {
  uri: string;
}

export interface PreviewResult {
  uri: string;
  version: number;
  html: string;
  /** The language of the html, for the panel's title and texts. */
  locale: Locale;
}

/** The three tables of an open report as HTML; null when the document is not checked. */
export const PreviewRequest = new RequestType<PreviewParams, PreviewResult | null, void>('nianbao/preview');

export interface ExtractParams {
  /** The published file, a file: URI. */
  uri: string;
}

export type ExtractResult = { text: string; format: string; warnings: string[] } | { error: string };

/** The text view of a published file, or why it cannot be read. */
export const ExtractRequest = new RequestType<ExtractParams, ExtractResult, void>('nianbao/extract');

/** Why a document was or was not checked. */
export type DocStatus = 'report' | 'not-report' | 'disabled' | 'too-large';

export interface StatusParams {
  uri: string;
  state: DocStatus;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings left out because .nianbao-ignore.json lists them. */
  suppressed: number;
  /** The message language the server uses (client locale or the nianbao.locale setting). */
  locale: Locale;
}

/** Sent after each validation: what the status bar shows for the document. */
export const StatusNotification = new NotificationType<StatusParams>('nianbao/status');

/** The commands the server executes. */
export const CommandIds = {
  /** Fix everything auto-fixable in a document. */
  applyFixAll: 'nianbao.applyFixAll',
  /** Show a rule's documentation (VS Code's client opens it itself). */
  openRuleDoc: 'nianbao.openRuleDoc',
  /** Record one finding in .nianbao-ignore.json. */
  ignoreFinding: 'nianbao.ignoreFinding',
  /** Record a rule for the whole file in .nianbao-ignore.json. */
  ignoreRuleInFile: 'nianbao.ignoreRuleInFile',
  /** Remove an entry from .nianbao-ignore.json again (the Undo of the ignore commands). */
  unignore: 'nianbao.unignore',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** A command argument's type; '?': may be absent or null. */
type ArgType = 'string' | 'number' | 'string?' | 'number?';

/**
 * Each command's positional arguments, checked by the server before it runs the command. The
 * version is the document version the command was offered for: a stale fix-all or ignore is refused.
 */
export const COMMAND_ARGS = {
  /** uri, version */
  [CommandIds.applyFixAll]: ['string', 'number?'],
  /** rule */
  [CommandIds.openRuleDoc]: ['string'],
  /** uri, version, rule, fingerprint, note */
  [CommandIds.ignoreFinding]: ['string', 'number?', 'string', 'string', 'string?'],
  /** uri, version, rule */
  [CommandIds.ignoreRuleInFile]: ['string', 'number?', 'string'],
  /** uri, rule, fingerprint (absent: the rule for the whole file) */
  [CommandIds.unignore]: ['string', 'string', 'string?'],
} as const satisfies Record<CommandId, readonly ArgType[]>;

type ArgOf<T> = T extends 'string' ? string : T extends 'number' ? number : T extends 'string?' ? string | undefined : T extends 'number?' ? number | undefined : never;

type ArgsOf<S extends readonly ArgType[]> = { -readonly [K in keyof S]: ArgOf<S[K]> };

/** The argument tuple of each command, as COMMAND_ARGS declares it. */
export type CommandArguments = { [C in CommandId]: ArgsOf<(typeof COMMAND_ARGS)[C]> };

/** An LSP command object with arguments of the right types. */
export function commandOf<C extends CommandId>(title: string, command: C, ...args: CommandArguments[C]): Command {
  return { title, command, arguments: args };
}
