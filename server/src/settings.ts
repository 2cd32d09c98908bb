/** The `nianbao.*` settings as the server sees them, with defaults and validation. */
import type { Locale, Severity } from './core';

export interface Settings {
  enable: boolean;
  plaintext: 'auto' | 'always' | 'never';
  /** Client side: what to do with a report in another language mode (the server only mirrors it). */
  autoDetect: 'ask' | 'always' | 'never';
  rules: Record<string, Severity | 'off'>;
  debounceMs: number;
  locale: 'auto' | Locale;
  maxDocumentSize: number;
  reuseThreshold: number;
}

export const DEFAULTS: Settings = {
  enable: true,
  plaintext: 'auto',
  autoDetect: 'ask',
  rules: {},
  debounceMs: 300,
  locale: 'auto',
  maxDocumentSize: 5 * 1024 * 1024,
  reuseThreshold: 0.5,
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Takes whatever the client sent and keeps only well-formed values. */
export function sanitize(raw: unknown): Settings {
  const s = { ...DEFAULTS, rules: {} as Settings['rules'] };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.plaintext === 'auto' || r.plaintext === 'always' || r.plaintext === 'never') s.plaintext = r.plaintext;
  if (r.autoDetect === 'ask' || r.autoDetect === 'always' || r.autoDetect === 'never') s.autoDetect = r.autoDetect;
  if (typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs <= 10_000) s.debounceMs = r.debounceMs;
  if (r.locale === 'zh' || r.locale === 'en' || r.locale === 'auto') s.locale = r.locale;
  if (typeof r.maxDocumentSize === 'number' && r.maxDocumentSize >= 1) s.maxDocumentSize = r.maxDocumentSize;
  if (typeof r.reuseThreshold === 'number' && r.reuseThreshold >= 0 && r.reuseThreshold <= 1) s.reuseThreshold = r.reuseThreshold;
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) s.rules[k] = v as Severity | 'off';
    }
  }
  return s;
}

/**
 * The message language: the setting, else the document's own language (a Chinese report gets
 * Chinese even in an English editor), else the client's locale (English when it starts with "en").
 */
export function resolveLocale(setting: Settings['locale'], clientLocale: string | undefined, text?: string): Locale {
  if (setting !== 'auto') return setting;
  const own = text === undefined ? undefined : textLocale(text);
  if (own) return own;
  return clientLocale && /^en\b/i.test(clientLocale) ? 'en' : 'zh';
}

/** Chinese when Chinese characters (counted twice: a word is one or two of them) match the Latin letters of the text's start; undefined for no letters at all. */
export function textLocale(text: string): Locale | undefined {
  const head = text.slice(0, 4000);
  const han = head.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = head.match(/[A-Za-z]/g)?.length ?? 0;
  if (!han && !latin) return undefined;
  return 2 * han >= latin ? 'zh' : 'en';
}
