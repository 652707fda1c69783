/// <reference lib="dom" />
// Links inside the UI, built from data keys: each path segment URL-encoded, so a key is never read as a
// path, a query or a scheme, and the link text set as text.
import { dataText } from '../../report/html/client/_dom.js';

export const accountPath = (key: string) => `/account/${encodeURIComponent(key)}`;
export const evidencePath = (a: string, b: string) =>
  `/evidence/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
export const networkPath = (id: number) => `/network/${id}`;

export function link(href: string, text: string, className = ''): HTMLAnchorElement {
  const a = dataText('a', text, className);
  a.setAttribute('href', href);
  return a;
}
