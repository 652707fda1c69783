// `lockstep analyze --show-set-aside`: the candidate groups chance explained and the members pruned from
// reported networks, as plain text after the summary (the largest SHOW_SET_ASIDE.candidates; networks.json
// lists all). Account names come from the data: control and invisible format characters are shown as marks
// (`⟨U+001B⟩`), so a handle cannot move the cursor, recolour the terminal or reorder what it shows.
import type { SetAsideAccount, SetAsideDescription } from '../networks/index.js';
import { invisibleMark, revealInvisibles, setAsideReason } from '../report/html/index.js';

export const SHOW_SET_ASIDE = { candidates: 20, members: 12, pruned: 50 };

export function formatSetAside(s: SetAsideDescription, minAccounts: number): string {
  const lines: string[] = [];
  const total = s.candidates.length;
  lines.push(
    `set aside as within chance: ${n(total)} candidate group${total === 1 ? '' : 's'}` +
      (total > SHOW_SET_ASIDE.candidates
        ? ` (the largest ${SHOW_SET_ASIDE.candidates} below; networks.json lists all)`
        : ''),
  );
  for (const c of s.candidates.slice(0, SHOW_SET_ASIDE.candidates)) {
    lines.push(
      `  group ${c.id}: ${n(c.size)} accounts, ${setAsideReason(c, minAccounts)}; z ${c.zScore.toFixed(1)}, ` +
        `O/E ${ratio(c.ratio)}${c.joined ? ' (joined)' : ''}`,
    );
    const figures = Object.entries(c.signals)
      .filter(([, f]) => f.observed > 0)
      .map(
        ([sig, f]) =>
          `${sig} O ${n(f.observed)} E ${f.expected.toFixed(1)} z ${f.zScore.toFixed(1)} O/E ${ratio(f.ratio)}` +
          (f.test === null ? '' : ` (${f.test})`),
      );
    if (figures.length > 0) lines.push(`    ${figures.join('; ')}`);
    lines.push(`    members: ${names(c.members, SHOW_SET_ASIDE.members)}`);
  }
  const pruned = s.pruned;
  lines.push(
    `pruned from reported networks by the member rule: ${n(pruned.length)} account${pruned.length === 1 ? '' : 's'}`,
  );
  for (const m of pruned.slice(0, SHOW_SET_ASIDE.pruned))
    lines.push(
      `  #${m.network}: ${name(m)} (member z ${m.memberZScore?.toFixed(1) ?? '–'}, O/E ${ratio(m.memberRatio)})`,
    );
  if (pruned.length > SHOW_SET_ASIDE.pruned)
    lines.push(`  and ${n(pruned.length - SHOW_SET_ASIDE.pruned)} more in networks.json`);
  return lines.join('\n');
}

const names = (members: SetAsideAccount[], max: number) =>
  members.slice(0, max).map(name).join(', ') +
  (members.length > max ? `, and ${n(members.length - max)} more` : '');

/** `@handle (key)`, or the key alone; data characters that could act on a terminal shown as marks. */
const name = (m: Pick<SetAsideAccount, 'key' | 'handle'>) =>
  terminalText(m.handle === null || m.handle === '' ? m.key : `@${m.handle} (${m.key})`);

export const terminalText = (text: string) =>
  revealInvisibles(text).replace(/\p{Cc}/gu, (c) => invisibleMark(c));

const n = (value: number) => value.toLocaleString('en-US');
const ratio = (x: number | null) => (x === null ? '–' : x >= 1e6 ? '> 1e6' : x.toFixed(1));
