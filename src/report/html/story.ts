// What a network is, in words: a descriptive label ("#kochfarms · 76 accounts") and one sentence a journalist
// can quote (who, how many accounts, what share of which tag or link, when, how sure). Both are parts:
// lockstep's own text as strings and each data string (a tag, a handle, a link) apart, so the page can put
// every data string in its own isolate and a plain-text view can mark it. Shared by the report and the UI.
import type { NetworkDescription } from '../../networks/index.js';
import { accountLabel, type Nameable } from '../labels.js';
import { type ChanceOdds, chanceOdds } from './chance-words.js';
import { duration, hoursBetween, int, pct } from './client/_format.js';

/** lockstep's own words (a string), or a string from the data to show in its own isolate. */
export type StoryPart = string | { data: string };

/** What the network is about (networkSubject). */
export interface NetworkSubject {
  kind: 'hashtag' | 'link' | 'domain' | 'text';
  /** As shown: `#tag`, the URL, the domain, or the text. */
  text: string;
  /** The network's posts with it, all posts with it in the data, and the share (hashtag, link, site). */
  posts: number;
  totalPosts: number;
  share: number;
  /** Accounts that posted it (text only; 0 otherwise). */
  accounts: number;
}

type Tops = Pick<NetworkDescription, 'topHashtags' | 'topLinks' | 'topDomains' | 'topTexts'>;

/** Characters of a subject shown in a label; the sentence and the tables give it whole. */
export const LABEL_CHARS = 40;

/**
 * What the network is about: of its top hashtags, links and sites, the one it most clearly made its own,
 * scored as posts × share² (many of its posts, and most of everyone's posts with it: 8,729 of 12,613 posts
 * with a tag beats 702 of 2,884 links to youtube.com, and a protest tag the network used twice among 9,072
 * posts scores nothing); ties go to hashtags, then links. Without any, its most repeated text.
 */
export function networkSubject(n: Tops): NetworkSubject | null {
  const candidates: NetworkSubject[] = [
    ...n.topHashtags.map((h) => ({
      kind: 'hashtag' as const,
      text: `#${h.hashtag}`,
      ...shareOf(h),
      accounts: 0,
    })),
    ...n.topLinks.map((l) => ({ kind: 'link' as const, text: l.url, ...shareOf(l), accounts: 0 })),
    ...n.topDomains.map((d) => ({ kind: 'domain' as const, text: d.domain, ...shareOf(d), accounts: 0 })),
  ];
  let best: NetworkSubject | null = null;
  for (const c of candidates) if (best === null || score(c) > score(best)) best = c;
  if (best !== null) return best;
  const text = n.topTexts.find((t) => t.posts > 1);
  if (text !== undefined)
    return {
      kind: 'text',
      text: (text.example ?? text.text).replace(/\s+/g, ' ').trim(),
      posts: text.posts,
      totalPosts: text.posts,
      share: 1,
      accounts: text.accounts,
    };
  return null;
}

const score = (s: NetworkSubject) => s.posts * s.share * s.share;

const shareOf = (v: { posts: number; totalPosts: number; share: number }) => ({
  posts: v.posts,
  totalPosts: v.totalPosts,
  share: v.share,
});

/** `text` cut to `chars` code points (never inside a surrogate pair), with an ellipsis when cut. */
export function shorten(text: string, chars = LABEL_CHARS): string {
  const points = [...text];
  return points.length <= chars ? text : `${points.slice(0, chars - 1).join('')}…`;
}

/** A link as a label: no scheme, cut to LABEL_CHARS. */
const linkLabel = (url: string) => shorten(url.replace(/^https?:\/\//i, ''));

/** The label parts: `#kochfarms · 76 accounts`, or `Network 3 · 8 accounts` when it has no subject. */
export function networkLabel(subject: NetworkSubject | null, id: number, size: number): StoryPart[] {
  const accounts = ` · ${int(size)} account${size === 1 ? '' : 's'}`;
  if (subject === null) return [`Network ${id}${accounts}`];
  const text =
    subject.kind === 'link'
      ? linkLabel(subject.text)
      : subject.kind === 'text'
        ? `“${shorten(subject.text, LABEL_CHARS - 2)}”`
        : shorten(subject.text);
  return [{ data: text }, accounts];
}

/** The label as one plain string, each data part passed through `data` (e.g. isolateText). */
export function partsText(parts: StoryPart[], data: (text: string) => string = (t) => t): string {
  return parts.map((p) => (typeof p === 'string' ? p : data(p.data))).join('');
}

type StoryNetwork = Tops &
  Pick<NetworkDescription, 'id' | 'size' | 'posts' | 'start' | 'end' | 'zScore'> & {
    accounts: ReadonlyArray<Nameable>;
  };

/** How many of the most central members the sentence names. */
export const STORY_NAMED_ACCOUNTS = 3;

/**
 * The quotable sentence: "76 accounts, among them @a, @b and @c, produced 68% of the 3,584 posts with
 * #kochfarms in the data (2,424 posts) between 13 May 2015 and 16 Dec 2015 (216.1 days). Independent
 * accounts, each as active as these, would act this much together less than once in a billion datasets."
 * `signals` and `candidates`: what the run looked at, for the odds (chance-words.ts).
 */
export function networkStory(
  n: StoryNetwork,
  signals: number,
  candidates: number,
): { parts: StoryPart[]; odds: ChanceOdds } {
  const parts: StoryPart[] = [`${int(n.size)} account${n.size === 1 ? '' : 's'}`];
  const named = n.accounts.slice(0, STORY_NAMED_ACCOUNTS).map(accountLabel);
  if (named.length > 0 && n.size > named.length) parts.push(', among them ');
  else if (named.length > 0) parts.push(' (');
  named.forEach((name, i) => {
    if (i > 0) parts.push(i === named.length - 1 ? ' and ' : ', ');
    parts.push({ data: name });
  });
  if (named.length > 0) parts.push(n.size > named.length ? ',' : ')');
  const s = networkSubject(n);
  if (s === null) parts.push(` made ${int(n.posts)} coordinated posts`);
  else if (s.kind === 'text')
    parts.push(` posted the same text ${int(s.posts)} times, `, { data: `“${s.text}”` }, ',');
  else {
    const what = s.kind === 'hashtag' ? 'posts with ' : 'posts linking to ';
    parts.push(` produced ${pct(s.share)} of the ${int(s.totalPosts)} ${what}`, { data: s.text });
    parts.push(` in the data (${int(s.posts)} post${s.posts === 1 ? '' : 's'})`);
  }
  parts.push(` ${when(n.start, n.end)}.`);
  const odds = chanceOdds(n.zScore, signals, candidates);
  parts.push(` Independent accounts, each as active as these, would act this much together ${odds.words}.`);
  return { parts, odds };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `13 May 2015`, in UTC. */
export function day(iso: string): string {
  const d = new Date(Date.parse(iso));
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function when(start: string | null, end: string | null): string {
  if (start === null || end === null) return 'at times the data does not give';
  const span = duration(hoursBetween(start, end));
  if (day(start) === day(end)) return `on ${day(start)} (UTC, within ${span})`;
  return `between ${day(start)} and ${day(end)} (UTC, ${span})`;
}
