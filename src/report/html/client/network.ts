/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// One network's section: what it is and when, how it stands against chance per signal, its timeline, its
// share of each top hashtag's volume, top links and texts, inauthenticity indicators (those parts shared
// with the UI's network page, network-sections.ts), its accounts under the labels of ../../labels.ts, and
// the evidence: the post pairs that tie its strongest pairs of accounts, side by side with their times.

import type { ReportData, ReportNetwork } from '../report-data.js';
import { dataText, el, partsNodes, table } from './_dom.js';
import { renderEvidencePair, renderMemberEvidence } from './_evidence.js';
import { duration, fixed, hoursBetween, int, JOINED_NOTE, networkColor, ratio, utcSpan } from './_format.js';
import type { GraphView } from './graph.js';
import {
  columnHead,
  renderChanceTable,
  renderHashtagShares,
  renderIndicators,
  renderLinks,
  renderTexts,
  withTitles,
} from './network-sections.js';
import { headingNodes, storyOf } from './story.js';
import { renderCreation, renderTimeline } from './timeline.js';

export function renderNetwork(
  data: ReportData,
  n: ReportNetwork,
  width: number,
  graph: GraphView,
): HTMLElement {
  const color = networkColor(n.id);
  const swatch = el('span', { class: 'swatch' });
  swatch.style.background = color;
  const show = el('button', { type: 'button' }, 'Show in graph');
  show.addEventListener('click', () => {
    graph.focus(n.id);
    document.getElementById('graph')?.scrollIntoView({ behavior: 'smooth' });
  });
  const hours = hoursBetween(n.start, n.end);
  const section = el(
    'section',
    { class: 'network', id: `network-${n.id}`, 'data-network': String(n.id) },
    el('h2', null, swatch, ...headingNodes(n)),
    el('p', { class: 'quote' }, ...partsNodes(storyOf(data, n).parts)),
    el(
      'p',
      null,
      `${int(n.size)} accounts; ${int(n.posts)} coordinated posts (of ${int(n.memberPosts)} posts by these accounts) ` +
        `from ${utcSpan(n.start, n.end, true)} (${duration(hours)}). Bound by ${n.binding.join(', ') || '–'}: ` +
        `strongest z ${fixed(n.zScore, 1)} (O/E ${ratio(n.ratio)}); over all signals and items, ${fixed(n.observed, 0)} ` +
        `member pairs against ${fixed(n.expected, 1)} expected by chance.`,
    ),
    el(
      'p',
      { class: 'note' },
      `${int(n.internalEdges)} internal edges, density ${fixed(n.density, 3)}; ${int(n.pruned)} accounts set aside by the member rule. ` +
        (n.joined ? `${JOINED_NOTE} ` : ''),
      show,
    ),
  );

  section.append(el('h3', null, 'Signals and chance'), renderChanceTable(n));

  section.append(el('h3', null, 'Timeline'), renderTimeline(data, n, width));

  section.append(el('h3', null, 'Share of each hashtag\u2019s volume'), ...renderHashtagShares(n));

  const links = renderLinks(n);
  if (links !== null) section.append(el('h3', null, 'Links and sites'), links);
  const texts = renderTexts(n);
  if (texts !== null) section.append(el('h3', null, 'Most repeated texts'), texts);

  section.append(
    el('h3', null, 'Inauthenticity indicators'),
    renderIndicators(n, renderCreation(data, n, width)),
  );
  section.append(el('h3', null, 'Accounts'), renderAccounts(n));
  section.append(el('h3', null, 'Evidence'), ...renderEvidence(n));
  return section;
}

/** The accounts.csv columns the accounts table shows, under their labels (../../labels.ts). */
const ACCOUNT_TABLE_COLUMNS = [
  'handle',
  'name',
  'account',
  'role',
  'centrality',
  'coordinated_posts',
  'member_z',
  'member_ratio',
];

function renderAccounts(n: ReportNetwork): HTMLElement {
  const heads = ACCOUNT_TABLE_COLUMNS.map(columnHead);
  const box = el('div');
  if (n.accountsTotal > n.accounts.length)
    box.append(
      el(
        'p',
        { class: 'note' },
        `The ${int(n.accounts.length)} most central of ${int(n.accountsTotal)} accounts; accounts.csv lists them all.`,
      ),
    );
  box.append(
    el(
      'div',
      { class: 'scroll' },
      withTitles(
        table(
          heads.map((h) => h.head),
          n.accounts.map((a) => [
            dataText('span', a.handle ?? '–'),
            dataText('span', a.name ?? '–'),
            dataText('span', a.account, 'mono'),
            a.role,
            [fixed(a.centrality, 2), 'num'],
            [int(a.posts), 'num'],
            [fixed(a.memberZScore, 1), 'num'],
            [ratio(a.memberRatio), 'num'],
          ]),
          { class: 'accounts' },
        ),
        heads.map((h) => h.title),
      ),
    ),
  );
  return box;
}

function renderEvidence(n: ReportNetwork): Node[] {
  return [
    el(
      'p',
      { class: 'note' },
      `The posts that tie the network\u2019s strongest pairs of accounts: ${int(n.evidencePairs.length)} of the ` +
        `${int(n.evidencePairsTotal)} pairs kept for its ${int(Math.min(n.internalEdges, 20))} strongest edges. ` +
        'edges.csv gives every edge\u2019s evidence post ids. Texts are shown as posted (cut to 280 characters).',
    ),
    ...n.evidencePairs.map((e) => renderEvidencePair(n, e)),
    ...renderMemberEvidence(n),
  ];
}
