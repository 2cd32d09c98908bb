/**
 * Request parameters checked before use: a malformed request is answered with InvalidParams
 * (-32602) rather than failing inside a handler as an internal error (-32603).
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { COMMAND_ARGS, type CommandArguments, type CommandId } from './protocol';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isPos = (p: unknown) => isObj(p) && Number.isInteger(p.line) && Number.isInteger(p.character);
const isRange = (r: unknown) => isObj(r) && isPos(r.start) && isPos(r.end);

export function invalid(what: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `invalid params: ${what}`);
}

function need(ok: boolean, what: string): asserts ok {
  if (!ok) throw invalid(what);
}

/** `{ textDocument: { uri } }` */
export function docParams(p: unknown): asserts p is { textDocument: { uri: string } } {
  need(isObj(p) && isObj(p.textDocument) && typeof p.textDocument.uri === 'string', 'textDocument.uri must be a string');
}

/** `{ textDocument: { uri }, position: { line, character } }` */
export function positionParams(p: unknown): asserts p is { textDocument: { uri: string }; position: { line: number; character: number } } {
  docParams(p);
  need(isPos((p as Obj).position), 'position must have integer line and character');
}

/** `{ textDocument, range, context: { diagnostics: [...], only?: [...] } }` */
export function codeActionParams(p: unknown): void {
  docParams(p);
  const q = p as Obj;
  need(isRange(q.range), 'range must have a start and an end position');
  need(isObj(q.context) && Array.isArray(q.context.diagnostics) && q.context.diagnostics.every(isObj), 'context.diagnostics must be a list of diagnostics');
  const only = (q.context as Obj).only;
  need(only === undefined || (Array.isArray(only) && only.every((k) => typeof k === 'string')), 'context.only must be a list of kinds');
}

/** A code action to resolve: at least a title. */
export function codeActionObject(p: unknown): void {
  need(isObj(p) && typeof p.title === 'string', 'a code action with a title');
}

/** `{ command, arguments? }` */
export function commandParams(p: unknown): asserts p is { command: string; arguments?: unknown[] } {
  need(isObj(p) && typeof p.command === 'string', 'command must be a string');
  need(p.arguments === undefined || Array.isArray(p.arguments), 'arguments must be a list');
}

/** `{ uri }` (the preview request) */
export function uriParams(p: unknown): asserts p is { uri: string } {
  need(isObj(p) && typeof p.uri === 'string', 'uri must be a string');
}

/** A command's arguments checked against COMMAND_ARGS; absent optional ones (or null) become undefined. */
export function commandArgs<C extends CommandId>(command: C, args: unknown[] | undefined): CommandArguments[C] {
  const a = args ?? [];
  const types: readonly string[] = COMMAND_ARGS[command];
  return types.map((t, i) => {
    const optional = t.endsWith('?');
    const v = a[i];
    if (optional && (v === undefined || v === null)) return undefined;
    need(typeof v === t.replace('?', ''), `${command}: argument ${i + 1} must be a ${t.replace('?', '')}`);
    return v;
  }) as CommandArguments[C];
}
