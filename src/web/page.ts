// The HTML shell every page shares: no data and nothing from the request in it (the client reads the page's
// JSON twin from /api/... and builds the page with DOM calls), the UI script and stylesheet served from the
// same origin under /static/, and the headers that keep it that way: a Content-Security-Policy allowing only
// same-origin scripts, styles and fetches, no framing, no referrer, no MIME sniffing.
import { REPORT_CSS, revealInvisibles } from '../report/html/index.js';

export const UI_CSS = `${REPORT_CSS}
header.top { border-bottom: 1px solid var(--line); background: var(--soft); }
header.top nav { max-width: 1180px; margin: 0 auto; padding: 8px 28px; display: flex; gap: 16px; align-items: baseline; }
header.top .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
a { color: #1a5fb4; }
input[type="search"] { font: inherit; padding: 3px 8px; border: 1px solid var(--line); border-radius: 4px; min-width: 260px; }
th.sortable { cursor: pointer; user-select: none; }
th.sortable[aria-sort="ascending"]::after { content: " ▲"; }
th.sortable[aria-sort="descending"]::after { content: " ▼"; }
.pager { display: flex; gap: 12px; align-items: center; margin: 8px 0; }
.error { color: #a61b1b; }
`;

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    `default-src 'none'`,
    `script-src 'self'`,
    `style-src 'self'`,
    `img-src 'self' data:`,
    `connect-src 'self'`,
    `font-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The shell: the client picks the view from the location and fetches its JSON twin. */
export function renderShell(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lockstep</title>
<link rel="stylesheet" href="/static/ui.css">
<script src="/static/ui.js" defer></script>
</head>
<body>
<header class="top"><nav><a class="brand" href="/">lockstep</a><span class="muted">local explorer</span></nav></header>
<noscript><p class="noscript">This explorer is drawn by its script; the same data is under /api/.</p></noscript>
<main id="app"></main>
</body>
</html>
`;
}

/** A plain error page; `message` is one of the server's own, never request text. */
export function renderErrorPage(status: number, message: string): string {
  const safe = revealInvisibles(message).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lockstep: ${status}</title>
<link rel="stylesheet" href="/static/ui.css"></head>
<body><main><h1>${status}</h1><p>${safe}</p><p><a href="/">All networks</a></p></main></body></html>
`;
}
