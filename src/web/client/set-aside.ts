/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The networks list's section on what chance explained: the candidate groups set aside (why, figures per
// signal, members linked to their account pages, large lists collapsed) and the members the member rule took
// out of reported networks. The words and tables are the report's (report/html/client/set-aside.ts).
import { el, table } from '../../report/html/client/_dom.js';
import { fixed, int, ratio } from '../../report/html/client/_format.js';
import { memberList, signalTable } from '../../report/html/client/set-aside.js';
import { setAsideReason } from '../../report/html/set-aside-words.js';
import type { NetworksPayload } from '../views/networks.js';
import { accountPath, link, networkPath } from './_links.js';

const memberLink = (m: { key: string; handle: string | null }) => {
  const a = link(accountPath(m.key), m.handle === null || m.handle === '' ? m.key : `@${m.handle}`);
  a.title = m.key;
  return a;
};

export function renderSetAside(p: NetworksPayload): Node[] {
  const s = p.setAside;
  const out: Node[] = [el('h2', { id: 'set-aside' }, 'Set aside as within chance')];
  if (s === null) {
    out.push(
      el(
        'p',
        { class: 'note' },
        `${int(p.candidates.setAside)} candidate groups were set aside; this run folder was written before ` +
          'networks.json listed them (run lockstep analyze again to see them).',
      ),
    );
    return out;
  }
  out.push(
    el(
      'p',
      null,
      `${int(s.candidatesTotal)} candidate group${s.candidatesTotal === 1 ? ' was' : 's were'} set aside: ` +
        'independent accounts with the same activity would do what they did together. ' +
        (s.candidatesTotal > s.candidates.length
          ? `The largest ${int(s.candidates.length)} are listed; networks.json lists all.`
          : ''),
    ),
  );
  if (s.candidates.length > 0) {
    const minAccounts = Number(p.parameters.minAccounts ?? 0);
    const rows = table(
      ['group', ['accounts', 'num'], 'why set aside', ['z', 'num'], ['O/E', 'num'], 'figures', 'members'],
      s.candidates.map((c) => [
        `${c.id}${c.joined ? ' (joined)' : ''}`,
        [int(c.size), 'num'],
        setAsideReason(c, minAccounts),
        [fixed(c.zScore, 1), 'num'],
        [ratio(c.ratio), 'num'],
        el('details', null, el('summary', null, 'per signal'), signalTable(c)),
        memberList(c.members, c.membersTotal, memberLink),
      ]),
      { id: 'set-aside-table' },
    );
    for (const [i, row] of [...(rows.tBodies[0]?.rows ?? [])].entries()) {
      const c = s.candidates[i];
      if (c !== undefined) row.dataset.candidate = String(c.id);
    }
    out.push(rows);
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
      `${int(s.prunedTotal)} account${s.prunedTotal === 1 ? '' : 's'} the grouping put in reported networks ` +
        'whose own co-activity with the rest chance explains (the member rule); they are not members.' +
        (s.prunedTotal > s.pruned.length ? ` The first ${int(s.pruned.length)} are listed.` : ''),
    ),
    table(
      ['network', 'account', ['member z', 'num'], ['member O/E', 'num']],
      s.pruned.map((m) => [
        link(networkPath(m.network), `Network ${m.network}`),
        memberLink(m),
        [fixed(m.memberZScore, 1), 'num'],
        [ratio(m.memberRatio), 'num'],
      ]),
      { id: 'pruned-table' },
    ),
  );
  return out;
}
