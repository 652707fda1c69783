/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// One evidence pair as the report shows it: what the two posts share (the item named: `#kochfarms`, the
// link, the text) and which signal that is, how many items the two accounts share, how far apart the two
// posts are, and the two posts side by side (or stacked, beside a network's story).
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

export function renderEvidencePair(
  n: Pick<ReportNetwork, 'accounts'>,
  e: ReportEvidencePair,
  stacked = false,
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
  const gap = Math.abs(Date.parse(e.b.time) - Date.parse(e.a.time)) / 1000;
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
      ` share ${int(e.items)} items (edge weight ${fixed(e.weight, 1)}); these two posts are ${Number.isFinite(gap) ? gapText(gap) : '–'} apart.`,
    ),
    post(e.source, e.a),
    post(e.target, e.b),
  );
}

function gapText(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${fixed(seconds / 3600, 1)} h`;
}
