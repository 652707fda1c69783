/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The report's first screen: per network, its label, the sentence a journalist can quote (../story.ts) and
// its strongest evidence pair beside it, so the story and its proof come before any table of figures.
import type { ReportData, ReportNetwork } from '../report-data.js';
import { networkLabel, networkStory, networkSubject, type StoryPart } from '../story.js';
import { el, partsNodes } from './_dom.js';
import { renderEvidencePair } from './_evidence.js';
import { networkColor } from './_format.js';

/** The network's label parts: `#kochfarms · 76 accounts`. */
export const labelOf = (n: ReportNetwork): StoryPart[] => networkLabel(networkSubject(n), n.id, n.size);

/** The quotable sentence's parts and odds for `n` in this run. */
export const storyOf = (data: ReportData, n: ReportNetwork) =>
  networkStory(n, Math.max(1, data.signals.length), data.candidates.tested);

/** A swatch in the network's colour. */
export function swatchOf(id: number): HTMLElement {
  const s = el('span', { class: 'swatch' });
  s.style.background = networkColor(id);
  return s;
}

/** `Network 1: #kochfarms · 76 accounts`, with the data part in its own isolate. */
export const headingNodes = (n: ReportNetwork): Array<Node | string> => [
  `Network ${n.id}: `,
  ...partsNodes(labelOf(n)),
];

export function renderStories(data: ReportData): HTMLElement[] {
  if (data.networks.length === 0) return [];
  const stories = data.networks.map((n) => {
    const { parts, odds } = storyOf(data, n);
    const strongest = n.evidencePairs[0];
    return el(
      'section',
      { class: 'story', 'data-network': String(n.id), 'data-odds-log10': String(odds.k) },
      el(
        'div',
        { class: 'story-text' },
        el('h3', null, el('a', { href: `#network-${n.id}` }, swatchOf(n.id), ...headingNodes(n))),
        el('p', { class: 'quote' }, ...partsNodes(parts)),
      ),
      strongest === undefined
        ? el('p', { class: 'note' }, 'No evidence pair was kept for this network.')
        : el(
            'div',
            { class: 'story-evidence' },
            el('div', { class: 'k' }, 'Strongest evidence: the two posts that tie its strongest pair'),
            renderEvidencePair(n, strongest, true),
          ),
    );
  });
  return [
    ...stories,
    el(
      'p',
      { class: 'note' },
      'How sure: each network\u2019s z-score against chance, turned into odds with every candidate, signal and ' +
        'test this run looked at counted, and never stated beyond one in a billion (Methods, ',
      el('a', { href: '#odds' }, 'how sure, in words'),
      ').',
    ),
  ];
}
