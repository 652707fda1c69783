// report.html as text, without a browser: the inlined JSON cannot end its element or open a comment whatever
// the posts hold, it parses back to the same data, and the policy's hashes are those of the inlined script
// and stylesheet (so the browser runs them and nothing else). Then the words the report, UI and CLI share:
// directions, labels, the quotable sentence, the odds and the warnings.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { chanceOdds, log10NormalTailBound, MAX_ODDS_LOG10 } from '../../src/report/html/chance-words.js';
import { dataSegments, textDirection } from '../../src/report/html/direction.js';
import {
  LABEL_CHARS,
  networkLabel,
  networkStory,
  networkSubject,
  partsText,
  shorten,
} from '../../src/report/html/story.js';
import { runWarnings } from '../../src/report/html/warnings.js';
import { escapeJsonForHtml, type ReportData, renderReportHtml } from '../../src/report/index.js';

const HOSTILE =
  '</script><script>alert(1)</script><!-- <img src=x onerror=alert(1)> & \u2028\u2029 javascript:alert(1)';

describe('report.html page', () => {
  it('escapes < > & U+2028 U+2029 in the inlined JSON, and it parses back to the same value', () => {
    const value = { text: HOSTILE, nested: [HOSTILE] };
    const json = escapeJsonForHtml(value);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), value);
  });

  it('inlines one data block and one script whose SHA-256 the policy names', () => {
    const client = 'document.body.dataset.ok="1";';
    const data = {
      tool: { name: 'lockstep', version: '0.1.0' },
      networks: [{ accounts: [{ handle: HOSTILE }] }],
    } as unknown as ReportData;
    const html = renderReportHtml(data, client);
    const b64 = (s: string) => createHash('sha256').update(s).digest('base64');
    const csp = /content="(default-src 'none';[^"]+)"/.exec(html)?.[1] ?? '';
    assert.ok(csp.includes(`script-src 'sha256-${b64(client)}'`), csp);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    assert.ok(csp.includes(`style-src 'sha256-${b64(style)}'`), csp);
    assert.match(csp, /connect-src 'none'/);
    assert.equal(html.match(/<\/script>/g)?.length, 2);
    assert.doesNotMatch(html, /<!--/);
    assert.ok(!html.includes('<img'));
  });

  it('refuses a client bundle that would end its own element', () => {
    assert.throws(() =>
      renderReportHtml({ tool: { version: '1' }, networks: [] } as unknown as ReportData, 'x="</script>"'),
    );
  });
});

