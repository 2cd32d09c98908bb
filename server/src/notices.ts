/**
 * Diagnostics the server publishes that are not rules. Each has a page (docs/rules/<id>.md) like a
 * rule; scripts/gen-rules.mjs lists them in docs/rules/README.md.
 */
import type { Msg, Severity } from './core';

export interface Notice {
  id: string;
  /** Fixed: notices have no setting. */
  severity: Severity;
  /** One line for the docs index. */
  summary: Msg;
}

export const DOCUMENT_TOO_LARGE: Notice = {
  id: 'document-too-large',
  severity: 'information',
  summary: {
    zh: '文档超过 `nianbao.maxDocumentSize`,编辑器未检查',
    en: 'The document exceeds `nianbao.maxDocumentSize` and was not checked',
  },
};

export const NOTICES: readonly Notice[] = [DOCUMENT_TOO_LARGE];
