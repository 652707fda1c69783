/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The networks list: the run's warnings, then a table sortable by any column (click its header) and filtered
// by a text box that matches ids, labels, signals and top hashtags. Labels as in the report (story.ts). Then
// the candidates set aside as within chance (the report's set-aside.ts, with links to the UI's pages).
import { dataText, el, partsNodes } from '../../report/html/client/_dom.js';
import { duration, fixed, hoursBetween, int, ratio, utcSpan } from '../../report/html/client/_format.js';
import { renderSetAside } from '../../report/html/client/set-aside.js';
import { networkLabel } from '../../report/html/story.js';
import { runWarnings } from '../../report/html/warnings.js';
import { signalLabel } from '../../report/labels.js';
import type { NetworkRow, NetworksPayload } from '../views/networks.js';
import { accountPath, link, networkPath } from './_links.js';

type Column = {
  label: string;
  num: boolean;
  value: (n: NetworkRow) => number | string;
  cell: (n: NetworkRow) => Node | string;
};

const COLUMNS: Column[] = [
  {
    label: 'Network',
    num: false,
    value: (n) => n.id,
    cell: (n) => {
      const a = link(networkPath(n.id), `Network ${n.id}: `);
      a.append(...partsNodes(networkLabel(n.subject, n.id, n.size)));
      return a;
    },
  },
  { label: 'Accounts', num: true, value: (n) => n.size, cell: (n) => int(n.size) },
  { label: 'Coordinated posts', num: true, value: (n) => n.posts, cell: (n) => int(n.posts) },
  {
    label: 'Span',
    num: true,
    value: (n) => hoursBetween(n.start, n.end) ?? -1,
    cell: (n) => duration(hoursBetween(n.start, n.end)),
  },
  {
    label: 'Binding signals',
    num: false,
    value: (n) => n.binding.map(signalLabel).join(', '),
    // Each name kept whole on its line ("Near-duplicate text" would break at its hyphen).
    cell: (n) =>
      el(
        'span',
        null,
        ...n.binding.flatMap((b, i) => [i > 0 ? ', ' : '', el('span', { class: 'nowrap' }, signalLabel(b))]),
      ),
  },
  { label: 'z', num: true, value: (n) => n.zScore, cell: (n) => fixed(n.zScore, 1) },
  { label: 'O/E', num: true, value: (n) => n.ratio, cell: (n) => ratio(n.ratio) },
  {
    label: 'Top hashtag',
    num: false,
    value: (n) => n.topHashtag ?? '',
    cell: (n) => dataText('span', n.topHashtag === null ? '–' : `#${n.topHashtag}`),
  },
];

export function renderNetworks(root: HTMLElement, p: NetworksPayload): void {
  document.title = `lockstep: ${p.networks.length} networks`;
  const d = p.data;
  root.append(
    el('h1', null, 'Networks'),
    el(
      'p',
      { class: 'lead' },
      `${int(p.networks.length)} coordinated networks beyond chance in ${int(d.posts)} posts by ${int(d.accounts)} accounts, ` +
        `${utcSpan(d.start, d.end)}; ${int(p.candidates.setAside)} candidate communities were within chance and set aside.`,
    ),
    ...runWarnings({ population: p.population ?? null, untimedPosts: d.untimedPosts }).map((w) =>
      el('p', { class: 'warning' }, el('strong', null, 'Warning: '), w),
    ),
  );
  const filter = el('input', {
    type: 'search',
    placeholder: 'Filter: id, signal, hashtag',
    'aria-label': 'filter networks',
  });
  const tbody = el('tbody');
  const heads = COLUMNS.map((c, i) => {
    const th = el(
      'th',
      { class: c.num ? 'num sortable' : 'sortable', scope: 'col', 'data-col': String(i) },
      c.label,
    );
    th.addEventListener('click', () => sortBy(i));
    return th;
  });
  let sortCol = 0;
  let ascending = true;
  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    const col = COLUMNS[sortCol] ?? (COLUMNS[0] as Column);
    const rows = p.networks
      .filter((n) =>
        q === ''
          ? true
          : [
              `${n.id}`,
              ...n.binding,
              ...n.binding.map(signalLabel),
              n.topHashtag ?? '',
              n.subject?.text ?? '',
            ].some((x) => x.toLowerCase().includes(q)),
      )
      .sort((x, y) => {
        const [a, b] = [col.value(x), col.value(y)];
        const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
        return (ascending ? c : -c) || x.id - y.id;
      });
    tbody.replaceChildren(
      ...rows.map((n) =>
        el(
          'tr',
          { 'data-network': String(n.id), 'data-size': String(n.size) },
          ...COLUMNS.map((c) => el('td', c.num ? { class: 'num' } : null, c.cell(n))),
        ),
      ),
    );
    heads.forEach((h, i) => {
      if (i === sortCol) h.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      else h.removeAttribute('aria-sort');
    });
  };
  const sortBy = (i: number) => {
    ascending = i === sortCol ? !ascending : !(COLUMNS[i]?.num ?? false);
    sortCol = i;
    draw();
  };
  filter.addEventListener('input', draw);
  root.append(
    el('p', null, filter),
    el('table', { id: 'networks-table' }, el('thead', null, el('tr', null, ...heads)), tbody),
    el(
      'p',
      { class: 'note' },
      `lockstep ${p.tool.version}; co-activity window ${int(Number(p.parameters.windowSeconds))} s.`,
    ),
    ...renderSetAside(p, {
      member: (m) => {
        const a = link(accountPath(m.key), m.handle === null || m.handle === '' ? m.key : `@${m.handle}`);
        a.title = m.key;
        return a;
      },
      network: (id) => link(networkPath(id), `Network ${id}`),
    }),
  );
  draw();
}