describe('report words: direction, labels, odds, warnings', () => {
  it('takes a data string\u2019s direction from its content after "RT @handle:" and leading mentions', () => {
    assert.equal(textDirection('RT @LeilaTabrizi: صبور و متحد بمانيم'), 'rtl');
    assert.equal(textDirection('RT @a: RT @b_2: @c سلام'), 'rtl');
    assert.equal(textDirection('@user1 @user2 متن پاسخ'), 'rtl');
    assert.equal(textDirection('#منافقین‌تروریست Stop supporting MEK terror'), 'rtl');
    assert.equal(textDirection('RT @someone: Happy Thanksgiving #KochFarms'), 'ltr');
    assert.equal(textDirection('RT @someone:'), 'ltr', 'only framing: the whole string decides');
    assert.equal(textDirection('\u202Emoc.elgoog'), 'ltr');
    assert.equal(textDirection('12345 !!'), 'auto');
    assert.equal(textDirection(null), 'auto');
  });

  it('cuts a data string into plain text and its framing, hashtags, mentions and links, each with its direction', () => {
    const show = (text: string) =>
      dataSegments(text).map((s) => (s.dir === null ? s.text : `[${s.dir}:${s.text}]`));
    assert.deepEqual(
      show('RT @user_1: سلام #MahsaAmini و #مهسا_امینی @nytimes: https://t.co/ab?x=1. پایان'),
      [
        '[ltr:RT @user_1:]',
        ' سلام ',
        '[ltr:#MahsaAmini]',
        ' و ',
        '[rtl:#مهسا_امینی]',
        ' ',
        '[ltr:@nytimes]',
        ': ',
        '[ltr:https://t.co/ab?x=1]',
        '. پایان',
      ],
    );
    // ZWNJ belongs to a Persian tag; an e-mail address, a # inside a word and a bare # are not tokens.
    assert.deepEqual(show('#نه\u200cبه_جنگ mail a@b.org x#y # ＃全角'), [
      '[rtl:#نه\u200cبه_جنگ]',
      ' mail a@b.org x#y # ',
      '[ltr:＃全角]',
    ]);
    assert.deepEqual(show('  RT @a: RT @b: #1 hi'), ['  ', '[ltr:RT @a: RT @b:]', ' ', '[ltr:#1]', ' hi']);
    // Whatever the string, the segments put together are the string.
    for (const text of ['', '#', '@', 'RT @', 'https://', '\u202E#abc\u202C @x', 'a#b@c https://x#y']) {
      assert.equal(
        dataSegments(text)
          .map((s) => s.text)
          .join(''),
        text,
      );
    }
  });

  it('labels a network by the tag, link or site it made most its own, else its repeated text, and its size', () => {
    const share = { posts: 5, totalPosts: 10, share: 0.5, spanPosts: 10, spanShare: 0.5 };
    const none = { topHashtags: [], topLinks: [], topDomains: [], topTexts: [] };
    const label = (n: Parameters<typeof networkSubject>[0], size = 76) =>
      partsText(networkLabel(networkSubject(n), 3, size), (t) => `[${t}]`);
    assert.equal(
      label({ ...none, topHashtags: [{ hashtag: 'kochfarms', ...share }] }),
      '[#kochfarms] · 76 accounts',
    );
    assert.equal(
      label({
        ...none,
        topLinks: [{ url: 'https://x.org/a', ...share }],
        topDomains: [{ domain: 'x.org', ...share, posts: 10 }],
      }),
      '[x.org] · 76 accounts',
    );
    assert.equal(
      label({
        ...none,
        topLinks: [{ url: 'https://x.org/a', ...share }],
        topDomains: [{ domain: 'x.org', ...share, posts: 9, share: 0.1 }],
      }),
      '[x.org/a] · 76 accounts',
    );
    // A protest tag the network used twice among 9,072 posts does not name it; the site it floods does.
    assert.equal(
      label({
        ...none,
        topHashtags: [{ hashtag: 'mahsaamini', ...share, posts: 2, totalPosts: 9072, share: 0 }],
        topDomains: [{ domain: 'nedayevatan.ir', ...share, posts: 844, totalPosts: 885, share: 0.954 }],
      }),
      '[nedayevatan.ir] · 76 accounts',
    );
    assert.equal(
      label({ ...none, topTexts: [{ text: 'a', posts: 4, accounts: 3, example: 'Same   text' }] }, 1),
      '[“Same text”] · 1 account',
    );
    assert.equal(label(none, 8), 'Network 3 · 8 accounts');
    assert.equal(shorten('x'.repeat(50)).length, LABEL_CHARS);
  });

  it('turns z into odds with every look counted, rounded down to a power of ten and capped at a billion', () => {
    // z = 5, 7 signals, 8 candidates: 140 looks (2.5 x 7 x 8) x phi(5)/5 = 140 x 2.97e-7 = 4.2e-5.
    const five = chanceOdds(5, 7, 8);
    assert.ok(Math.abs(five.log10p - Math.log10(140 * 2.9734e-7)) < 0.01, String(five.log10p));
    assert.equal(five.words, 'less than once in ten thousand datasets');
    // The bound never understates the exact tail (Q(6) = 9.87e-10, Q(3) = 1.35e-3).
    assert.ok(log10NormalTailBound(6) >= Math.log10(9.8659e-10));
    assert.ok(log10NormalTailBound(3) >= Math.log10(1.3499e-3));
    const huge = chanceOdds(400, 7, 8);
    assert.deepEqual(
      [huge.k, huge.capped, huge.words],
      [MAX_ODDS_LOG10, true, 'less than once in a billion datasets'],
    );
    assert.equal(chanceOdds(2, 7, 1000).words, 'often');
    assert.equal(chanceOdds(3, 1, 10).words, 'less than once in ten datasets');
    assert.equal(chanceOdds(3, 1, 40).words, 'about once in 7 datasets');
  });

  it('says a network\u2019s story: who, how many, what share of which tag, when, how sure', () => {
    const { parts } = networkStory(
      {
        id: 1,
        size: 76,
        posts: 3984,
        start: '2015-05-13T21:55:00Z',
        end: '2015-12-16T00:27:00Z',
        zScore: 120.8,
        accounts: [
          { handle: 'Grays0nWilde', account: '1' },
          { handle: null, account: '2' },
          { handle: 'Lou', account: '3' },
        ],
        topHashtags: [
          {
            hashtag: 'kochfarms',
            posts: 2424,
            totalPosts: 3584,
            share: 0.676,
            spanPosts: 3584,
            spanShare: 0.676,
          },
        ],
        topLinks: [],
        topDomains: [],
        topTexts: [],
      },
      7,
      6,
    );
    assert.equal(
      partsText(parts, (t) => `[${t}]`),
      '76 accounts, among them [@Grays0nWilde], [2] and [@Lou], produced 68% of the 3,584 posts with [#kochfarms] ' +
        'in the data (2,424 posts) between 13 May 2015 and 16 Dec 2015 (UTC, 216.1 days). Independent accounts, ' +
        'each as active as these, would act this much together less than once in a billion datasets.',
    );
  });

  it('words the warnings plainly, with the fix, from the structured figures', () => {
    const [population, untimed] = runWarnings({
      population: { activityInCandidates: 0.963, warning: 'the method\u2019s own wording' },
      untimedPosts: 12,
    });
    assert.match(population ?? '', /^96% of all activity is by accounts in suspected groups/);
    assert.match(population ?? '', /To fix this, add posts by other accounts active at the same time/);
    assert.doesNotMatch(population ?? '', /--join-parts|chance model|candidate communit/);
    assert.ok((population ?? '').split(/\s+/).length <= 55, 'short (the method\u2019s wording was 84 words)');
    assert.match(untimed ?? '', /^12 posts have no time and took no part in detection.*--map time=COLUMN/);
    assert.deepEqual(
      runWarnings({ population: { activityInCandidates: 0.5, warning: null }, untimedPosts: 0 }),
      [],
    );
    assert.deepEqual(runWarnings({ population: null, untimedPosts: 0 }), []);
  });
});
