/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The parts of a network's description that report.html and the UI's network page both show, built from
// networks.json's fields alone: the signals against chance, the share of each top hashtag's volume, top
// links and sites, the most repeated texts and the inauthenticity indicators, every figure under the label
// and explanation of ../../labels.ts. Column heads carry the explanation as their tooltip.
import type { SharedItem } from '../../../networks/index.js';
import { type ColumnFormat, columnDoc, SIGNAL_DOCS, signalLabel } from '../../labels.js';
import type { ReportNetworkBase } from '../report-data.js';
import { shorten } from '../story.js';
import { dataText, el, safeLink, table } from './_dom.js';
import { duration, fixed, hoursBetween, int, networkColor, pct, ratio, stamp, utcSpan } from './_format.js';

type Sections = Pick<
  ReportNetworkBase,
  'id' | 'start' | 'end' | 'signals' | 'topHashtags' | 'topLinks' | 'topDomains' | 'topTexts' | 'indicators'
>;

type Cell = Node | string | [string, 'num'];

/** Sets each header cell's tooltip (its explanation), in order; null leaves a cell without one. */
export function withTitles(t: HTMLTableElement, titles: Array<string | null>): HTMLTableElement {
  t.querySelectorAll('thead th').forEach((th, i) => {
    const title = titles[i];
    if (title != null) th.setAttribute('title', title);
  });
  return t;
}

/** A column's label as a table head (numeric columns right-aligned), and its explanation for withTitles. */
export function columnHead(name: string): { head: string | [string, 'num']; title: string | null } {
  const doc = columnDoc(name);
  const label = doc?.label ?? name;
  const numeric = doc !== undefined && ['integer', 'number', 'share'].includes(doc.format);
  return { head: numeric ? [label, 'num'] : label, title: doc?.meaning.replaceAll('`', '') ?? null };
}

/**
 * A cell of accounts.csv as a reader reads it, by the column's format: a share as a percentage, a flag as
 * yes/no, a time in UTC, numbers grouped; text from the data in its own isolate. Empty is unknown.
 */
export function formatCell(format: ColumnFormat | undefined, raw: string | null | undefined): Cell {
  if (raw == null || raw === '') return '–';
  const n = Number(raw);
  switch (format) {
    case 'share':
      return [Number.isFinite(n) ? pct(n) : raw, 'num'];
    case 'flag':
      return raw === '1' || raw === 'true' ? 'yes' : 'no';
    case 'time':
      return stamp(raw, true);
    case 'integer':
      return [Number.isFinite(n) ? int(n) : raw, 'num'];
    case 'number':
      return [Number.isFinite(n) ? fixed(n, Math.abs(n) >= 100 ? 1 : 3) : raw, 'num'];
    case 'date':
      return raw;
    default:
      return dataText('span', raw);
  }
}

/** Each signal against chance, then its further tests (items only the network touched, timing, reaction times). */
export function renderChanceTable(n: Pick<Sections, 'signals'>): HTMLTableElement {
  const num = (x: string): [string, 'num'] => [x, 'num'];
  const binds = (yes: boolean) => (yes ? el('span', { class: 'chip bind' }, 'binds') : 'no');
  const name = (signal: string, suffix = '') =>
    el(
      'span',
      { title: SIGNAL_DOCS[signal]?.meaning ?? '' },
      signalLabel(signal),
      suffix,
      ' ',
      el('code', null, signal),
    );
  const rows = Object.entries(n.signals).flatMap(([signal, s]): Cell[][] => {
    const second = (suffix: string, u: typeof s.unshared): Cell[][] =>
      u && u.observed > 0
        ? [
            [
              name(signal, suffix),
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
        name(signal),
        binds(s.test === 'all'),
        num(fixed(s.observed, 0)),
        num(fixed(s.expected, 1)),
        num(fixed(s.zScore, 1)),
        num(ratio(s.ratio)),
        num(int(s.groups)),
        num(int(s.edges)),
        num(fixed(s.weight, 1)),
      ],
      ...second(', on items only it touched', s.unshared),
      ...second(', in step with each other', s.timing),
      ...second(', reacting ahead of each post\u2019s crowd', s.reaction),
    ];
  });
  return withTitles(
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
      rows,
      { class: 'chance' },
    ),
    [
      null,
      'Whether this test puts the network beyond chance on this signal',
      'O: member pairs sharing an item in a window',
      'E: what independent accounts, each as active as these, would give',
      'z = (O \u2212 E) / \u221aVar',
      'observed over expected',
      'distinct item-windows holding the pairs',
      'internal edges carrying this signal',
      'summed weight of those edges',
    ],
  );
}

/**
 * Each top hashtag's share: of all posts with it in the dataset, and of those posted while the network was
 * active, one row per tag with the span said once above.
 */
export function renderHashtagShares(n: Pick<Sections, 'id' | 'start' | 'end' | 'topHashtags'>): Node[] {
  if (n.topHashtags.length === 0)
    return [el('p', { class: 'note' }, 'Its coordinated posts carry no hashtag.')];
  const color = networkColor(n.id);
  const shareCell = (share: number) => {
    const fill = el('span');
    fill.style.width = `${Math.max(0, Math.min(1, share)) * 100}%`;
    fill.style.background = color;
    return el(
      'span',
      { class: 'share-cell' },
      el('span', { class: 'bar' }, fill),
      el('span', { class: 'num' }, pct(share)),
    );
  };
  return [
    el(
      'p',
      { class: 'note' },
      'Share: the network\u2019s posts with the tag over all posts with it in the dataset. While active: the ' +
        `same between its first and last coordinated post, ${utcSpan(n.start, n.end)} ` +
        `(${duration(hoursBetween(n.start, n.end))}).`,
    ),
    table(
      [
        'hashtag',
        'share',
        ['network posts', 'num'],
        ['all posts', 'num'],
        ['share while active', 'num'],
        ['all posts while active', 'num'],
      ],
      n.topHashtags.map((h) => [
        dataText('span', `#${h.hashtag}`),
        shareCell(h.share),
        [int(h.posts), 'num'],
        [int(h.totalPosts), 'num'],
        [pct(h.spanShare), 'num'],
        [int(h.spanPosts), 'num'],
      ]),
      { class: 'shares' },
    ),
  ];
}

