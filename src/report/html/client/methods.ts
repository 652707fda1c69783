/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The methods section: what each signal and the chance model mean and what a network does not claim, a
// summary of docs/method.md (shipped with lockstep) for a reader who has only this file.
import { SIGNAL_DOCS } from '../../labels.js';
import { chanceOdds, MAX_ODDS_LOG10 } from '../chance-words.js';
import type { ReportData } from '../report-data.js';
import { el, table } from './_dom.js';

export function renderMethods(data: ReportData): Node[] {
  const p = data.parameters;
  const num = (key: string) =>
    typeof p[key] === 'number' ? (p[key] as number).toLocaleString('en-US') : '?';
  return [
    el('h2', { id: 'methods' }, 'Methods'),
    el(
      'p',
      null,
      `Each signal links two accounts when both touch the same item in the same time window (${num('windowSeconds')} s, or the ` +
        `signal\u2019s own window), or in adjacent windows. Each shared item weighs ln(A / n): A accounts active in the signal ` +
        `that day, n of them touching the item. Groups of more than ${num('maxGroupAccounts')} accounts on one item-window are ` +
        'never expanded into all their pairs: each account is linked to its next neighbours in time.',
    ),
    table(
      ['signal', 'two accounts are linked by'],
      data.signals.map((s) => [
        el('span', null, SIGNAL_DOCS[s]?.label ?? s, ' ', el('code', null, s)),
        SIGNAL_DOCS[s]?.meaning ?? '',
      ]),
    ),
    el(
      'p',
      null,
      `An edge needs at least ${num('minSharedItems')} distinct shared items spread over at least ${num('minSpreadSeconds')} s. ` +
        'The fused, weighted account graph is cut into groups by Leiden with the constant Potts model (Traag et al. 2011, 2019), ' +
        `which keeps accounts together when their pairs\u2019 mean edge weight exceeds ${num('resolution')}, however large the rest of ` +
        'the graph: a small network inside a large crowd stays its own group. Each group is a candidate.',
    ),
    el('h3', null, 'The chance model'),
    el(
      'p',
      null,
      'For each candidate, signal and window, the items are sorted into strata by how many accounts outside the candidate touched ' +
        'them, and every member is replaced by an independent account that makes as many touches in each stratum as the member did, ' +
        'choosing among its items the way the outside accounts did in that window; for items no outside account touched, the chance ' +
        'of two touches meeting comes from the outside accounts\u2019 own coincidences. This gives the expected number E ' +
        'of member pairs sharing an item, its variance, and z for the observed count O: the smaller of (O \u2212 E) / \u221aVar ' +
        'and the z of the Poisson tail of O for a mean E. ' +
        `A signal binds a candidate when z \u2265 ${num('minZScore')}, O/E \u2265 ${num('minRatio')} and the excess rests on ` +
        `at least ${num('minSharedItems')} item-windows; a candidate is reported when a signal binds it. Three further tests, each ` +
        'paying a Bonferroni factor of two, look at the items only members touched, at timing (whether members touched the items ' +
        `the crowd also touched more in step, within ${num('syncSeconds')} s bins, than the crowd\u2019s own touches of those items were) ` +
        'and, for reposts and replies, at reaction times: whether members reposted or answered each post ahead of the post\u2019s ' +
        'own crowd (a celebrity\u2019s fans answer within minutes when everyone does; a brigade answers ahead of them). ' +
        'Members whose own co-activity ' +
        `is within chance are set aside: a member needs z \u2265 ${num('minMemberZScore')}, and to pass Holm\u2019s step-down ` +
        'procedure over its group\u2019s accounts, at which chance alone would keep any of them at most one time in twenty. When nearly ' +
        'all activity is by accounts that co-act with others (a collection of one operation), accounts of the networks found are left out of ' +
        'the other candidates\u2019 outside accounts, and the candidates tested again until the networks stay the same. A genuine protest burst, where a third of all users post the same tag in one evening, ' +
        'is close to what chance gives; a flood\u2019s own tags and templates are rare outside it, so its co-activity is many times the expectation.',
    ),
    ...renderOdds(data),
    el('h3', null, 'What this report does not claim'),
    el(
      'p',
      null,
      el('strong', null, 'Coordination is not attribution. '),
      'A network is a set of accounts whose joint activity independent accounts would very rarely produce. Who runs it, and why, is the ' +
        'analyst\u2019s call. The inauthenticity indicators are kept apart from the coordination score for that reason. The chance model ' +
        'compares members with the accounts outside them, so on a collection made of one campaign only it is conservative; windows are ' +
        'fixed, so two posts a minute apart may fall in different windows (adjacent windows recover most); very small networks sit near ' +
        'the limit of what can be told from chance. The evidence pairs let a reader judge each edge.',
    ),
    el(
      'p',
      { class: 'note' },
      'The full method, with references, is in docs/method.md of lockstep; every parameter is listed above and in manifest.json, and the ' +
        'same inputs with the same parameters give the same networks.json.',
    ),
  ];
}

/** How a network's z-score becomes the odds its sentence states (../chance-words.ts). */
function renderOdds(data: ReportData): Node[] {
  const signals = Math.max(1, data.signals.length);
  const candidates = data.candidates.tested;
  const minZ = typeof data.parameters.minZScore === 'number' ? data.parameters.minZScore : 5;
  const least = chanceOdds(minZ, signals, candidates);
  return [
    el('h3', { id: 'odds' }, 'How sure, in words'),
    el(
      'p',
      null,
      'Each network\u2019s sentence turns its z-score (that of its strongest signal\u2019s binding test) into odds: ' +
        `p = 2.5 \u00d7 S \u00d7 C \u00d7 Q(z), with S = ${signals} signals run, C = ${candidates.toLocaleString('en-US')} ` +
        'candidate communities tested, and Q the upper tail of the standard normal, taken as its bound ' +
        '\u03c6(z)/z (Mills\u2019 ratio), which never understates it. The factors count every look this run took ' +
        '(Bonferroni): a signal\u2019s four tests together err at most 2.5 times as often as one, a network is the best ' +
        'of its signals, and it is one of the candidates. The odds are 1/p rounded down to a power of ten, and ' +
        `never stated beyond one in ${MAX_ODDS_LOG10 === 9 ? 'a billion' : `10^${MAX_ODDS_LOG10}`}: that far out they ` +
        'would rest on the tail of a normal approximation to a count, not on anything a reader could check. ' +
        `At the least z that binds a network in this run (${minZ}), the sentence would say: ` +
        `\u201cindependent accounts would act this much together ${least.words}\u201d.`,
    ),
  ];
}
