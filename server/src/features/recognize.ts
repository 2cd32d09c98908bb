/**
 * The `nianbao/recognize` request: is this text an annual report? For documents the server is not
 * given (an Untitled tab VS Code guessed as Ini, a Markdown draft), so that the client can offer to
 * check them. The answer is the core's own recognition, so it agrees with what checking would do.
 */
import { parseReport } from '../core';
import type { RecognizeParams, RecognizeResult } from '../protocol';
import { resolveLocale, type Settings } from '../settings';

export function recognize(p: unknown, settings: Settings, clientLocale: string | undefined): RecognizeResult {
  const text = p && typeof p === 'object' && typeof (p as RecognizeParams).text === 'string' ? (p as RecognizeParams).text : '';
  const locale = resolveLocale(settings.locale, clientLocale, text);
  if (Buffer.byteLength(text, 'utf8') > settings.maxDocumentSize) return { isReport: false, locale, tooLarge: true };
  // Cheap necessary condition first (the core requires it too), then the core's recognition.
  if (!/信息公开/.test(text)) return { isReport: false, locale };
  try {
    return { isReport: parseReport(text).model.isReport, locale };
  } catch {
    return { isReport: false, locale };
  }
}
