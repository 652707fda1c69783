// Invisible format characters from the data shown as visible marks: a handle written `\u202Emoc.elgoog`
// must not read as "google.com". Shared by the report and the UI clients (bundled) and usable on the server;
// the JSON and CSV outputs keep the raw string. Which characters: Unicode category Cf (bidi embeddings,
// overrides, isolates, marks, U+061C, zero-width space, word joiner, BOM, soft hyphen, interlinear and tag
// characters) except those that text needs to read right:
// - U+200C ZWNJ and U+200D ZWJ: Persian and other scripts join or break letters with them, emoji sequences
//   (👩‍💻) are built with ZWJ; neither can reorder text.
// - the prepended concatenation marks (U+0600–0605, U+06DD, U+070F, U+0890–0891, U+08E2, U+110BD, U+110CD):
//   visible signs (Arabic number sign, end of ayah), not invisible ones.
// - tag characters inside an emoji tag sequence (🏴 + tags + CANCEL TAG: the flags of England, Scotland,
//   Wales); a tag character anywhere else is marked.

/** A whole emoji tag sequence (kept), or one Cf character that is not exempt (marked). */
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWNJ and ZWJ are listed alone, to exempt them.
  /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|(?![\u200C\u200D\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}])(\p{Cf})/gu;

/** `⟨U+202E⟩`: the code point, upper-case hex, at least four digits. */
export function invisibleMark(char: string): string {
  const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `⟨U+${code}⟩`;
}

/**
 * `text` cut around its invisible characters: even indices are text to show as is, odd indices the marks
 * (`⟨U+202E⟩`) standing for one invisible character each, so a DOM view can style the marks apart from text
 * an adversary could type to look like one. Joined, the parts are `revealInvisibles(text)`.
 */
export function splitInvisibles(text: string): string[] {
  const parts: string[] = [];
  let kept = '';
  let last = 0;
  for (const m of text.matchAll(INVISIBLE)) {
    const at = m.index ?? 0;
    kept += text.slice(last, at);
    last = at + m[0].length;
    if (m[1] !== undefined) kept += m[1];
    else {
      parts.push(kept, invisibleMark(m[0]));
      kept = '';
    }
  }
  parts.push(kept + text.slice(last));
  return parts;
}

/** `text` with each invisible format character replaced by its visible mark; other text unchanged. */
export function revealInvisibles(text: string): string {
  return splitInvisibles(text).join('');
}

/**
 * A data string for plain-text places (page titles, labels drawn on a canvas): its invisible characters
 * revealed, then wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so its direction cannot reorder
 * the text around it. These two are the only bidi controls left, and they come from lockstep, not the data.
 */
export function isolateText(text: string): string {
  return `\u2068${revealInvisibles(text)}\u2069`;
}
