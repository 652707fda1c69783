// report.html as one self-contained page: the data as inert JSON, the client script and the stylesheet
// inlined, and a Content-Security-Policy that allows exactly those two (by SHA-256) and nothing else: no
// other script, no request to any host, no form, no base URL. The posts are written by the adversary, so
// the JSON is escaped to stay inert inside the page whatever a post holds (`</script>`, `<!--`, U+2028).
import { createHash } from 'node:crypto';
import { REPORT_CSS } from './_style.css.js';
import type { ReportData } from './report-data.js';

/** JSON that cannot end or alter the `<script type="application/json">` element holding it. */
export function escapeJsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => {
    const code = ch.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${code}`;
  });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy for a page whose only script and style are `script` and `style`. */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    `default-src 'none'`,
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    'img-src data:',
    `connect-src 'none'`,
    `font-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

export function renderReportHtml(data: ReportData, client: string): string {
  // The bundle is code, not data: a `</script` or `<!--` in it would end or confuse the element.
  if (/<\/script|<!--/i.test(client)) throw new Error('the report client bundle contains </script or <!--');
  const title = `lockstep report: ${data.networks.length} network${data.networks.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(client, REPORT_CSS)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lockstep ${escapeAttribute(data.tool.version)}">
<title>${title}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<noscript><p class="noscript">This report is drawn by its inlined script; with scripts off, read networks.json
in the same folder.</p></noscript>
<main id="report"></main>
<script type="application/json" id="lockstep-data">${escapeJsonForHtml(data)}</script>
<script>${client}</script>
</body>
</html>
`;
}

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
