/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A network page: headline figures, its graph (sigma), its timeline against the whole dataset (the report's
// Plot timeline), its accounts (linked to their pages) and its strongest edges' post pairs, each linked to
// the pair's full evidence page.
import { dataText, el, table } from '../../report/html/client/_dom.js';
import {
  duration,
  fixed,
  hoursBetween,
  int,
  JOINED_NOTE,
  ratio,
  utc,
} from '../../report/html/client/_format.js';
import { renderTimeline } from '../../report/html/client/timeline.js';
import type { ReportData, ReportNetwork } from '../../report/html/report-data.js';
import type { NetworkPayload } from '../views/network.js';
import { accountPath, evidencePath, link } from './_links.js';
import { pairBox, postBox } from './_posts.js';
import { renderGraph } from './graph.js';

const card = (value: string, label: string) =>
  el('div', { class: 'card' }, el('div', { class: 'v' }, value), el('div', { class: 'k' }, label));

export function renderNetwork(root: HTMLElement, p: NetworkPayload): void {
  const n = p.network;
  document.title = `lockstep: network ${n.id}`;
  const labels = new Map(n.accounts.map((a) => [a.key, a.handle ?? a.account]));
  const label = (key: string) => labels.get(key) ?? key;
  root.append(
    el('p', null, el('a', { href: '/' }, '← All networks')),
    el('h1', null, `Network ${n.id}`),
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
      `Binding signals: ${n.binding.join(', ') || '–'}. First coordinated post ${utc(n.start)}, last ${utc(n.end)}.` +
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

  const shim = {
    timeline: {
      bucketSeconds: p.timeline.bucketSeconds,
      all: p.timeline.all,
      networks: { [String(n.id)]: p.timeline.network },
    },
  } as Pick<ReportData, 'timeline'> as ReportData;
  const width = Math.min(1120, Math.max(480, root.clientWidth - 10));
  root.append(el('h2', null, 'Timeline'), renderTimeline(shim, n as unknown as ReportNetwork, width));

  root.append(
    el('h2', null, 'Accounts'),
    el(
      'p',
      { class: 'note' },
      `${int(n.accounts.length)} of ${int(p.accountsTotal)} accounts, most central first.`,
    ),
    el(
      'div',
      { class: 'scroll' },
      table(
        [
          'Account',
          'Name',
          'Role',
          ['Centrality', 'num'],
          ['Degree', 'num'],
          ['Coordinated posts', 'num'],
          ['Member z', 'num'],
        ],
        n.accounts.map((a) => [
          link(accountPath(a.key), a.handle ?? a.account),
          dataText('span', a.name),
          a.role,
          [fixed(a.centrality, 3), 'num'],
          [int(a.degree), 'num'],
          [int(a.posts), 'num'],
          [fixed(a.memberZScore, 1), 'num'],
        ]),
        { class: 'accounts' },
      ),
    ),
  );

  root.append(
    el('h2', null, 'Evidence'),
    el(
      'p',
      { class: 'note' },
      `Post pairs behind the strongest edges (from networks.json). Each pair's page lists every post pair that ties the two accounts within ${int(p.windowSeconds)} s.`,
    ),
  );
  const list = el('div', { id: 'evidence-list' });
  for (const e of n.evidence) {
    const head = [
      link(accountPath(e.source), label(e.source)),
      ' and ',
      link(accountPath(e.target), label(e.target)),
      ` · weight ${fixed(e.weight, 1)} · ${int(e.items)} shared items · `,
      link(evidencePath(e.source, e.target), 'all post pairs →', 'pair-link'),
    ];
    list.append(el('h3', null, ...head));
    for (const pair of e.pairs.slice(0, 3)) {
      list.append(
        pairBox(
          [`signal: ${pair.signal}`],
          postBox(dataText('span', label(e.source)), pair.a),
          postBox(dataText('span', label(e.target)), pair.b),
        ),
      );
    }
  }
  root.append(list);
}
