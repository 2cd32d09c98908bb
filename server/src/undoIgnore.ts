/**
 * What ignoring did, visibly: after an entry is written to .nianbao-ignore.json the user is told
 * so, with an Undo button that removes the entry again (`nianbao.unignore`, also a command of its
 * own for clients that run it directly). The message does not hold up the command that showed it.
 */
import type { Connection } from 'vscode-languageserver';
import type { Locale } from './core';
import { pick, ruleTitle } from './convert';
import type { Ignores } from './ignores';

export const CMD_UNIGNORE = 'nianbao.unignore';

export interface IgnoredEntry {
  uri: string;
  rule: string;
  /** Absent: the rule for the whole file. */
  fingerprint?: string;
}

/** Removes the entry; says so when it was not there (already removed, file edited by hand). */
export function unignore(connection: Connection, ignores: Ignores, e: IgnoredEntry, locale: Locale): boolean {
  let done = false;
  try {
    done = ignores.remove(e.uri, e.rule, e.fingerprint);
  } catch (err) {
    void connection.window.showErrorMessage(pick({ zh: `nianbao:无法撤销忽略:${(err as Error).message}`, en: `nianbao: could not undo the ignore: ${(err as Error).message}` }, locale));
    return false;
  }
  if (!done) void connection.window.showWarningMessage(pick({ zh: 'nianbao:.nianbao-ignore.json 中已没有这一条,无需撤销', en: 'nianbao: the entry is no longer in .nianbao-ignore.json; nothing to undo' }, locale));
  return done;
}

/** Tells the user what was ignored, with Undo; `revalidate` re-checks after an undo. */
export function offerUndo(connection: Connection, ignores: Ignores, e: IgnoredEntry, locale: Locale, revalidate: () => void): void {
  const title = ruleTitle(e.rule, locale);
  const text = e.fingerprint
    ? pick({ zh: `nianbao:已忽略此“${title}”问题(记入 .nianbao-ignore.json)`, en: `nianbao: ignored this "${title}" problem (recorded in .nianbao-ignore.json)` }, locale)
    : pick({ zh: `nianbao:已在本文件中忽略“${title}”(记入 .nianbao-ignore.json)`, en: `nianbao: ignored "${title}" in this file (recorded in .nianbao-ignore.json)` }, locale);
  const undo = pick({ zh: '撤销', en: 'Undo' }, locale);
  void connection.window.showInformationMessage(text, { title: undo }).then(
    (choice) => {
      if (choice?.title === undo && unignore(connection, ignores, e, locale)) revalidate();
    },
    () => undefined,
  );
}