/** Top links and sites with the network's share of all posts with each; null when it has none. */
export function renderLinks(n: Pick<Sections, 'topLinks' | 'topDomains'>): HTMLTableElement | null {
  if (n.topLinks.length === 0 && n.topDomains.length === 0) return null;
  const row = (shown: Node, v: { posts: number; totalPosts: number; share: number }): Cell[] => [
    shown,
    [int(v.posts), 'num'],
    [int(v.totalPosts), 'num'],
    [pct(v.share), 'num'],
  ];
  return table(
    ['link or site', ['network posts', 'num'], ['all posts', 'num'], ['share', 'num']],
    [
      ...n.topLinks.map((l) => row(safeLink(l.url), l)),
      ...n.topDomains.map((d) => row(dataText('span', d.domain, 'mono'), d)),
    ],
    { class: 'links' },
  );
}

/** The texts the network's accounts posted most, each in its earliest post's spelling; null without any. */
export function renderTexts(n: Pick<Sections, 'topTexts'>): HTMLTableElement | null {
  if (n.topTexts.length === 0) return null;
  return table(
    ['text (earliest post, original spelling)', ['posts', 'num'], ['accounts', 'num']],
    n.topTexts.map((t) => [
      dataText('div', t.example ?? t.text, 'text'),
      [int(t.posts), 'num'],
      [int(t.accounts), 'num'],
    ]),
    { class: 'texts' },
  );
}

/**
 * The network's inauthenticity indicators in words, kept apart from the coordination score; `histogram` is
 * the creation-date chart when the caller has one.
 */
export function renderIndicators(n: Pick<Sections, 'indicators'>, histogram: Node | null): HTMLElement {
  const i = n.indicators;
  const p = i.parameters;
  const box = el('div', { class: 'indicators' });
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
            `day${c.batchDayCount === 1 ? '' : 's'} with ${p.batchDayMinAccounts} or more members created; busiest day ` +
            `${c.largestDay ?? '–'} (${int(c.largestDayAccounts)} accounts).`,
    ),
  );
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
        `${p.handleDigitsMin} or more digits, the form of sign-up default handles.`,
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
      `${int(i.activity.roundTheClockAccounts)} accounts (${pct(i.activity.roundTheClockShare)}) post in ${p.roundTheClockMinHours} or more ` +
        `hours of the day (median ${fixed(i.activity.medianActiveHours, 0)} hours); median irregularity of posting gaps ` +
        `(CV, ~0 clockwork, ~1 human-like) ${fixed(i.activity.medianGapCv, 2)} over the ${int(i.activity.withGapCv)} accounts ` +
        `with three timed posts or more; repost share ${pct(i.repostShare)} of ${int(i.posts)} posts.`,
    ),
    el(
      'p',
      null,
      el('strong', null, 'Profiles: '),
      `${int(i.withProfile)} of ${int(i.accounts)} accounts have a profile in the data; median followers ` +
        `${int(i.followers.medianFollowers)}, following ${int(i.followers.medianFollowing)}, followers per account ` +
        `followed ${fixed(i.followers.medianRatio, 2)}.`,
    ),
  );
  return box;
}

/** Characters of a shared text an evidence pair's heading shows (kept on one line; the posts give it whole). */
const SHARED_TEXT_CHARS = 40;

/**
 * What an evidence post pair shares, in words with each item as data in its own isolate: `Same hashtag
 * #kochfarms (co-hashtag); also same link https://…`. Items never break inside a word: a link wraps only
 * after / ? & (safeLink), anything else keeps to one line (a text cut to SHARED_TEXT_CHARS). A pair from a
 * run folder written before items were named gives its signal alone.
 */
export function sharedItemNodes(pair: {
  signal: string;
  item?: string;
  alsoShared?: SharedItem[];
}): Array<Node | string> {
  const words = (signal: string) => SIGNAL_DOCS[signal]?.evidence ?? signal;
  const itemNode = (x: SharedItem): Node => {
    if (x.signal === 'colink') return safeLink(x.item);
    // A text in lockstep's quotes, outside its isolate: a Persian text's own direction would turn them round.
    if (x.signal === 'neardup' || (x.signal === 'corepost' && !/^[\w:/.-]+$/.test(x.item)))
      return el(
        'span',
        { class: 'nowrap' },
        '\u201c',
        dataText('bdi', shorten(x.item, SHARED_TEXT_CHARS), 'item'),
        '\u201d',
      );
    return dataText('bdi', x.item, 'item nowrap');
  };
  const out: Array<Node | string> = [words(pair.signal)];
  if (pair.item !== undefined && pair.item !== '')
    out.push(' ', itemNode({ signal: pair.signal as SharedItem['signal'], item: pair.item }));
  out.push(' ', el('span', { class: 'nowrap' }, `(${signalLabel(pair.signal).toLowerCase()})`));
  (pair.alsoShared ?? []).forEach((x, i) => {
    out.push(i === 0 ? '; also ' : ', ', words(x.signal).toLowerCase());
    if (x.item !== '') out.push(' ', itemNode(x));
  });
  return out;
}
