/** The HTML summary's style sheet and script, inlined into the page (no network). */

export const STYLE = `
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--hint:#607d8b;--ok:#2e7d32;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:1400px;padding:16px 24px;color:#1f2328}
h1{font-size:22px;margin:0}h2{font-size:17px;margin:24px 0 8px}
.sub{color:#57606a;font-size:12px}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:96px;background:var(--bg)}
.card b{display:block;font-size:20px}
.charts{display:flex;flex-wrap:wrap;gap:24px}.charts>div{flex:1 1 560px;min-width:0}
svg.chart{max-width:100%;height:auto;font-size:12px}svg.chart text{fill:#1f2328}
rect.sev-error{fill:var(--err)}rect.sev-warning{fill:var(--warn)}rect.sev-information{fill:var(--info)}rect.sev-hint{fill:var(--hint)}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;white-space:nowrap}
.badge.sev-error,.badge.st-errors,.badge.st-unreadable{background:var(--err)}
.badge.sev-warning,.badge.st-warnings{background:var(--warn)}
.badge.sev-information{background:var(--info)}.badge.sev-hint,.badge.st-not-report{background:var(--hint)}
.badge.st-ok{background:var(--ok)}
.card.st-errors b,.card.sev-error b{color:var(--err)}.card.st-warnings b,.card.sev-warning b{color:var(--warn)}.card.st-ok b{color:var(--ok)}
.err{color:var(--err);font-size:12px}
ul.related{margin:4px 0 0;padding-left:18px;color:#57606a;font-size:12px}
.where{color:#8c959f}
pre.excerpt{margin:0;white-space:pre-wrap;word-break:break-all;font:12px/1.4 ui-monospace,"Cascadia Mono",Consolas,monospace;max-width:420px}
.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.controls input{flex:1 1 280px;padding:4px 8px}
a.file{color:inherit}
tr.hidden{display:none}
@media print{
  body{max-width:none;padding:0;font-size:11px}
  .controls,#count{display:none}
  th{cursor:auto}th::after{content:""!important}
  tr{break-inside:avoid}
  .charts>div{break-inside:avoid}
  .badge{color:#000;background:none!important;border:1px solid #000}
  rect.sev-error{fill:#333}rect.sev-warning{fill:#777}rect.sev-information{fill:#aaa}rect.sev-hint{fill:#ccc}
  a{text-decoration:none}
  @page{margin:12mm}
}`;

export const SCRIPT = `
(function () {
  'use strict';
  var each = function (xs, f) { Array.prototype.forEach.call(xs, f); };
  function value(td, num) {
    var v = td.getAttribute('data-v');
    if (v === null) v = td.textContent.trim();
    if (!num) return v;
    var x = parseFloat(v);
    return isNaN(x) ? -Infinity : x;
  }
  each(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, i) {
      th.tabIndex = 0;
      th.setAttribute('aria-sort', 'none');
      function sort() {
        var num = th.getAttribute('data-type') === 'num';
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        each(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a.cells[i], num), y = value(b.cells[i], num);
          var c = num ? (x === y ? 0 : x < y ? -1 : 1) : x.localeCompare(y, 'zh');
          return asc ? c : -c;
        });
        var frag = document.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(r); });
        body.appendChild(frag);
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  });
  var table = document.getElementById('finding-table');
  var filter = document.getElementById('filter');
  var sev = document.getElementById('sev');
  var rule = document.getElementById('rule');
  var count = document.getElementById('count');
  if (!table || !filter || !sev || !rule || !count) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var q = filter.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok = (!q || texts[i].indexOf(q) >= 0) && (!sev.value || r.getAttribute('data-sev') === sev.value) && (!rule.value || r.getAttribute('data-rule') === rule.value);
      r.classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    count.textContent = count.getAttribute('data-label') + ' ' + shown + ' / ' + rows.length;
  }
  filter.addEventListener('input', apply);
  sev.addEventListener('change', apply);
  rule.addEventListener('change', apply);
  each(document.querySelectorAll('a.file'), function (a) {
    a.addEventListener('click', function () { filter.value = a.getAttribute('data-file'); apply(); });
  });
  apply();
})();`;
