/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The report's opening: what was found, in words (each network's quotable sentence beside its strongest
// evidence, and the run's warnings), then what was analysed (files with SHA-256, posts, accounts, span,
// formats, rejected and merged rows), each network against chance, and the parameters.
import type { ReportData } from '../report-data.js';
import { runWarnings } from '../warnings.js';
import { dataPath, dataText, el, table } from './_dom.js';
import { bytes, duration, fixed, hoursBetween, int, ratio, stamp, utcSpan } from './_format.js';
import { headingNodes, renderStories, swatchOf } from './story.js';

const card = (value: string, label: string) =>
  el('div', { class: 'card' }, el('div', { class: 'v' }, value), el('div', { class: 'k' }, label));

export function renderSummary(data: ReportData): Node[] {
  const d = data.data;
  const c = data.candidates;
  const rejected = data.inputs.reduce((s, f) => s + f.rowsRejected, 0);
  const merged = data.inputs.reduce((s, f) => s + (f.rowsMerged ?? 0), 0);
  const found = data.networks.length;
  const out: Node[] = [
    el('h1', null, 'lockstep report'),
    el(
      'p',
      { class: 'lead' },
      `${found === 0 ? 'No network' : `${found} network${found === 1 ? '' : 's'}`} of accounts acting together beyond chance ` +
        `in ${int(d.posts)} posts by ${int(d.accounts)} accounts, ${utcSpan(d.start, d.end)}. ` +
        `${int(c.tested)} candidate communities were tested; ${int(c.setAside)} were set aside as within chance.`,
    ),
    ...runWarnings({ population: data.population, untimedPosts: d.untimedPosts }).map((w) =>
      el('p', { class: 'warning' }, el('strong', null, 'Warning: '), w),
    ),
    ...renderStories(data),
    el(
      'p',
      { class: 'note' },
      `lockstep ${data.tool.version}` +
        (data.created === null ? '' : `; run made ${stamp(data.created, true)} UTC`) +
        '. All times are UTC (offset +00:00). Coordination is not attribution: see Methods.',
    ),
    el(
      'div',
      { class: 'cards' },
      card(int(d.posts), 'posts'),
      card(int(d.accounts), 'accounts that posted'),
      card(duration(hoursBetween(d.start, d.end)), 'time span'),
      card(int(rejected), 'rejected rows'),
      ...(merged > 0 ? [card(int(merged), 'merged rows (repeated post ids)')] : []),
      card(int(found), 'networks beyond chance'),
      card(int(c.setAside), 'candidates set aside'),
    ),
    el('h2', { id: 'networks' }, 'Networks found'),
  ];
  if (found === 0) {
    out.push(el('p', null, 'No candidate community was beyond chance at these parameters.'));
  } else {
    const networks = table(
      [
        'network',
        ['accounts', 'num'],
        ['coordinated posts', 'num'],
        'active (UTC)',
        'binding signals',
        ['z', 'num'],
        ['O/E', 'num'],
        'top hashtag',
      ],
      data.networks.map((n) => {
        const link = el('a', { href: `#network-${n.id}` }, swatchOf(n.id), ...headingNodes(n));
        const tag = n.topHashtags[0];
        return [
          link,
          [int(n.size), 'num'],
          [int(n.posts), 'num'],
          el(
            'span',
            null,
            el('span', { class: 'nowrap' }, `${stamp(n.start)} –`),
            ' ',
            el('span', { class: 'nowrap' }, stamp(n.end)),
            ' ',
            el('span', { class: 'nowrap' }, `(${duration(hoursBetween(n.start, n.end))})`),
          ),
          n.binding.join(', '),
          [fixed(n.zScore, 1), 'num'],
          [ratio(n.ratio), 'num'],
          tag === undefined ? '–' : dataText('span', `#${tag.hashtag}`),
        ];
      }),
      { id: 'networks-table' },
    );
    // Rows carry their network id and size for whoever checks the table against networks.json.
    for (const [i, row] of [...(networks.tBodies[0]?.rows ?? [])].entries()) {
      const n = data.networks[i];
      if (n === undefined) continue;
      row.dataset.network = String(n.id);
      row.dataset.size = String(n.size);
    }
    out.push(networks);
    out.push(
      el(
        'p',
        { class: 'note' },
        'z: how many standard deviations the members\u2019 co-activity lies above what independent accounts with the same ' +
          'activity would produce; O/E: observed over expected co-activity. A signal binds a network when its own z and ' +
          'O/E pass the thresholds below.',
      ),
    );
  }
  out.push(el('h2', { id: 'data' }, 'Data analysed'), renderInputs(data));
  out.push(
    el(
      'p',
      { class: 'note' },
      `Formats: ${
        Object.entries(d.formats)
          .map(([f, k]) => `${f} (${k} file${k === 1 ? '' : 's'})`)
          .join(', ') || '–'
      }. ` +
        `${int(d.profiles)} account profiles; ${int(d.untimedPosts)} posts without a time (left out of detection and of the timelines).`,
    ),
  );
  out.push(el('h3', null, 'Parameters'));
  const params = el(
    'details',
    null,
    el('summary', null, 'Every detection parameter of this run (as in manifest.json)'),
  );
  params.append(
    table(
      ['parameter', 'value'],
      Object.entries(data.parameters).map(([k, v]) => [
        el('code', null, k),
        dataText('code', parameterText(v)),
      ]),
    ),
  );
  out.push(params);
  return out;
}

