/** Horizontal stacked bar charts as inline SVG (no scripts, no fonts to fetch; prints as it shows). */
import type { Severity } from '../../core';

export interface Bar {
  label: string;
  /** Count per severity, stacked in this order. */
  parts: Partial<Record<Severity, number>>;
  title?: string;
}

const ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Shortens a label to `max` characters, keeping its end (file names differ at the end). */
function shorten(s: string, max: number): string {
  return s.length <= max ? s : `…${s.slice(s.length - max + 1)}`;
}

export function barChart(bars: readonly Bar[], caption: string): string {
  const rowH = 22;
  const labelW = 260;
  const barW = 420;
  const max = Math.max(1, ...bars.map((b) => ORDER.reduce((n, s) => n + (b.parts[s] ?? 0), 0)));
  const h = bars.length * rowH + 8;
  const rows = bars.map((b, i) => {
    const y = i * rowH + 4;
    let x = labelW;
    const rects = ORDER.flatMap((s) => {
      const n = b.parts[s] ?? 0;
      if (!n) return [];
      const w = Math.max(1, (n / max) * barW);
      const r = `<rect class="sev-${s}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 6}"><title>${esc(`${b.label}: ${n} ${s}`)}</title></rect>`;
      x += w;
      return [r];
    });
    const total = ORDER.reduce((n, s) => n + (b.parts[s] ?? 0), 0);
    return (
      `<g><text x="${labelW - 6}" y="${y + rowH - 10}" text-anchor="end">${esc(shorten(b.label, 34))}<title>${esc(b.title ?? b.label)}</title></text>` +
      rects.join('') +
      `<text x="${(x + 4).toFixed(1)}" y="${y + rowH - 10}">${total}</text></g>`
    );
  });
  return `<svg class="chart" role="img" aria-label="${esc(caption)}" viewBox="0 0 ${labelW + barW + 60} ${h}" width="${labelW + barW + 60}" height="${h}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}
