/**
 * What ignoring did, visibly: after an entry is written to .nianbao-ignore.json the user is told
 * so, with an Undo button that removes the entry again through the same safe write
 * (`nianbao.unignore`, also a command of its own for clients that run it directly). The message
 * does not hold up the command that showed it.
 */
import type { Locale } from './core';
import { pick, ruleTitle } from './convert';
import type { CommandDeps } from './commands';

export interface IgnoredEntry {
  uri: string;
  rule: string;
  /** Absent: the rule for the whole file. */
  fingerprint?: string;
}

type Deps = Pick<CommandDeps, 'ignores' | 'say' | 'revalidate'>;

/** Removes the entry; says so when it could not (already gone, file unsafe or unparseable). */
export async function unignore(d: Deps, e: IgnoredEntry, locale: Locale): Promise<boolean> {
  let r;
  try {
    r = await d.ignores.remove(e.uri, e.rule, e.fingerprint);
  } catch (err) {
    r = { ok: false as const, detail: (err as Error).message };
  }
  if (r?.ok && r.removed) return true;
  const text =
    r && !r.ok
      ? pick({ zh: `nianbao:无法撤销忽略:${r.detail}`, en: `nianbao: could not undo the ignore: ${r.detail}` }, locale)
      : pick({ zh: 'nianbao:.nianbao-ignore.json 中已没有这一条,无需撤销', en: 'nianbao: the entry is no longer in .nianbao-ignore.json; nothing to undo' }, locale);
  void d.say(r && !r.ok ? 'error' : 'warning', text);
  return false;
}

/** Tells the user what was ignored, with Undo; an undo re-checks the documents. */
export function offerUndo(d: Deps, e: IgnoredEntry, locale: Locale): void {
  const title = ruleTitle(e.rule, locale);
  const text = e.fingerprint
    ? pick({ zh: `nianbao:已忽略此“${title}”问题(记入 .nianbao-ignore.json)`, en: `nianbao: ignored this "${title}" problem (recorded in .nianbao-ignore.json)` }, locale)
    : pick({ zh: `nianbao:已在本文件中忽略“${title}”(记入 .nianbao-ignore.json)`, en: `nianbao: ignored "${title}" in this file (recorded in .nianbao-ignore.json)` }, locale);
  void d.say('info', text, pick({ zh: '撤销', en: 'Undo' }, locale)).then(async (chosen) => {
    if (chosen && (await unignore(d, e, locale))) d.revalidate();
  });
}
