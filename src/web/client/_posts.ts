/// <reference lib="dom" />
// A post pair side by side (an evidence item): each post's id, time and text, all set as text. The times are
// UTC, and the page says so once, above the pairs (the zone after every time wrapped dates at 900 px).
import { dataText, el } from '../../report/html/client/_dom.js';
import { stamp } from '../../report/html/client/_format.js';

export interface ShownPost {
  id: string;
  time: string | null;
  text: string | null;
  kind?: string;
}

export function postBox(who: Node, p: ShownPost): HTMLElement {
  const meta = el(
    'div',
    { class: 'meta' },
    who,
    ' · ',
    el('span', { class: 'nowrap' }, stamp(p.time, true)),
    ' · ',
    dataText('span', p.id, 'post-id mono'),
  );
  if (p.kind !== undefined && p.kind !== 'post') meta.append(` · ${p.kind}`);
  return el('div', { class: 'post' }, meta, dataText('div', p.text ?? '', 'text'));
}

export function pairBox(head: Array<Node | string>, a: HTMLElement, b: HTMLElement): HTMLElement {
  return el('div', { class: 'evidence' }, el('div', { class: 'head' }, ...head), a, b);
}
