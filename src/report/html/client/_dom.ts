/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// DOM helpers for the report client. Data strings only ever become text nodes or attribute values set through
// the DOM (never HTML), every element holding data text gets dir="auto" so Persian and Arabic read right to
// left, and a URL becomes a live link only for http(s), and then one that tells the site nothing.

type Child = Node | string | number | null | undefined | false;

/** An element with attributes (set with setAttribute, never parsed) and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs !== null) for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'number' ? String(c) : c);
  }
  return node;
}

/** Text that came from the data: set as text, with its direction taken from its own first strong letter. */
export function dataText<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string | null | undefined,
  className = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.setAttribute('dir', 'auto');
  if (className !== '') node.className = className;
  node.textContent = text ?? '';
  return node;
}

/** A link only for http and https URLs, opened without referrer or opener; anything else is shown as text. */
export function safeLink(url: string): HTMLElement {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
    return dataText('span', url, 'mono');
  const a = document.createElement('a');
  a.href = parsed.href;
  a.rel = 'noopener noreferrer nofollow';
  a.referrerPolicy = 'no-referrer';
  a.setAttribute('dir', 'auto');
  a.className = 'mono';
  a.textContent = url;
  return a;
}

export function table(
  head: Array<string | [string, 'num']>,
  rows: Array<Array<Node | string | [string, 'num']>>,
  attrs: Record<string, string> | null = null,
): HTMLTableElement {
  const cell = (tag: 'th' | 'td', c: Node | string | [string, 'num']) => {
    if (Array.isArray(c)) return el(tag, { class: 'num' }, c[0]);
    if (typeof c === 'string') return el(tag, null, c);
    return el(tag, null, c);
  };
  return el(
    'table',
    attrs,
    el('thead', null, el('tr', null, ...head.map((h) => cell('th', h)))),
    el('tbody', null, ...rows.map((r) => el('tr', null, ...r.map((c) => cell('td', c))))),
  );
}
