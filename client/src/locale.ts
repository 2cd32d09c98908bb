/**
 * The language of the client's own texts (notifications, status bar, preview title): the one the
 * server speaks for the document (the report's language unless nianbao.locale says otherwise),
 * learned from its answers; before any answer, the setting, else VS Code's display language.
 */
import * as vscode from 'vscode';

export type Locale = 'zh' | 'en';

const byUri = new Map<string, Locale>();

export function setLocale(uri: string, locale: Locale | undefined): void {
  if (locale === 'zh' || locale === 'en') byUri.set(uri, locale);
}

export function forgetLocale(uri: string): void {
  byUri.delete(uri);
}

export function localeOf(uri?: vscode.Uri | string): Locale {
  const key = uri === undefined ? undefined : uri.toString();
  const known = key === undefined ? undefined : byUri.get(key);
  if (known) return known;
  const setting = vscode.workspace.getConfiguration('nianbao', typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).get<string>('locale');
  if (setting === 'zh' || setting === 'en') return setting;
  return vscode.env.language.startsWith('en') ? 'en' : 'zh';
}

/** Picks the text for a locale. */
export const say = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);
