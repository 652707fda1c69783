/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The "Set aside as within chance" section, after the report's networks and under the UI's networks list
// (one module for both, as network-sections.ts is): the candidate groups chance explained (the largest first,
// each with why it went, its figures per signal and its members, large lists collapsed), then the members the
// member rule took out of reported networks. networks.json lists every one. The UI passes its own links.
import type { ReportData, ReportSetAsideCandidate } from '../report-data.js';
import { setAsideReason } from '../set-aside-words.js';
import { dataText, el, table } from './_dom.js';
import { fixed, int, ratio } from './_format.js';

/** The set-aside table's column of per-signal figures, shown on screen only. */
const FIGURES = 5;

/** Members shown open; a larger group's list is collapsed under its count. */
const OPEN_MEMBERS = 8;

type Member = { key: string; handle: string | null };

/** One member as its handle (or key when it has none), the key as the tooltip. */
export function memberNode(m: Member, tag: 'span' | 'a' = 'span'): HTMLElement {
  const node = dataText(tag, m.handle === null || m.handle === '' ? m.key : `@${m.handle}`);
  node.title = m.key;
  return node;
}

/** Members as a comma-separated list, collapsed under "N accounts" past OPEN_MEMBERS. */
export function memberList(members: Member[], total: number, node = (m: Member) => memberNode(m)): Node {
  const list = el('span', { class: 'members' });
  members.forEach((m, i) => {
    if (i > 0) list.append(', ');
    list.append(node(m));
  });
  if (total > members.length) list.append(`, and ${int(total - members.length)} more in networks.json`);
  if (total <= OPEN_MEMBERS) return list;
  return el('details', null, el('summary', null, `${int(total)} accounts`), list);
}

/** A candidate's figures per signal: O, E, z, O/E and the test that binds it (none when none does). */
export function signalTable(c: Pick<ReportSetAsideCandidate, 'signals'>): HTMLTableElement {
  return table(
    ['signal', ['O', 'num'], ['E', 'num'], ['z', 'num'], ['O/E', 'num'], 'test'],
    Object.entries(c.signals).map(([s, f]) => [
      s,
      [int(f.observed), 'num'],
      [fixed(f.expected, 1), 'num'],
      [fixed(f.zScore, 1), 'num'],
      [ratio(f.ratio), 'num'],
      f.test ?? 'none binds',
    ]),
    { class: 'signal-figures' },
  );
}

/** What the section reads: the report's data, or the UI's networks payload (the same fields). */
export type SetAsideInput = Pick<ReportData, 'setAside' | 'candidates' | 'parameters'>;

/** How members and networks link: in the report, to nothing and to the network's section; the UI's pages. */
export interface SetAsideLinks {
  member: (m: Member) => HTMLElement;
  network: (id: number) => HTMLElement;
}

const REPORT_LINKS: SetAsideLinks = {
  member: (m) => memberNode(m),
  network: (id) => el('a', { href: `#network-${id}` }, `Network ${id}`),
};

export function renderSetAside(data: SetAsideInput, links: SetAsideLinks = REPORT_LINKS): Node[] {
  const s = data.setAside;
  const out: Node[] = [el('h2', { id: 'set-aside' }, 'Set aside as within chance')];
  if (s === null) {
    out.push(
      el(
        'p',
        { class: 'note' },
        `${int(data.candidates.setAside)} candidate groups were set aside; this run folder was written before ` +
          'networks.json listed them (run lockstep analyze again to see them).',
      ),
    );
    return out;
  }
  const minAccounts = Number(data.parameters.minAccounts ?? 0);
  out.push(
    el(
      'p',
      null,
      `${int(s.candidatesTotal)} candidate group${s.candidatesTotal === 1 ? ' was' : 's were'} tested and ` +
        'set aside: independent accounts with the same activity would do what they did together. They are not ' +
        'networks; they are listed so that what chance explained can be checked. ' +
        (s.candidatesTotal > s.candidates.length
          ? `The largest ${int(s.candidates.length)} are shown; networks.json lists all ${int(s.candidatesTotal)}.`
          : ''),
    ),
  );
  if (s.candidates.length > 0) {
    const rows = table(
      ['group', ['accounts', 'num'], 'why set aside', ['z', 'num'], ['O/E', 'num'], 'figures', 'members'],
      s.candidates.map((c) => [
        `${c.id}${c.joined ? ' (joined)' : ''}`,
        [int(c.size), 'num'],
        setAsideReason(c, minAccounts),
        [fixed(c.zScore, 1), 'num'],
        [ratio(c.ratio), 'num'],
        el('details', null, el('summary', null, 'per signal'), signalTable(c)),
        memberList(c.members, c.membersTotal, links.member),
      ]),
      { id: 'set-aside-table' },
    );
    for (const [i, row] of [...(rows.tBodies[0]?.rows ?? [])].entries()) {
      const c = s.candidates[i];
      if (c === undefined) continue;
      row.dataset.candidate = String(c.id);
      row.dataset.size = String(c.size);
    }
    // On paper the per-signal tables, opened, would take a page per few groups, mostly zeros: left out there.
    for (const row of rows.rows) row.cells[FIGURES]?.classList.add('screen-only');
    out.push(rows);
    out.push(
      el(
        'p',
        { class: 'note' },
        'z and O/E: the group as found, its strongest signal. O: member pairs sharing an item in a window; E: ' +
          'what independent accounts would give. A signal binds when its z and O/E pass the thresholds (Methods).',
      ),
      el(
        'p',
        { class: 'note print-only' },
        'Each group\u2019s figures per signal are left out on paper; the report on screen and networks.json give them.',
      ),
    );
  }
  out.push(el('h3', { id: 'pruned' }, 'Members set aside from reported networks'));
  if (s.prunedTotal === 0) {
    out.push(el('p', null, 'The member rule set aside no member of a reported network.'));
    return out;
  }
  out.push(
    el(
      'p',
      null,
      `The grouping put ${int(s.prunedTotal)} more account${s.prunedTotal === 1 ? '' : 's'} in reported ` +
        'networks whose own co-activity with the rest chance explains (member rule, Methods); they are not ' +
        'members.' +
        (s.prunedTotal > s.pruned.length
          ? ` The first ${int(s.pruned.length)} are shown; networks.json lists all.`
          : ''),
    ),
    table(
      ['network', 'account', ['member z', 'num'], ['member O/E', 'num']],
      s.pruned.map((m) => [
        links.network(m.network),
        links.member(m),
        [fixed(m.memberZScore, 1), 'num'],
        [ratio(m.memberRatio), 'num'],
      ]),
      { id: 'pruned-table' },
    ),
  );
  return out;
}
