/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// DOM helpers for the report client. Data strings only ever become text nodes or attribute values set through
// the DOM (never HTML), every element holding data text is its own isolate with its direction taken from its
// content after any "RT @handle:" framing (../direction.ts), so Persian and Arabic read right to left without
// reordering their neighbours; inside it, each hashtag, mention and link is an isolate of its own direction,
// so its `#` or `@` stays at the start of its word; invisible format characters show as marks
// (../visible-text.ts), and a URL becomes a live link only for http(s), and then one that tells the site nothing.
import { dataSegments, textDirection } from '../direction.js';
import type { StoryPart } from '../story.js';
import { splitInvisibles } from '../visible-text.js';

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
    // Strings here are mostly lockstep's own; revealing costs nothing and catches data passed as a string.
    if (typeof c === 'string') appendRevealed(node, c);
    else node.append(typeof c === 'number' ? String(c) : c);
  }
  return node;
}

/**
 * Appends `text` with each invisible format character as a mark element (`⟨U+202E⟩`, class `cf-mark`, its
 * own left-to-right isolate, which dir="auto" on the parent skips), so a mark looks unlike typed text.
 */
function appendRevealed(node: Element, text: string): void {
  splitInvisibles(text).forEach((part, i) => {
    if (i % 2 === 0) {
      if (part !== '') node.append(part);
      return;
    }
    const mark = document.createElement('span');
    mark.className = 'cf-mark';
    mark.setAttribute('dir', 'ltr');
    mark.title = 'invisible character in the data';
    mark.textContent = part;
    node.append(mark);
  });
}

/**
 * Text that came from the data: set as text, invisible characters shown as marks, with its direction taken
 * from its own first letter after any "RT @handle:" framing, and isolated from its neighbours (the
 * stylesheet isolates every element with a dir attribute); its framing, hashtags, mentions and links are
 * spans with their own direction (class `token`), isolated the same way.
 */
export function dataText<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string | null | undefined,
  className = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.setAttribute('dir', textDirection(text));
  node.classList.add('data');
  if (className !== '') node.classList.add(...className.split(' '));
  for (const segment of dataSegments(text ?? '')) {
    if (segment.dir === null) {
      appendRevealed(node, segment.text);
      continue;
    }
    const token = document.createElement('span');
    token.className = 'token';
    token.setAttribute('dir', segment.dir);
    appendRevealed(token, segment.text);
    node.append(token);
  }
  return node;
}

/**
 * A file path from the data, like dataText, that wraps only after a slash: each part between slashes keeps
 * whole (a path's hyphens would otherwise let it break inside a name).
 */
export function dataPath(path: string): HTMLSpanElement {
  const node = document.createElement('span');
  node.setAttribute('dir', textDirection(path));
  node.className = 'data mono';
  path.split('/').forEach((segment, i) => {
    if (i > 0) node.append('/', document.createElement('wbr'));
    const part = document.createElement('span');
    part.className = 'nowrap';
    appendRevealed(part, segment);
    node.append(part);
  });
  return node;
}

/** Story parts (../story.ts) as children: lockstep's words as text, each data string in its own <bdi>. */
export function partsNodes(parts: StoryPart[]): Array<Node | string> {
  return parts.map((p) => (typeof p === 'string' ? p : dataText('bdi', p.data)));
}

/**
 * A link only for http and https URLs, opened without referrer or opener; anything else is shown as text.
 * The link wraps only after a slash, ? or &.
 */
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
  a.setAttribute('dir', textDirection(url));
  a.className = 'mono data';
  // Like a path, a link wraps only after a slash, ? or &: a slug's hyphens would otherwise break it mid-word.
  url.split(/(?<=[/?&])/).forEach((piece, i) => {
    if (i > 0) a.append(document.createElement('wbr'));
    const part = document.createElement('span');
    part.className = 'nowrap';
    appendRevealed(part, piece);
    a.append(part);
  });
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
