/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// One evidence pair as the report shows it: what the two posts share (the item named: `#kochfarms`, the
// link, the text) and which signal that is, how many items the two accounts share, how far apart the two
// posts are, and the two posts side by side (or stacked, beside a network's story). And the evidence of the
// members with no edge, and the accounts nothing ties to their network (shared with the UI).
import { accountLabel } from '../../labels.js';
import type { ReportEvidencePair, ReportNetwork } from '../report-data.js';
import { dataText, el } from './_dom.js';
import { fixed, int, stamp } from './_format.js';
import { sharedItemNodes } from './network-sections.js';

/** A member's name (`@handle`, else its name, else its id: accountLabel) for its key, else the key itself. */
export function memberName(n: Pick<ReportNetwork, 'accounts'>): (key: string) => string {
  const byKey = new Map(n.accounts.map((a) => [a.key, a]));
  return (key) => {
    const a = byKey.get(key);
    return a === undefined ? key : accountLabel(a);
  };
}

/**
 * One pair; `tail` replaces what is said of the two accounts' edge ("share 16 items (edge weight 35.2); these
 * two posts are 4 min apart.") for a pair of members with no edge.
 */
export function renderEvidencePair(
  n: Pick<ReportNetwork, 'accounts'>,
  e: ReportEvidencePair,
  stacked = false,
  tail: string | null = null,
): HTMLElement {
  const who = memberName(n);
  const post = (key: string, p: ReportEvidencePair['a']) =>
    el(
      'div',
      { class: 'post' },
      el(
        'div',
        { class: 'meta' },
        dataText('bdi', who(key)),
        ' · post ',
        dataText('code', p.id, 'post-id'),
        ' · ',
        el('span', { class: 'nowrap' }, `${stamp(p.time, true)} UTC`),
        ...(p.replyTo ? [' · in reply to post ', dataText('code', p.replyTo, 'post-id')] : []),
        ...(p.shares ? [' · sharing post ', dataText('code', p.shares, 'post-id')] : []),
      ),
      dataText('div', p.text ?? '(no text)', 'text'),
    );
  return el(
    'div',
    { class: stacked ? 'evidence stacked' : 'evidence', 'data-signal': e.signal },
    el(
      'div',
      { class: 'head' },
      ...sharedItemNodes(e),
      ': ',
      dataText('bdi', who(e.source)),
      ' and ',
      dataText('bdi', who(e.target)),
      tail === null
        ? ` share ${int(e.items)} items (edge weight ${fixed(e.weight, 1)}); these two posts are ${gapText(e.a.time, e.b.time)} apart.`
        : `: ${tail}`,
    ),
    post(e.source, e.a),
    post(e.target, e.b),
  );
}

/** How far apart two post times are: `42 s`, `7 min`, `3.5 h`. */
export function gapText(a: string, b: string): string {
  const seconds = Math.abs(Date.parse(b) - Date.parse(a)) / 1000;
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${fixed(seconds / 3600, 1)} h`;
}

/**
 * The members with no edge inside the network, each with the posts it shares with the member it shares the
 * most with; and the accounts detection kept that share nothing with the others, which are not listed.
 * Both are absent from run folders written before they were given.
 */
export function renderMemberEvidence(
  n: Pick<ReportNetwork, 'accounts' | 'memberEvidence' | 'unbacked'>,
): Node[] {
  const who = memberName(n);
  const out: Node[] = [];
  for (const m of n.memberEvidence ?? []) {
    out.push(
      el(
        'p',
        { class: 'member-evidence', 'data-member': m.account },
        el('strong', null, dataText('bdi', who(m.account)), ' has no edge in this network: '),
        `it was kept for its own co-activity with the network, counted on every item it shares in a window with another member (an edge needs several). It shares ${int(m.items)} item-window${m.items === 1 ? '' : 's'} with `,
        dataText('bdi', who(m.with)),
        m.pairs.length > 0 ? '; their posts:' : '.',
      ),
      ...m.pairs.map((p) =>
        renderEvidencePair(
          n,
          { source: m.account, target: m.with, weight: 0, items: m.items, ...p },
          false,
          `these two posts are ${gapText(p.a.time, p.b.time)} apart.`,
        ),
      ),
    );
  }
  const unbacked = n.unbacked ?? [];
  if (unbacked.length > 0)
    out.push(
      el(
        'p',
        { class: 'note unbacked' },
        `${int(unbacked.length)} account${unbacked.length === 1 ? '' : 's'} the detection kept in this network ` +
          'share no item in a window with any other member and have no edge, so nothing here could show why; ' +
          'they are not listed as members (networks.json, `unbacked`): ',
        ...unbacked.flatMap((u, i) => [i > 0 ? ', ' : '', dataText('bdi', accountLabel(u))]),
        '.',
      ),
    );
  return out;
}
