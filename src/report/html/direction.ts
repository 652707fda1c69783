// The writing direction of a data string, for the element that holds it (dir="rtl" or "ltr"). HTML's
// dir="auto" takes the first strong letter, so a Persian retweet "RT @user: ..." or a reply "@user ..."
// would be laid out left to right, its Persian wrapping and its hashtags reordered. Here the direction
// comes from the first letter after any leading "RT @handle:" and @mentions, which are the platform's
// framing, not the author's words. Shared by the report and the UI clients (bundled).

/** Letters of the right-to-left scripts in Unicode (Bidi_Class R or AL for their letters). */
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Old_South_Arabian}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Yezidi}]/u;

/** "RT @handle:" (repeated, as in retweets of retweets), then any @mentions, at the start of the string. */
const FRAMING = /^(?:\s*RT\s*[@＠][\p{L}\p{N}_.]+\s*:?)*(?:\s*[@＠][\p{L}\p{N}_.]+[:,]?)*\s*/iu;

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