/**
 * A parameter's value as JSON with a space after each comma and colon, so that a list of domains or signals
 * wraps between its items instead of running one unbroken word past the page's edge.
 */
function parameterText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(parameterText).join(', ')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${parameterText(x)}`)
      .join(', ')}}`;
  return JSON.stringify(v) ?? String(v);
}

/**
 * The input files: one row of figures per file and under it, across the table, its SHA-256 on one line (64
 * characters in a column of their own wrapped to five lines at 900 px and sixteen at 700). Each file is a
 * tbody, so a printed page never separates a file from its hash.
 */
function renderInputs(data: ReportData): HTMLTableElement {
  const head: Array<string | [string, 'num']> = [
    'file',
    'format',
    ['bytes', 'num'],
    ['rows read', 'num'],
    ['loaded', 'num'],
    ['rejected', 'num'],
    'rejection reasons',
    ['merged', 'num'],
  ];
  const inputs = table(head, [], { class: 'inputs' });
  inputs.tBodies[0]?.remove();
  for (const f of data.inputs) {
    const cell = (c: Node | string | [string, 'num']) =>
      Array.isArray(c) ? el('td', { class: 'num' }, c[0]) : el('td', null, c);
    const figures = el(
      'tr',
      null,
      ...[
        dataPath(f.path),
        el('span', null, el('span', { class: 'nowrap' }, f.format), ` (${f.platform})`),
        [bytes(f.bytes), 'num'] as [string, 'num'],
        [int(f.rowsRead), 'num'] as [string, 'num'],
        [int(f.rowsLoaded), 'num'] as [string, 'num'],
        [int(f.rowsRejected), 'num'] as [string, 'num'],
        Object.entries(f.rejections).length === 0
          ? '–'
          : dataText(
              'span',
              Object.entries(f.rejections)
                .map(([r, k]) => `${r}: ${int(k)}`)
                .join('; '),
            ),
        [int(f.rowsMerged ?? 0), 'num'] as [string, 'num'],
      ].map(cell),
    );
    const hash = el(
      'tr',
      { class: 'hash-row' },
      el('td', { colspan: String(head.length) }, 'SHA-256 ', el('code', { class: 'hash' }, f.sha256)),
    );
    inputs.append(el('tbody', null, figures, hash));
  }
  return inputs;
}
