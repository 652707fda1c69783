/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// One evidence pair as the report shows it: which signal ties the two accounts, how many items they share,
// how far apart the two posts are, and the two posts side by side (or stacked, beside a network's story).
import type { ReportEvidencePair, ReportNetwork } from '../report-data.js';
import { dataText, el } from './_dom.js';
import { fixed, int, stamp } from './_format.js';

/** What each signal's evidence pair shows, in words. */
export const SIGNAL_WORDS: Record<string, string> = {
  corepost: 'Same post reposted',
  cohashtag: 'Same hashtag',
  colink: 'Same link',
  codomain: 'Same site linked',
  neardup: 'Near-identical text',
  comention: 'Same account mentioned',
  coreply: 'Replies to the same post',
};

/** `@handle` for a member's key, else the key itself. */
export function memberName(n: Pick<ReportNetwork, 'accounts'>): (key: string) => string {
  const byKey = new Map(n.accounts.map((a) => [a.key, a]));
  return (key) => {
    const a = byKey.get(key);
    return a?.handle == null ? key : `@${a.handle}`;
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
      `${SIGNAL_WORDS[e.signal] ?? e.signal} (`,
      el('code', null, e.signal),
      '): ',
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
