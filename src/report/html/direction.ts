// The writing direction of a data string, for the element that holds it (dir="rtl" or "ltr"). HTML's
// dir="auto" takes the first strong letter, so a Persian retweet "RT @user: ..." or a reply "@user ..."
// would be laid out left to right, its Persian wrapping and its hashtags reordered. Here the direction
// comes from the first letter after any leading "RT @handle:" and @mentions, which are the platform's
// framing, not the author's words. Inside the string, each hashtag, @mention and link, and the "RT @handle:"
// framing, is a segment with its own direction (dataSegments): a `#` or `@` takes the direction around it,
// so "#MahsaAmini" in Persian text would show as "MahsaAmini#", and "#مهسا_امینی" in English text with its
// `#` at the far end of the word. Shared by the report and the UI clients (bundled).

/** Letters of the right-to-left scripts in Unicode (Bidi_Class R or AL for their letters). */
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Old_South_Arabian}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Yezidi}]/u;

/** "RT @handle:" (repeated, as in retweets of retweets), then any @mentions, at the start of the string. */
const FRAMING = /^(?:\s*RT\s*[@＠][\p{L}\p{N}_.]+\s*:?)*(?:\s*[@＠][\p{L}\p{N}_.]+[:,]?)*\s*/iu;

/** A leading "RT @handle:" (repeated for retweets of retweets): one segment, read left to right. */
const RETWEET_FRAMING = /^\s*(?:RT\s*[@＠][\p{L}\p{N}_.]+\s*:?\s*)+/iu;

/**
 * Hashtags (`#` or `＃`, then letters, marks, digits, `_`, ZWNJ, ZWJ; not after a letter or `&`, as Twitter
 * has them), @mentions (not after a letter, so no e-mail address; no trailing dot) and http(s) links (up to
 * white space, without the punctuation that ends a sentence after them).
 */
const TOKEN =
  /(?<![\p{L}\p{M}\p{N}_&])[#＃][\p{L}\p{M}\p{N}_\u200C\u200D]+|(?<![\p{L}\p{M}\p{N}_.])[@＠][\p{L}\p{N}_.]*[\p{L}\p{N}_]|\bhttps?:\/\/[^\s<>"]*[^\s<>".,;:!?،؛)\]}»”’'"]/giu;

/** A piece of a data string: plain text (`dir` null) or a token to lay out in its own isolate. */
export interface DataSegment {
  text: string;
  dir: 'ltr' | 'rtl' | null;
}

/**
 * `text` cut into plain stretches and tokens (the "RT @handle:" framing, hashtags, @mentions, links), each
 * token with the direction of its first letter (left to right when it has none). Joined, the segments'
 * texts are `text`.
 */
export function dataSegments(text: string): DataSegment[] {
  const segments: DataSegment[] = [];
  const plain = (part: string) => {
    if (part !== '') segments.push({ text: part, dir: null });
  };
  const token = (part: string) => segments.push({ text: part, dir: firstLetterDirection(part) ?? 'ltr' });
  let at = 0;
  const framing = RETWEET_FRAMING.exec(text)?.[0].trim();
  if (framing) {
    const start = text.indexOf(framing);
    plain(text.slice(0, start));
    token(framing);
    at = start + framing.length;
  }
  const offset = at;
  for (const m of text.slice(offset).matchAll(TOKEN)) {
    const start = offset + (m.index ?? 0);
    plain(text.slice(at, start));
    token(m[0]);
    at = start + m[0].length;
  }
  plain(text.slice(at));
  return segments;
}

/** 'rtl' or 'ltr' from the first letter of `text` after its framing (or of the whole, if none follows). */
export function textDirection(text: string | null | undefined): 'rtl' | 'ltr' | 'auto' {
  if (text == null) return 'auto';
  const rest = text.replace(FRAMING, '');
  return firstLetterDirection(rest) ?? firstLetterDirection(text) ?? 'auto';
}

function firstLetterDirection(text: string): 'rtl' | 'ltr' | null {
  const letter = /\p{L}/u.exec(text)?.[0];
  if (letter === undefined) return null;
  return RTL_LETTER.test(letter) ? 'rtl' : 'ltr';
}
