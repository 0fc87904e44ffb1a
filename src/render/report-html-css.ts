// The report page's style sheet: a screen layout that reflows down to a 390-pixel phone, and
// print rules (black text, the bands' colours kept, no chart cut at a page edge).

/** Level colours: text (on white, 4.5:1 or better) and fills. */
export const LEVEL_TEXT = { low: '#b3261e', medium: '#8a4f00', high: '#1b6b3c' } as const;
export const LEVEL_FILL = { low: '#d9534f', medium: '#e0a030', high: '#2e9e5b' } as const;

const bandTrack = 'linear-gradient(to right, transparent calc(40% - 1px), #9aa3b2 calc(40% - 1px) 40%, transparent 40% calc(70% - 1px), #9aa3b2 calc(70% - 1px) 70%, transparent 70%),'
  + ' linear-gradient(to right, #f7dcda 0 40%, #faebcf 40% 70%, #d8efe1 70% 100%)';

export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1d2330;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-text-size-adjust:100%}
main{max-width:920px;margin:0 auto;padding:28px 20px 48px}
header{border-bottom:3px solid #1f5fa8;margin-bottom:20px;padding-bottom:12px}
h1{font-size:26px;line-height:1.25;margin:0 0 4px}
h2{font-size:19px;margin:28px 0 12px;color:#1f3b63}
h2.in-card{margin:0 0 6px}
h3{font-size:17px;margin:0 0 6px;display:flex;align-items:center;gap:8px}
h4{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#4f5969;margin:18px 0 6px}
p{margin:0 0 6px}
.meta,.facts{color:#3f4859;margin:0}
.overall{margin:10px 0 0;font-size:16px}
.note{margin:12px 0 0;padding:8px 12px;background:#eef3fa;border-left:3px solid #1f5fa8}
.empty{font-size:16px}
.card{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:18px 20px;margin:0 0 16px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.summary{display:flex;gap:8px;flex-wrap:wrap;margin:10px 0 0}
.pill{border:1px solid #dde1e8;border-radius:999px;padding:2px 12px;background:#fff}
.lvl{display:inline-block;font-size:12px;font-weight:600;line-height:1.5;border-radius:4px;padding:0 6px;border:1px solid currentColor;vertical-align:1px;white-space:nowrap}
.lvl-low{color:${LEVEL_TEXT.low}}.lvl-medium{color:${LEVEL_TEXT.medium}}.lvl-high{color:${LEVEL_TEXT.high}}
.muted{color:#5b6475}
.scroll{overflow-x:auto}
/* Score by competency: one grid, so every track has the same width and scale. */
.bars{display:grid;grid-template-columns:minmax(110px,190px) minmax(0,1fr) max-content;column-gap:12px;align-items:center;margin-top:8px}
.bar-name{font-weight:600;font-size:14px;line-height:1.3;padding-top:8px}
.bar-track{position:relative;height:20px;margin-top:8px;border-radius:3px;background:${bandTrack};-webkit-print-color-adjust:exact;print-color-adjust:exact}
.bar-fill{position:absolute;left:0;top:3px;bottom:3px;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fill-low{background:${LEVEL_FILL.low};fill:${LEVEL_FILL.low}}.fill-medium{background:${LEVEL_FILL.medium};fill:${LEVEL_FILL.medium}}.fill-high{background:${LEVEL_FILL.high};fill:${LEVEL_FILL.high}}
.bar-value{font-size:14px;padding-top:8px;white-space:nowrap}
.bar-typical{grid-column:2/-1;font-size:13px;color:#3f4859}
.bar-scale{position:relative;height:16px;font-size:11px;color:#5b6475}
.bar-scale span{position:absolute;transform:translateX(-50%)}
.bar-scale span:first-child{transform:none}.bar-scale span:last-child{transform:translateX(-100%)}
.bar-axis-gap{padding:0}
/* STAR coverage table */
table{border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:5px 10px 5px 0;border-bottom:1px solid #e6e9ef;vertical-align:top}
.n{text-align:right}
.star-table{width:100%}
.star-table th[scope=row]{font-weight:600;padding-right:12px}
.star-table td.cover{text-align:center;padding:6px 4px;border:2px solid #fff;color:#1d2330;min-width:52px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.star-table td.on{color:#fff;font-weight:600}
.star-table thead th{text-align:center;font-size:13px;color:#3f4859}
.star-table thead th:first-child{text-align:left}
/* Charts: the wide drawing on a screen or paper, the narrow one on a phone. */
svg{max-width:100%;height:auto;display:block;margin:6px 0}
svg text{font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1d2330}
svg .axis{fill:#4f5969;font-size:12px}
svg .grid{stroke:#b9c0cc;stroke-width:1;stroke-dasharray:3 3}
.band-low{fill:${LEVEL_FILL.low};fill-opacity:.10}.band-medium{fill:${LEVEL_FILL.medium};fill-opacity:.12}.band-high{fill:${LEVEL_FILL.high};fill-opacity:.10}
.chart-wide{width:100%}.chart-narrow{display:none}
.spark{display:inline-block;vertical-align:middle;margin:0 8px 0 0}
.trend{font-size:13px;white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:6px 0 0;font-size:13px}
.sessions{margin:0;padding-left:24px;font-size:14px}
.swatch{display:inline-block;flex:none;width:12px;height:12px;border-radius:3px;margin-right:5px;vertical-align:-1px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h3 .swatch{margin-right:0}
figure{margin:0 0 12px}
figcaption{font-weight:600}
.q{color:#1f5fa8}.who{color:#1f3b63}.score{font-weight:400;color:#3f4859;white-space:nowrap}
blockquote{margin:6px 0 0;padding:8px 12px;border-left:3px solid #1f5fa8;background:#f6f8fb;white-space:pre-wrap;overflow-wrap:anywhere}
blockquote.quote{border-left-color:#9aa3b2;font-style:italic;font-size:14px}
.star{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:4px 24px}
.star li{display:grid;grid-template-columns:76px 1fr 44px;align-items:center;gap:8px;font-size:14px}
.meter{height:8px;background:#e6e9ef;border-radius:4px;overflow:hidden}.meter span{display:block;height:100%;background:#1f5fa8;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.steps{margin:0;padding-left:22px}.steps li,.adviser li{margin:0 0 12px}.steps p,.adviser p{margin:0}
.adviser{list-style:none;padding:0;margin:0}
.src{font-size:13px;color:#3f4859}
table.rows{width:100%}
footer{color:#5b6475;font-size:12px;margin-top:24px}
@media (max-width:640px){
  main{padding:16px 10px 32px}
  h1{font-size:21px}
  .card{padding:14px 12px;border-radius:6px}
  /* One column: the name, the bar across the width, then the mean and the levels on a line. */
  .bars{display:block}
  .bar-name{padding-top:12px}
  .bar-scale{margin-top:2px}
  .bar-track{margin-top:3px}
  .bar-value,.bar-typical{display:inline;padding:0;font-size:13px}
  .bar-value::after{content:" · "}
  .bars .bar-axis-gap{display:none}
  .star{grid-template-columns:minmax(0,1fr)}
  .star-table{font-size:12px}
  .star-table thead th{font-size:11.5px;padding:4px 2px}
  .star-table td.cover{min-width:0;padding:6px 1px}
  .chart-wide{display:none}.chart-narrow{display:block;width:100%;max-width:460px}
  /* Tables of rows become one block per row: its first cell, then the others on a line, labelled. */
  table.rows thead{display:none}
  table.rows,table.rows tbody,table.rows tr{display:block;width:100%}
  table.rows tr{border-bottom:1px solid #dde1e8;padding:8px 0}
  table.rows th,table.rows td{display:inline-block;border:0;padding:1px 14px 1px 0;text-align:left}
  table.rows tr>:first-child{display:block}
  table.rows td[data-label]:not([data-label=""])::before{content:attr(data-label) ": ";color:#5b6475;font-size:13px}
}
@media print{
  @page{margin:14mm}
  body{background:#fff;color:#000;font-size:10.5pt}
  main{max-width:none;padding:0}
  .card{box-shadow:none;border:1px solid #999;border-radius:0;padding:10px 12px}
  .card:not(.comp){break-inside:avoid;page-break-inside:avoid}
  figure,li,tr,.bars,.star,.star-table,svg,.facts{break-inside:avoid;page-break-inside:avoid}
  h2,h3,h4,.facts{break-after:avoid;page-break-after:avoid}
  h2,h3,h4{color:#000}
  .meta,.facts,.muted,.src,h4,.score,.q,.who,.bar-typical,.bar-scale,.star-table thead th{color:#000}
  blockquote,.pill,.note{background:#fff;color:#000}
  svg text,svg .axis{fill:#000}
  .chart-narrow{display:none!important}.chart-wide{display:block!important}
}
`;
