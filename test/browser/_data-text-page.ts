/// <reference lib="dom" />
// The entry bundled for data-tokens.test.ts: the clients' own dataText, on the page's window.
import { dataText } from '../../src/report/html/client/_dom.js';

(globalThis as unknown as { dataText: typeof dataText }).dataText = dataText;
