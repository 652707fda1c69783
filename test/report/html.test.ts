// report.html as text, without a browser: the inlined JSON cannot end its element or open a comment whatever
// the posts hold, it parses back to the same data, and the policy's hashes are those of the inlined script
// and stylesheet (so the browser runs them and nothing else).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { escapeJsonForHtml, type ReportData, renderReportHtml } from '../../src/report/index.js';

const HOSTILE =
  '</script><script>alert(1)</script><!-- <img src=x onerror=alert(1)> & \u2028\u2029 javascript:alert(1)';

describe('report.html page', () => {
  it('escapes < > & U+2028 U+2029 in the inlined JSON, and it parses back to the same value', () => {
    const value = { text: HOSTILE, nested: [HOSTILE] };
    const json = escapeJsonForHtml(value);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), value);
  });

  it('inlines one data block and one script whose SHA-256 the policy names', () => {
    const client = 'document.body.dataset.ok="1";';
    const data = {
      tool: { name: 'lockstep', version: '0.1.0' },
      networks: [{ accounts: [{ handle: HOSTILE }] }],
    } as unknown as ReportData;
    const html = renderReportHtml(data, client);
    const b64 = (s: string) => createHash('sha256').update(s).digest('base64');
    const csp = /content="(default-src 'none';[^"]+)"/.exec(html)?.[1] ?? '';
    assert.ok(csp.includes(`script-src 'sha256-${b64(client)}'`), csp);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    assert.ok(csp.includes(`style-src 'sha256-${b64(style)}'`), csp);
    assert.match(csp, /connect-src 'none'/);
    assert.equal(html.match(/<\/script>/g)?.length, 2);
    assert.doesNotMatch(html, /<!--/);
    assert.ok(!html.includes('<img'));
  });

  it('refuses a client bundle that would end its own element', () => {
    assert.throws(() =>
      renderReportHtml({ tool: { version: '1' }, networks: [] } as unknown as ReportData, 'x="</script>"'),
    );
  });
});
