// The visible-marks transform the report and the UI share: bidi controls and other invisible format
// characters become `⟨U+XXXX⟩`, while the joiners Persian and emoji need, and emoji flag tag sequences, stay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  invisibleMark,
  isolateText,
  revealInvisibles,
  splitInvisibles,
} from '../../src/report/html/index.js';

describe('revealInvisibles', () => {
  it('shows a right-to-left override as a mark, so a spoofed handle cannot read as google.com', () => {
    assert.equal(revealInvisibles('\u202Emoc.elgoog'), '⟨U+202E⟩moc.elgoog');
  });

  it('marks every bidi embedding, override, isolate and mark, and U+061C', () => {
    const controls = [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
    ];
    for (const code of controls) {
      const char = String.fromCodePoint(code);
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      assert.equal(revealInvisibles(`a${char}b`), `a⟨U+${hex}⟩b`);
    }
  });

  it('marks the other invisible format characters (Cf): zero-width space, word joiner, BOM, soft hyphen, tags', () => {
    assert.equal(revealInvisibles('x\u200By\u2060z\uFEFFw\u00ADv'), 'x⟨U+200B⟩y⟨U+2060⟩z⟨U+FEFF⟩w⟨U+00AD⟩v');
    assert.equal(revealInvisibles('a\u{E0061}b'), 'a⟨U+E0061⟩b', 'a tag character outside a flag');
    assert.equal(invisibleMark('\u{E0001}'), '⟨U+E0001⟩');
  });

  it('leaves Persian with ZWNJ, emoji with ZWJ, flag tag sequences and Arabic signs unchanged', () => {
    const kept = [
      'می\u200Cخواهم به خانه بروم',
      'کتاب\u200Cها',
      '👩\u200D💻 and 👨\u200D👩\u200D👧',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
      '\u0600\u0661\u0662 \u06DD',
      'plain ascii, العربية, فارسی, 中文',
    ];
    for (const text of kept) assert.equal(revealInvisibles(text), text);
  });

  it('splits text and marks apart (marks at odd indices) and isolates a string for plain-text places', () => {
    assert.deepEqual(splitInvisibles('\u202Emoc\u200E.x'), ['', '⟨U+202E⟩', 'moc', '⟨U+200E⟩', '.x']);
    assert.deepEqual(splitInvisibles('no marks'), ['no marks']);
    assert.equal(isolateText('\u202Emoc.elgoog'), '\u2068⟨U+202E⟩moc.elgoog\u2069');
  });
});
