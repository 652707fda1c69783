/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// An evidence page: every post pair that ties two accounts (the shared items, the two posts side by side
// with their times in UTC and the gap between them), those sharing the most items first, then earliest.
import { dataText, el } from '../../report/html/client/_dom.js';
import { fixed, int } from '../../report/html/client/_format.js';
import { isolateText } from '../../report/html/visible-text.js';
import type { EvidencePayload } from '../views/evidence.js';
import { accountPath, link, networkPath } from './_links.js';
import { pairBox, postBox } from './_posts.js';

export function renderEvidence(root: HTMLElement, p: EvidencePayload): void {
  document.title = `lockstep: evidence ${isolateText(p.a.label)} and ${isolateText(p.b.label)}`;
  root.append(
    el('p', null, el('a', { href: '/' }, '← All networks')),
    el(
      'h1',
      null,
      'Evidence: ',
      link(accountPath(p.a.key), p.a.label),
      ' and ',
      link(accountPath(p.b.key), p.b.label),
    ),
  );
  if (p.edge !== null) {
    const signals = Object.entries(p.edge.signals).map(([s, w]) => `${s} ${fixed(w, 1)}`);
    root.append(
      el(
        'p',
        null,
        'Edge in ',
        link(networkPath(p.edge.network), `network ${p.edge.network}`),
        `: weight ${fixed(p.edge.weight, 1)}, ${int(p.edge.items)} shared items (${signals.join(', ')}).`,
      ),
    );
  } else root.append(el('p', { class: 'muted' }, 'The two accounts have no edge in this run.'));
  root.append(
    el(
      'p',
      { class: 'lead', id: 'evidence-count' },
      `${int(p.total)} post pairs share a repost or quote target, answered post, hashtag, URL, site, mention or normalised text within ${int(p.windowSeconds)} s` +
        (p.total > p.pairs.length ? `; the ${int(p.pairs.length)} sharing the most are shown.` : '.') +
        ' Times are UTC.',
    ),
  );
  const list = el('div', { id: 'evidence-pairs' });
  for (const pair of p.pairs) {
    const gap = Math.abs(pair.seconds);
    list.append(
      pairBox(
        [
          `${gap < 120 ? `${int(gap)} s` : `${fixed(gap / 60, 0)} min`} apart · shared: `,
          dataText('span', pair.shared.join(' · ')),
        ],
        postBox(dataText('span', p.a.label), pair.a),
        postBox(dataText('span', p.b.label), pair.b),
      ),
    );
  }
  root.append(list);
}
