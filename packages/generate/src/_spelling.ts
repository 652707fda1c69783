// The spelling variants real Persian posts mix, which a normaliser must undo: Arabic yeh/kaf from Arabic
// keyboards, ZWNJ written as space or dropped, '_' or ZWNJ inside hashtags, three digit sets, tatweel and
// diacritics; and the URL variants (www, tracking parameters, trailing slash) of one canonical link.
import type { Rng } from './rng.js';

/** Style bits: an account's writing habits, fixed when the account is made. */
const ARABIC_KEYBOARD = 1;
const ZWNJ_AS_SPACE = 2;
const ZWNJ_DROPPED = 4;
const DIGITS_ASCII = 8;
const DIGITS_ARABIC = 16;
const TAG_ZWNJ = 32;
/** Bots rotate their spelling per post to dodge exact-match filters. */
const MIXER = 64;

const ZWNJ = '\u200c';
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const CONNECTING = 'بپتثجچحخسشصضطظعغفقکگلمنهیئ';
const DIACRITICS = ['\u064e', '\u0650', '\u064f', '\u0651', '\u064b'];
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function drawStyle(rng: Rng, bot = false): number {
  if (bot) return MIXER;
  let style = 0;
  if (rng.chance(0.14)) style |= ARABIC_KEYBOARD;
  const zwnj = rng.next();
  if (zwnj < 0.25) style |= ZWNJ_AS_SPACE;
  else if (zwnj < 0.33) style |= ZWNJ_DROPPED;
  const digits = rng.next();
  if (digits < 0.35) style |= DIGITS_ASCII;
  else if (digits < 0.45) style |= DIGITS_ARABIC;
  if (rng.chance(0.3)) style |= TAG_ZWNJ;
  return style;
}

/** The bot's per-post style: a fresh random habit set each time. */
function effective(style: number, rng: Rng): number {
  if ((style & MIXER) === 0) return style;
  return drawStyle(rng) | (rng.chance(0.5) ? TAG_ZWNJ : 0);
}

function toDigits(text: string, style: number): string {
  if ((style & DIGITS_ASCII) !== 0 || !/[0-9]/.test(text)) return text;
  const set = (style & DIGITS_ARABIC) !== 0 ? ARABIC_DIGITS : PERSIAN_DIGITS;
  return text.replace(/[0-9]/g, (d) => set[d.charCodeAt(0) - 48] as string);
}

function toArabicKeyboard(text: string): string {
  return text.replaceAll('ی', 'ي').replaceAll('ک', 'ك');
}

/** Inserts `insert` after a random letter from `after` (a few tries; unchanged if none found). */
function insertAfterLetter(text: string, rng: Rng, after: string, insert: string): string {
  for (let tries = 0; tries < 8; tries++) {
    const i = 1 + rng.int(Math.max(1, text.length - 2));
    const prev = text[i - 1] as string;
    const next = text[i] ?? ' ';
    if (after.includes(prev) && next !== ' ' && next >= '\u0600' && next <= '\u06ff') {
      return text.slice(0, i) + insert + text.slice(i);
    }
  }
  return text;
}

/** A post body (no URLs, mentions or hashtags) as this account would type it. */
export function spell(text: string, accountStyle: number, rng: Rng, extras = 0.05): string {
  const style = effective(accountStyle, rng);
  let out = toDigits(text, style);
  if ((style & ARABIC_KEYBOARD) !== 0) out = toArabicKeyboard(out);
  if ((style & ZWNJ_AS_SPACE) !== 0) out = out.replaceAll(ZWNJ, ' ');
  else if ((style & ZWNJ_DROPPED) !== 0) out = out.replaceAll(ZWNJ, '');
  if (rng.next() < extras) {
    out = rng.chance(0.6)
      ? insertAfterLetter(out, rng, CONNECTING, 'ـ'.repeat(rng.between(1, 3)))
      : insertAfterLetter(out, rng, `${CONNECTING}اردزو`, rng.pick(DIACRITICS));
  }
  return out;
}

/** A hashtag (written with '_' in the word lists) as this account would type it, without the '#'. */
export function spellTag(tag: string, accountStyle: number, rng: Rng): string {
  const style = effective(accountStyle, rng);
  let out = toDigits(tag, style);
  if ((style & ARABIC_KEYBOARD) !== 0) out = toArabicKeyboard(out);
  // A ZWNJ inside a word would split the tag for a space-typist; they drop it instead.
  if ((style & (ZWNJ_AS_SPACE | ZWNJ_DROPPED)) !== 0) out = out.replaceAll(ZWNJ, '');
  if ((style & TAG_ZWNJ) !== 0 && rng.chance(0.6) && /[\u0600-\u06ff]_[\u0600-\u06ff]/.test(out)) {
    out = out.replaceAll('_', ZWNJ);
  }
  return out;
}

export function randomCode(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[rng.int(ALNUM.length)];
  return out;
}

/** The short link Twitter shows in the text for any URL. */
export function tco(rng: Rng): string {
  return `https://t.co/${randomCode(rng, 10)}`;
}

/**
 * One way of writing the canonical `https://host/path`: http or https, `www.` or not, a trailing slash,
 * tracking parameters (utm_*, fbclid), now and then an upper-case host. All normalise back to `canonical`.
 */
export function urlVariant(canonical: string, rng: Rng, plainShare = 0.45): string {
  if (rng.next() < plainShare) return canonical;
  const match = /^https:\/\/([^/]+)(\/.*)?$/.exec(canonical);
  if (match === null) return canonical;
  let host = match[1] as string;
  let path = match[2] ?? '/';
  if (rng.chance(0.5) && !host.startsWith('www.') && host.split('.').length === 2) host = `www.${host}`;
  if (rng.chance(0.04)) host = host.toUpperCase();
  const scheme = rng.chance(0.2) ? 'http' : 'https';
  const hasQuery = path.includes('?');
  if (!hasQuery && !path.endsWith('/') && rng.chance(0.35)) path += '/';
  const join = hasQuery ? '&' : '?';
  const query = rng.next();
  if (query < 0.4) {
    const medium = rng.pick(['social', 'twitter', 'share']);
    path += `${join}utm_source=twitter&utm_medium=${medium}&utm_campaign=${rng.pick(['news', 'daily', 'tw'])}`;
  } else if (query < 0.65) {
    path += `${join}fbclid=IwAR${randomCode(rng, 22)}`;
  } else if (query < 0.72) {
    path += `${join}utm_source=telegram&fbclid=IwAR${randomCode(rng, 18)}`;
  }
  return `${scheme}://${host}${path}`;
}

/** A Python-list cell as the archive writes it: `['a', 'b']`. Items never hold quotes or commas here. */
export function pyList(items: readonly string[]): string {
  return items.length === 0 ? '[]' : `['${items.join("', '")}']`;
}
