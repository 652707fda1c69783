// Turns a post's parts (body, hashtags, links, mentions) into the archive's text, hashtags and urls cells,
// and writes the everyday bodies organic users post. Spelling habits are applied here, so every component
// gets the same mix of variants.

import {
  ENGLISH_LINES,
  OPENERS,
  ORGANIC_TAGS,
  PREDICATES,
  REPLIES,
  SUBJECTS,
  TAILS,
  THOUGHTS,
} from './_lexicon-posts.js';
import { pyList, spell, spellTag, tco } from './_spelling.js';
import { Lang } from './_tables.js';
import type { Rng } from './rng.js';

export interface Draft {
  text: string;
  hashtags: string;
  urls: string;
  lang: number;
}

export interface FinishOptions {
  /** Leading mentions (`@a @b `) or other text that must not be re-spelled. */
  prefix?: string;
  /** Trailing mentions, after the hashtags. */
  suffix?: string;
  /** Chance of a tatweel or diacritic in the body. */
  extras?: number;
  lang?: number;
  /** Where the hashtags go; random by default. */
  tagsAt?: 'start' | 'end' | 'newline';
}

export function finish(
  rng: Rng,
  style: number,
  body: string,
  tags: readonly string[],
  urls: readonly string[],
  options: FinishOptions = {},
): Draft {
  let text = body === '' ? '' : spell(body, style, rng, options.extras ?? 0.05);
  const written: string[] = [];
  if (tags.length > 0) {
    let line = '';
    for (const tag of tags) {
      const spelled = spellTag(tag, style, rng);
      written.push(spelled);
      line += line === '' ? `#${spelled}` : ` #${spelled}`;
    }
    const at = options.tagsAt ?? (rng.chance(0.12) ? 'start' : rng.chance(0.2) ? 'newline' : 'end');
    if (text === '') text = line;
    else if (at === 'start') text = `${line} ${text}`;
    else text += at === 'newline' ? `\n\n${line}` : ` ${line}`;
  }
  if (options.suffix !== undefined) text += ` ${options.suffix}`;
  for (let i = 0; i < urls.length; i++) text += text === '' ? tco(rng) : ` ${tco(rng)}`;
  if (options.prefix !== undefined) text = options.prefix + text;
  return { text, hashtags: pyList(written), urls: pyList(urls), lang: options.lang ?? Lang.fa };
}

const TAG_WEIGHTS = ORGANIC_TAGS.map(([, w]) => w);

/** Zero to two everyday hashtags, mostly the protest-era trends. */
export function organicTags(rng: Rng, share = 0.3): string[] {
  if (!rng.chance(share)) return [];
  const first = ORGANIC_TAGS[rng.weighted(TAG_WEIGHTS)]?.[0] as string;
  if (!rng.chance(0.3)) return [first];
  const second = ORGANIC_TAGS[rng.weighted(TAG_WEIGHTS)]?.[0] as string;
  return second === first ? [first] : [first, second];
}

function clause(rng: Rng): string {
  return `${rng.pick(SUBJECTS)} ${rng.pick(PREDICATES)}`;
}

/** An everyday post body: one or two clauses, sometimes a protest remark, now and then English. */
export function everydayBody(rng: Rng): { body: string; lang: number } {
  const form = rng.next();
  if (form < 0.08) {
    const line = rng.pick(ENGLISH_LINES);
    const more = rng.next();
    const body =
      more < 0.3 ? line : more < 0.6 ? `${line}. ${rng.pick(ENGLISH_LINES)}` : `${line} ${rng.pick(TAILS)}`;
    return { body, lang: Lang.en };
  }
  // A stock sentence on its own stays a small share: people do repeat them, and detectors must live with it.
  let body: string;
  if (form < 0.45) {
    body = `${rng.chance(0.6) ? `${rng.pick(OPENERS)} ` : ''}${clause(rng)}`;
  } else if (form < 0.55) {
    body = rng.pick(THOUGHTS);
  } else if (form < 0.82) {
    body = rng.chance(0.5)
      ? `${clause(rng)}. ${rng.pick(THOUGHTS)}`
      : `${rng.pick(THOUGHTS)}. ${clause(rng)}`;
  } else if (form < 0.9) {
    body = `${rng.between(2, 40)} روزه که ${clause(rng)}`;
  } else {
    body = `${rng.pick(OPENERS)} ${clause(rng)}، ${clause(rng)}`;
  }
  if (rng.chance(0.5)) body += ` ${rng.pick(TAILS)}`;
  return { body, lang: Lang.fa };
}

/** What someone writes under another post. */
export function replyBody(rng: Rng): { body: string; lang: number } {
  const first = rng.pick(REPLIES);
  const english = /^[A-Z]/.test(first);
  if (english || !rng.chance(0.4)) return { body: first, lang: english ? Lang.en : Lang.fa };
  return { body: `${first}. ${rng.chance(0.5) ? rng.pick(THOUGHTS) : clause(rng)}`, lang: Lang.fa };
}
