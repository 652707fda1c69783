/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// One network's section: what it is and when, how it stands against chance per signal, its timeline, its
// share of each top hashtag's volume, top links and texts, inauthenticity indicators, its accounts, and the
// evidence: the post pairs that tie its strongest pairs of accounts, side by side with their times.
import type { ReportData, ReportNetwork } from '../report-data.js';
import { dataText, el, partsNodes, safeLink, table } from './_dom.js';
import { renderEvidencePair } from './_evidence.js';
import {
  duration,
  fixed,
  hoursBetween,
  int,
  JOINED_NOTE,
  networkColor,
  pct,
  ratio,
  utcSpan,
} from './_format.js';
import type { GraphView } from './graph.js';
import { renderHashtagShares } from './network-sections.js';
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

  section.append(el('h3', null, 'Signals and chance'));
  section.append(
    table(
      [
        'signal',
        'binds',
        ['observed', 'num'],
        ['expected', 'num'],
        ['z', 'num'],
        ['O/E', 'num'],
        ['item-windows', 'num'],
        ['edges', 'num'],
        ['weight', 'num'],
      ],
      // Each signal on all items, then on the items only the network touched and in step (the second tests).
      Object.entries(n.signals).flatMap(([name, s]): Array<Array<Node | string | [string, 'num']>> => {
        const num = (x: string): [string, 'num'] => [x, 'num'];
        const binds = (yes: boolean) => (yes ? el('span', { class: 'chip bind' }, 'binds') : 'no');
        const second = (label: string, u: typeof s.unshared) =>
          u && u.observed > 0
            ? [
                [
                  el('span', null, el('code', null, name), label),
                  binds(u.beyondChance),
                  num(fixed(u.observed, 0)),
                  num(fixed(u.expected, 1)),
                  num(fixed(u.zScore, 1)),
                  num(ratio(u.ratio)),
                  num(int(u.groups)),
                  '',
                  '',
                ],
              ]
            : [];
        return [
          [
            el('code', null, name),
            binds(s.test === 'all'),
            num(fixed(s.observed, 0)),
            num(fixed(s.expected, 1)),
            num(fixed(s.zScore, 1)),
            num(ratio(s.ratio)),
            num(int(s.groups)),
            num(int(s.edges)),
            num(fixed(s.weight, 1)),
          ],
          ...second(' on items only it touched', s.unshared),
          ...second(' in step with each other', s.timing),
          ...second(' reacting ahead of each post\u2019s crowd', s.reaction),
        ];
      }),
    ),
  );

  section.append(el('h3', null, 'Timeline'), renderTimeline(data, n, width));

  section.append(el('h3', null, 'Share of each hashtag\u2019s volume'), ...renderHashtagShares(n));

  if (n.topLinks.length > 0 || n.topDomains.length > 0) {
    section.append(el('h3', null, 'Links and sites'));
    const rows = [
      ...n.topLinks.map(
        (l) =>
          [
            safeLink(l.url),
            [int(l.posts), 'num'],
            [int(l.totalPosts), 'num'],
            [pct(l.share), 'num'],
          ] as const,
      ),
      ...n.topDomains.map(
        (l) =>
          [
            dataText('span', l.domain, 'mono'),
            [int(l.posts), 'num'],
            [int(l.totalPosts), 'num'],
            [pct(l.share), 'num'],
          ] as const,
      ),
    ];
    section.append(
      table(
        ['link or site', ['network posts', 'num'], ['all posts', 'num'], ['share', 'num']],
        rows.map((r) => [...r] as Array<Node | [string, 'num']>),
      ),
    );
  }

  if (n.topTexts.length > 0) {
    section.append(el('h3', null, 'Most repeated texts'));
    section.append(
      table(
        ['text (earliest post, original spelling)', ['posts', 'num'], ['accounts', 'num']],
        n.topTexts.map((t) => [
          dataText('div', t.example ?? t.text, 'text'),
          [int(t.posts), 'num'],
          [int(t.accounts), 'num'],
        ]),
      ),
    );
  }

  section.append(el('h3', null, 'Inauthenticity indicators'), renderIndicators(data, n, width));
  section.append(el('h3', null, 'Accounts'), renderAccounts(n));
  section.append(el('h3', null, 'Evidence'), ...renderEvidence(n));
  return section;
}

function renderIndicators(data: ReportData, n: ReportNetwork, width: number): HTMLElement {
  const i = n.indicators;
  const box = el('div');
  box.append(
    el(
      'p',
      { class: 'note' },
      'Kept apart from the coordination score: they describe how accounts look and behave alone, which can corroborate coordination but never proves it.',
    ),
  );
  const c = i.creation;
  box.append(
    el(
      'p',
      null,
      el('strong', null, 'Creation dates: '),
      c.withCreated === 0
        ? 'no creation dates in the data.'
        : `${int(c.batchedAccounts)} of ${int(i.accounts)} accounts (${pct(c.batchedShare)}) were created on ${int(c.batchDayCount)} ` +
            `day${c.batchDayCount === 1 ? '' : 's'} with ${n.indicators.parameters.batchDayMinAccounts} or more members created; busiest day ` +
            `${c.largestDay ?? '–'} (${int(c.largestDayAccounts)} accounts).`,
    ),
  );
  const histogram = renderCreation(data, n, width);
  if (histogram) box.append(histogram);
  if (c.batchDays.length > 0)
    box.append(
      table(
        ['creation day (UTC)', ['accounts', 'num']],
        c.batchDays.map((b) => [b.day, [int(b.accounts), 'num']]),
      ),
    );
  box.append(
    el(
      'p',
      null,
      el('strong', null, 'Handles: '),
      `${int(i.handles.patterned)} of ${int(i.handles.withHandle)} handles (${pct(i.handles.patternedShare)}) are letters followed by ` +
        `${n.indicators.parameters.handleDigitsMin} or more digits, the form of sign-up default handles.`,
    ),
    el(
      'p',
      null,
      el('strong', null, 'Client apps: '),
      `${int(i.clients.distinctClients)} named client${i.clients.distinctClients === 1 ? '' : 's'}; unknown client on ${pct(i.clients.unknownClientShare)} of posts.`,
    ),
  );
  if (i.clients.top.length > 0)
    box.append(
      table(
        ['client', ['posts', 'num'], ['share', 'num']],
        i.clients.top.map((x) => [
          x.client === null ? el('em', null, 'unknown') : dataText('span', x.client),
          [int(x.posts), 'num'],
          [pct(x.share), 'num'],
        ]),
      ),
    );
  box.append(
    el(
      'p',
      null,
      el('strong', null, 'Activity: '),
      `${int(i.activity.roundTheClockAccounts)} accounts (${pct(i.activity.roundTheClockShare)}) post in ${n.indicators.parameters.roundTheClockMinHours} or more ` +
        `hours of the day; median regularity of gaps (CV, ~0 clockwork, ~1 human-like) ${fixed(i.activity.medianGapCv, 2)}; ` +
        `repost share ${pct(i.repostShare)}; median followers ${int(i.followers.medianFollowers)}, following ${int(i.followers.medianFollowing)}.`,
    ),
  );
  return box;
}

function renderAccounts(n: ReportNetwork): HTMLElement {
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
      table(
        [
          'handle',
          'name',
          'account id',
          'role',
          ['centrality', 'num'],
          ['coordinated posts', 'num'],
          ['member z', 'num'],
          ['member O/E', 'num'],
        ],
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
  ];
}
