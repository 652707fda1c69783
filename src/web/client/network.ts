/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A network page: everything its JSON twin holds, in the report's words. Its label as the heading and the
// sentence a journalist can quote (../../report/html/story.ts), headline figures, its graph (sigma), its
// timeline against the whole dataset, how it stands against chance per signal, its share of each top
// hashtag's volume, top links and texts, inauthenticity indicators (the report's sections,
// network-sections.ts), its accounts (linked to their pages) and its strongest edges' post pairs, each
// linked to the pair's full evidence page.
import { dataText, el, partsNodes, table } from '../../report/html/client/_dom.js';
import { renderMemberEvidence } from '../../report/html/client/_evidence.js';
import {
  duration,
  fixed,
  hoursBetween,
  int,
  JOINED_NOTE,
  ratio,
  utcSpan,
} from '../../report/html/client/_format.js';
import {
  columnHead,
  renderChanceTable,
  renderHashtagShares,
  renderIndicators,
  renderLinks,
  renderTexts,
  sharedItemNodes,
  withTitles,
} from '../../report/html/client/network-sections.js';
import { renderCreation, renderTimeline } from '../../report/html/client/timeline.js';
import type { ReportData, ReportNetwork } from '../../report/html/report-data.js';
import { networkLabel, networkStory, networkSubject, partsText } from '../../report/html/story.js';
import { isolateText } from '../../report/html/visible-text.js';
import { accountLabel, signalLabel } from '../../report/labels.js';
import type { NetworkPayload } from '../views/network.js';
import { accountPath, evidencePath, link } from './_links.js';
import { pairBox, postBox } from './_posts.js';
import { renderGraph } from './graph.js';

const card = (value: string, label: string) =>
  el('div', { class: 'card' }, el('div', { class: 'v' }, value), el('div', { class: 'k' }, label));

export function renderNetwork(root: HTMLElement, p: NetworkPayload): void {
  const n = p.network;
  const label = networkLabel(networkSubject(n), n.id, n.size);
  document.title = `lockstep: ${partsText(label, isolateText)}`;
  const name = (key: string) => p.labels[key] ?? key;
  const { parts } = networkStory(n, p.signalsRun, p.candidatesTested);
  root.append(
    el('p', null, el('a', { href: '/' }, '← All networks')),
    el('h1', { id: 'network-label' }, `Network ${n.id}: `, ...partsNodes(label)),
    el('p', { class: 'quote', id: 'network-story' }, ...partsNodes(parts)),
    el(
      'div',
      { class: 'cards' },
      card(int(n.size), 'accounts'),
      card(int(n.posts), 'coordinated posts'),
      card(duration(hoursBetween(n.start, n.end)), 'span'),
      card(fixed(n.zScore, 1), 'z against chance'),
      card(ratio(n.ratio), 'observed / expected'),
      card(fixed(n.density, 3), 'density'),
    ),
    el(
      'p',
      null,
      `${int(n.posts)} coordinated posts (of ${int(n.memberPosts)} posts by these accounts), from ${utcSpan(n.start, n.end, true)}. ` +
        `Bound by ${n.binding.map(signalLabel).join(', ') || '–'}: strongest z ${fixed(n.zScore, 1)} (O/E ${ratio(n.ratio)}); ` +
        `over all signals and items, ${fixed(n.observed, 0)} member pairs against ${fixed(n.expected, 1)} expected by chance. ` +
        `${int(n.internalEdges)} internal edges; ${int(n.pruned)} accounts set aside by the member rule.` +
        (n.joined ? ` ${JOINED_NOTE}` : ''),
    ),
  );

  const graph = renderGraph(p);
  root.append(
    el('h2', null, 'Graph'),
    el(
      'p',
      { class: 'note' },
      `${int(p.graph.nodes.length)} accounts; the strongest ${int(p.graph.edges.length)} of ${int(p.graph.edgesTotal)} edges drawn. ` +
        'Size is centrality. Layout: ForceAtlas2, computed once by the server. Click an account to open it.',
    ),
    graph.element,
  );
  graph.start();

  // The report's charts read its data document; this page's figures fill the parts they use.
  const shim = {
    timeline: {
      bucketSeconds: p.timeline.bucketSeconds,
      all: p.timeline.all,
      networks: { [String(n.id)]: p.timeline.network },
      creation: { [String(n.id)]: p.creation },
    },
  } as Pick<ReportData, 'timeline'> as ReportData;
  const shown = n as unknown as ReportNetwork;
  const width = Math.min(1120, Math.max(480, root.clientWidth - 10));
  root.append(el('h2', null, 'Timeline'), renderTimeline(shim, shown, width));

  root.append(
    el('h2', { id: 'chance' }, 'Signals and chance'),
    el(
      'p',
      { class: 'note' },
      'For each signal, the member pairs that shared an item in a window (observed) against what independent accounts, ' +
        'each as active as these, would give (expected). A signal binds the network when z and O/E pass the run\u2019s thresholds.',
    ),
    el('div', { class: 'scroll' }, renderChanceTable(n)),
    el('h2', { id: 'hashtags' }, 'Share of each hashtag\u2019s volume'),
    ...renderHashtagShares(n),
  );
  const links = renderLinks(n);
  if (links !== null) root.append(el('h2', { id: 'links' }, 'Links and sites'), links);
  const texts = renderTexts(n);
  if (texts !== null) root.append(el('h2', { id: 'texts' }, 'Most repeated texts'), texts);
  root.append(
    el('h2', { id: 'indicators' }, 'Inauthenticity indicators'),
    renderIndicators(n, renderCreation(shim, shown, width)),
  );

  const columns = [
    'handle',
    'name',
    'role',
    'centrality',
    'degree',
    'coordinated_posts',
    'member_z',
    'member_ratio',
  ];
  const heads = columns.map(columnHead);
  root.append(
    el('h2', null, 'Accounts'),
    el(
      'p',
      { class: 'note' },
      `${int(n.accounts.length)} of ${int(p.accountsTotal)} accounts, most central first. Hover a column for what it means.`,
    ),
    el(
      'div',
      { class: 'scroll' },
      withTitles(
        table(
          heads.map((h) => h.head),
          n.accounts.map((a) => [
            link(accountPath(a.key), accountLabel(a)),
            dataText('span', a.name ?? '–'),
            a.role,
            [fixed(a.centrality, 3), 'num'],
            [int(a.degree), 'num'],
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

  root.append(
    el('h2', null, 'Evidence'),
    el(
      'p',
      { class: 'note' },
      `Post pairs behind the strongest edges (from networks.json). Each pair's page lists every post pair that ties the two accounts within ${int(p.windowSeconds)} s. Times are UTC.`,
    ),
  );
  const list = el('div', { id: 'evidence-list' });
  for (const e of n.evidence) {
    const head = [
      link(accountPath(e.source), name(e.source)),
      ' and ',
      link(accountPath(e.target), name(e.target)),
      ` · weight ${fixed(e.weight, 1)} · ${int(e.items)} shared items · `,
      link(evidencePath(e.source, e.target), 'all post pairs →', 'pair-link'),
    ];
    list.append(el('h3', null, ...head));
    for (const pair of e.pairs.slice(0, 3)) {
      list.append(
        pairBox(
          sharedItemNodes(pair),
          postBox(dataText('span', name(e.source)), pair.a),
          postBox(dataText('span', name(e.target)), pair.b),
        ),
      );
    }
  }
  root.append(list, ...renderMemberEvidence(n));
}
