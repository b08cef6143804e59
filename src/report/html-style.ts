/** The page's only style: fluid from 360 px up, long names and values wrap, nothing scrolls sideways. */
export const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f23;--bg:#fff;--muted:#57606a;--line:#d0d7de;--code:#f3f4f6;
--pass:#1a7f37;--fail:#cf222e;--inconclusive:#9a6700;--warning:#9a6700;--info:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#8d96a0;--line:#30363d;
--code:#161b22;--pass:#3fb950;--fail:#f85149;--inconclusive:#d29922;--warning:#d29922;--info:#58a6ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:64rem;padding:1rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
@media (min-width:48rem){body{padding:1.5rem 2rem}}
h1{margin:0 0 .5rem;font-size:1.3rem}
h2{margin:1.75rem 0 .6rem;font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{margin:1.25rem 0 .5rem;font-size:1.05rem}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code);padding:0 .2rem;border-radius:3px;overflow-wrap:anywhere}
a{color:var(--info)}
.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem 1rem;margin:0;color:var(--muted)}
.meta dt{font-weight:600}.meta dd{margin:0;min-width:0}
.verdict{margin:1rem 0;padding:.75rem 1rem;border:2px solid;border-radius:8px}
.verdict p{margin:0}
.verdict h2{margin:.75rem 0 .4rem;border:0;padding:0;font-size:1rem}
.verdict-word{font-size:1.75rem;font-weight:800;letter-spacing:.04em}
.vote{font-size:1.15rem;font-weight:600;margin-left:.5rem}
.verdict-pass{border-color:var(--pass)}.verdict-pass .verdict-word{color:var(--pass)}
.verdict-fail{border-color:var(--fail)}.verdict-fail .verdict-word{color:var(--fail)}
.verdict-inconclusive{border-color:var(--inconclusive)}.verdict-inconclusive .verdict-word{color:var(--inconclusive)}
.tally,.why,.legend{color:var(--muted)}
.blocks{margin:0;padding-left:1.5rem}.blocks li{margin:.2rem 0}
.blocks-none{margin-top:.5rem}
.matrix table{border-collapse:collapse;width:100%;table-layout:fixed}
.matrix th,.matrix td{border:1px solid var(--line);padding:.2rem;text-align:center;vertical-align:middle}
.matrix thead th:first-child{width:40%}
.matrix tbody th{text-align:left;font-weight:normal}
.matrix code{font-size:12px;background:none;padding:0}
.matrix abbr{text-decoration:none}
.mark{display:inline-block;min-width:1.1em;font-weight:700;text-decoration:none}
.mark-error{color:var(--fail)}.mark-warning{color:var(--warning)}.mark-info{color:var(--muted)}
.legend{font-size:.8rem;margin:.3rem 0 0}
.changes dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem;margin:0}
.changes dt{font-weight:600}.changes dd{margin:0;min-width:0}
.changes ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem}
.added{color:var(--pass)}.removed{color:var(--fail)}.modified{color:var(--warning)}
.finding{border-left:4px solid var(--line);padding:.25rem 0 .25rem .75rem;margin:.6rem 0}
.finding:target{background:var(--code)}
.severity-error{border-left-color:var(--fail)}.severity-warning{border-left-color:var(--warning)}.severity-info{border-left-color:var(--info)}
.finding-head{margin:0;display:flex;flex-wrap:wrap;gap:.1rem .6rem;align-items:baseline}
.severity{font-weight:700;text-transform:uppercase;font-size:.8rem}
.severity-error .severity{color:var(--fail)}.severity-warning .severity{color:var(--warning)}.severity-info .severity{color:var(--info)}
.clause,.where,.source{color:var(--muted);font-size:.9rem}
.message{margin:.15rem 0;white-space:pre-wrap}
.citations{margin:.2rem 0;padding-left:1.25rem;font-size:.9rem}
.source{font-size:.8rem;text-transform:uppercase}
details{margin:.3rem 0}
summary{cursor:pointer;color:var(--muted)}
.evidence table{width:100%;table-layout:fixed;border-collapse:collapse;font-size:.85rem}
.evidence th,.evidence td{text-align:left;vertical-align:top;padding:.1rem .5rem .1rem 0;font-weight:normal}
.evidence th{color:var(--muted);width:30%}
.evidence td{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.notes>summary{margin:.5rem 0}
.rule-doc{border:1px solid var(--line);border-radius:6px;padding:.4rem .75rem}
.rule-doc>summary{color:var(--fg)}
.doc blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid var(--line);color:var(--muted)}
.doc h4,.doc h5,.doc h6{margin:.75rem 0 .3rem}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
`.trim();
