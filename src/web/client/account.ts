/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// An account page: profile, networks, edges by signal (each linked to the pair's evidence, the other account
// named by handle or name), indicators from accounts.csv under their readable labels and formats
// (../../report/labels.ts, the explanation as a tooltip), and its posts newest first, a page at a time.
import { dataText, el, safeLink, table } from '../../report/html/client/_dom.js';
import { fixed, int, stamp } from '../../report/html/client/_format.js';
import { formatCell, withTitles } from '../../report/html/client/network-sections.js';
import { isolateText } from '../../report/html/visible-text.js';
import { accountLabel, columnDoc, columnLabel, SIGNAL_DOCS, signalLabel } from '../../report/labels.js';
import type { AccountPayload } from '../views/account.js';
import { accountPath, evidencePath, link, networkPath } from './_links.js';

/** A post's kind, with the post it reposts, quotes or answers and its language where the data gives them. */
function kindCell(x: AccountPayload['posts']['items'][number]): HTMLElement {
  const cell = el('div', { class: 'kind' }, x.kind);
  const ref = (words: string, id: string | null) => {
    if (id !== null)
      cell.append(el('div', { class: 'note' }, `${words} `, dataText('span', id, 'post-id mono')));
  };
  ref('of', x.repostOf);
  ref('quoting', x.quoteOf);
  ref('answering', x.replyTo);
  if (x.lang !== null && x.lang !== '') cell.append(el('div', { class: 'note' }, `language ${x.lang}`));
  return cell;
}

/** A column's explanation as a tooltip (code marks dropped). */
const tip = (name: string) => columnDoc(name)?.meaning.replaceAll('`', '') ?? null;

export function renderAccount(root: HTMLElement, p: AccountPayload): void {
  const member = p.networks[0]?.member;
  const name = accountLabel({
    account: p.account,
    handle: p.profile?.handle ?? member?.handle ?? null,
    name: p.profile?.name ?? member?.name ?? null,
  });
  document.title = `lockstep: account ${isolateText(name)}`;
  root.append(
    el('p', null, el('a', { href: '/' }, '← All networks')),
    el('h1', null, 'Account ', dataText('span', name)),
  );
  root.append(
    el(
      'p',
      null,
      'Key ',
      dataText('code', p.key, 'mono account-key'),
      ` on ${p.platform}`,
      p.profile?.name ? ' · ' : '',
      p.profile?.name ? dataText('span', p.profile.name) : '',
      p.profile?.created ? ` · created ${stamp(p.profile.created)} UTC` : '',
      p.profile?.followers != null ? ` · ${int(p.profile.followers)} followers` : '',
      p.profile?.following != null ? ` · following ${int(p.profile.following)}` : '',
    ),
  );
  if (p.networks.length > 0)
    root.append(
      el(
        'p',
        null,
        'In ',
        ...p.networks.flatMap((m, i) => [
          i > 0 ? ', ' : '',
          link(networkPath(m.id), `network ${m.id}`),
          ` (${m.member.role}, centrality ${fixed(m.member.centrality, 3)})`,
        ]),
      ),
    );
  else root.append(el('p', { class: 'muted' }, 'Not in any reported network.'));
  for (const m of p.networks)
    if (m.tiedBy !== undefined)
      root.append(
        el(
          'p',
          { class: 'note', id: 'tied-by' },
          `No edge in network ${m.id}: kept for its own co-activity with the network, counted on every item it ` +
            `shares in a window with another member (an edge needs several). It shares ${int(m.tiedBy.items)} ` +
            'item-windows with ',
          link(accountPath(m.tiedBy.key), m.tiedBy.label),
          ': ',
          link(evidencePath(p.key, m.tiedBy.key), 'their post pairs'),
          '.',
        ),
      );

  root.append(el('h2', null, 'Edges by signal'));
  const signals = p.signals.filter((s) => p.bySignal[s] !== undefined);
  root.append(
    table(
      ['Signal', ['Edges', 'num'], ['Summed weight', 'num']],
      signals.map((s) => [
        el('span', { title: SIGNAL_DOCS[s]?.meaning ?? '' }, signalLabel(s), ' ', el('code', null, s)),
        [int(p.bySignal[s]?.edges), 'num'],
        [fixed(p.bySignal[s]?.weight, 1), 'num'],
      ]),
    ),
    el('p', { class: 'note' }, `${int(p.edges.length)} of ${int(p.edgesTotal)} edges, strongest first.`),
    el(
      'div',
      { class: 'scroll' },
      withTitles(
        table(
          [
            'With',
            ['Network', 'num'],
            [columnLabel('weight'), 'num'],
            [columnLabel('items'), 'num'],
            ...signals.map((s): [string, 'num'] => [columnLabel(`w_${s}`), 'num']),
            'Evidence',
          ],
          p.edges.map((e) => [
            link(accountPath(e.other), e.otherLabel),
            [String(e.network), 'num'],
            [fixed(e.weight, 1), 'num'],
            [int(e.items), 'num'],
            ...signals.map((s): [string, 'num'] => [fixed(e.signals[s] ?? 0, 1), 'num']),
            link(evidencePath(p.key, e.other), 'post pairs'),
          ]),
          { class: 'edges' },
        ),
        [
          'The other account, by handle or name',
          null,
          tip('weight'),
          tip('items'),
          ...signals.map((s) => SIGNAL_DOCS[s]?.meaning ?? null),
          'Every post pair that ties the two',
        ],
      ),
    ),
  );

  const rows = p.indicators[0];
  if (rows !== undefined) {
    root.append(
      el('h2', null, 'Indicators'),
      el(
        'p',
        { class: 'note' },
        'Its figures in each network and its inauthenticity indicators, from accounts.csv (the column name ' +
          'beside each; docs/run-folder.md explains them). Hover a label for what it means. Times are UTC.',
      ),
    );
    const keys = Object.keys(rows).filter((k) => !['Id', 'network', 'account', 'platform'].includes(k));
    root.append(
      table(
        ['Indicator', ...p.indicators.map((r) => `in network ${r.network ?? ''}`)],
        keys.map((k) => {
          const doc = columnDoc(k);
          return [
            el(
              'span',
              { class: 'indicator', title: tip(k) ?? '' },
              doc?.label ?? k,
              ' ',
              el('code', { class: 'muted' }, k),
            ),
            ...p.indicators.map((r) => formatCell(doc?.format, r[k])),
          ];
        }),
        { class: 'indicators' },
      ),
    );
  }

  const { page, pageSize, total, items } = p.posts;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  root.append(el('h2', null, 'Posts'));
  const pager = el('div', { class: 'pager' });
  if (page > 1) pager.append(el('a', { href: `?page=${page - 1}` }, '← newer'));
  pager.append(`page ${int(page)} of ${int(pages)} · ${int(total)} posts, newest first`);
  if (page < pages) pager.append(el('a', { href: `?page=${page + 1}` }, 'older →'));
  root.append(
    pager,
    table(
      ['Time (UTC)', 'Kind', 'Text', 'Links', 'Client', 'Post id'],
      items.map((x) => [
        stamp(x.time, true),
        kindCell(x),
        dataText('div', x.text ?? '', 'text'),
        el('div', null, ...x.urls.map((u) => el('div', null, safeLink(u)))),
        x.client === null ? el('span', { class: 'muted' }, 'unknown') : dataText('span', x.client),
        dataText('span', x.id, 'post-id mono'),
      ]),
      { class: 'posts' },
    ),
  );
}
