/** Per-document analysis state, cached by version, text and settings, so every request reuses one analysis. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalyzeOptions, type Analysis, type Finding } from './core';
import type { Settings } from './settings';
import type { ReportIndex } from './reportIndex';
import type { Ignores } from './ignores';
import { DOCUMENT_TOO_LARGE } from './notices';
import type { DocStatus } from './protocol';

export interface DocState {
  /** Whether the document was analysed at all (enabled, right language, recognised, small enough). */
  checked: boolean;
  /** Why it was or was not checked, for the status bar. */
  status: DocStatus;
  analysis: Analysis;
  options: AnalyzeOptions;
  /** What is published: the analysis' findings, or the one "too large" notice. */
  findings: Finding[];
  errors: string[];
}

const EMPTY: Analysis = { isReport: false, model: { norm: '', reports: [], duplicates: [], isReport: false }, lines: [], findings: [], notes: [], errors: [], suppressed: 0 };

export class Workspace {
  private cache = new Map<string, { version: number; text: string; settings: Settings; generation: string; state: DocState }>();

  constructor(
    private index: ReportIndex,
    private ignores: Ignores,
  ) {}

  /** Changes whenever the other reports or the ignore files change. */
  generation(): string {
    return `${this.index.generation}/${this.ignores.generation}`;
  }

  /**
   * The analysis of a document, cached by version and text (a client may repeat a version number,
   * or open a document again without closing it), settings and the generations of the report
   * index and the ignore files. The document is then recorded in the index; `othersChanged` says
   * whether that changed what other documents' cross-year checks see.
   */
  state(doc: TextDocument, settings: Settings): DocState & { othersChanged: boolean } {
    const text = doc.getText();
    const fresh = this.cached(doc, text, settings);
    if (fresh) return { ...fresh, othersChanged: false };
    // Let the previous analysis go first: a large document's two models need not fit in the heap together.
    this.cache.delete(doc.uri);
    const state = this.compute(doc, settings);
    const othersChanged = state.checked && this.index.setOpen(doc.uri, state.analysis.model);
    // The document's own change does not invalidate its own analysis.
    this.cache.set(doc.uri, { version: doc.version, text, settings, generation: this.generation(), state });
    return { ...state, othersChanged };
  }

  private cached(doc: TextDocument, text: string, settings: Settings): DocState | undefined {
    const hit = this.cache.get(doc.uri);
    return hit && hit.version === doc.version && hit.text === text && hit.settings === settings && hit.generation === this.generation() ? hit.state : undefined;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.index.closeDocument(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private compute(doc: TextDocument, settings: Settings): DocState {
    const options: AnalyzeOptions = { severity: settings.rules, others: this.index.others(doc.uri), ignore: this.ignores.forDoc(doc.uri), reuseThreshold: settings.reuseThreshold };
    const none: DocState = { checked: false, status: 'disabled', analysis: EMPTY, options, findings: [], errors: [] };
    if (!settings.enable) return none;
    const lang = doc.languageId;
    // Plain text: VS Code says "plaintext", other editors often "text".
    const plain = lang === 'plaintext' || lang === 'text';
    if (lang !== 'gov-report' && !(plain && settings.plaintext !== 'never')) return none;
    const text = doc.getText();
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > settings.maxDocumentSize) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      const notice: Finding = {
        rule: DOCUMENT_TOO_LARGE.id,
        severity: DOCUMENT_TOO_LARGE.severity,
        message: {
          zh: `文档过大(${mb(bytes)} MB,上限 ${mb(settings.maxDocumentSize)} MB),未做检查;可在设置 nianbao.maxDocumentSize 中调整上限`,
          en: `Document too large (${mb(bytes)} MB, limit ${mb(settings.maxDocumentSize)} MB), not checked; see the setting nianbao.maxDocumentSize`,
        },
        span: { start: 0, end: 0 },
        related: [],
        fixes: [],
        fingerprint: 'too-large',
      };
      return { ...none, status: 'too-large', findings: [notice] };
    }
    const force = plain && settings.plaintext === 'always';
    if (force) options.assumeReport = true;
    const analysis = analyze(text, options);
    if (!analysis.isReport && !force) return { ...none, status: 'not-report', errors: analysis.errors };
    return { checked: true, status: analysis.isReport ? 'report' : 'not-report', analysis, options, findings: analysis.findings, errors: analysis.errors };
  }
}
