import { compileLexicon, parseQuestion, type Query, querySchema, type ListFilter } from '../../../core/query';
import { LEXICON, NOW } from './lexicon.fixture';

const lexicon = compileLexicon(LEXICON);
const list = (filter: ListFilter, tagOwners = false): Query => ({ kind: 'list', filter, tagOwners });
const item = (plan: string | undefined, ref: string, history = false): Query => ({
  kind: 'item',
  ...(plan && { plan }),
  ref,
  history,
});
const EXAMPLES = ["what's overdue?", 'how are we doing on BTP-CDI?', 'red actions for the Deputy Chief Constable'];
const unknown: Query = { kind: 'unknown', suggestions: EXAMPLES };

const DCC = { post: 'Deputy Chief Constable' };
const HCM = { post: 'Head of Contact Management' };
const ALEX = { personId: 'p-alex' };
const MEGAN = { personId: 'p-megan' };
const ME = { me: true } as const;

const cases: [string, Query][] = [
  // By RAG, with every spelling of "what's".
  ["what's red?", list({ rag: ['RED'] })],
  ['whats red', list({ rag: ['RED'] })],
  ['what’s red?', list({ rag: ['RED'] })],
  ['What Is RED?!', list({ rag: ['RED'] })],
  ['red', list({ rag: ['RED'] })],
  ['reds', list({ rag: ['RED'] })],
  ['show me the red actions', list({ rag: ['RED'] })],
  ['list red items', list({ rag: ['RED'] })],
  ['what is amber', list({ rag: ['AMBER'] })],
  ['ambers?', list({ rag: ['AMBER'] })],
  ['anything amber', list({ rag: ['AMBER'] })],
  ['what is ambr', list({ rag: ['AMBER'] })],
  ['anything green in BTP?', list({ rag: ['GREEN'], plan: 'BTP-CDI' })],
  ['green actions in btp', list({ rag: ['GREEN'], plan: 'BTP-CDI' })],
  ['whats gren', list({ rag: ['GREEN'] })],
  ['red or amber', list({ rag: ['RED', 'AMBER'] })],
  ['amber and red actions', list({ rag: ['RED', 'AMBER'] })],
  ["what's complete?", list({ rag: ['COMPLETE'] })],
  ['which actions are done in NCRS', list({ rag: ['COMPLETE'], plan: 'NCRS' })],
  ['red actions for the ICB', list({ rag: ['RED'], board: 'ICB' })],
  ['red for the integrity and compliance board', list({ rag: ['RED'], board: 'ICB' })],
  ['red for the integrity board', list({ rag: ['RED'], board: 'ICB' })],
  ['overdue on the integrity plan', list({ overdue: true, plan: 'BTP-CDI' })],
  ['amber for the service excellence board', list({ rag: ['AMBER'], board: 'SEB' })],
  ['red in SEB', list({ rag: ['RED'], board: 'SEB' })],
  ['red in the NCRS plan', list({ rag: ['RED'], plan: 'NCRS' })],
  ['red in the Audit Commission plan', list({ rag: ['RED'], plan: 'NCRS' })],
  ['red in crime data integrity', list({ rag: ['RED'], plan: 'BTP-CDI' })],
  ['red in MPS-BA', list({ rag: ['RED'], plan: 'MPS-BA' })],
  ['red in MPS', list({ rag: ['RED'], plan: 'MPS-BA' })],
  ['red in mps ba', list({ rag: ['RED'], plan: 'MPS-BA' })],
  ['red in cdi', list({ rag: ['RED'], plan: 'BTP-CDI' })],
  ['red in the intgrity and complance board', list({ rag: ['RED'], board: 'ICB' })],
  ['awaiting verification', list({ status: ['awaiting_verification'] })],
  ['what needs verifying in BTP', list({ status: ['awaiting_verification'], plan: 'BTP-CDI' })],
  ['open actions', list({ status: ['open'] })],
  ['outstanding actions for Megan', list({ status: ['open'], owner: MEGAN })],
  ['what has been closed', list({ status: ['complete'] })],

  // Time.
  ["what's overdue?", list({ overdue: true })],
  ['whats overdue', list({ overdue: true })],
  ['overdue', list({ overdue: true })],
  ['overdeu', list({ overdue: true })],
  ['ovrdue actions', list({ overdue: true })],
  ['what is late', list({ overdue: true })],
  ['anything past due?', list({ overdue: true })],
  ['overdue for Head of Contact Management', list({ overdue: true, owner: HCM })],
  ['overdue for contact management', list({ overdue: true, owner: HCM })],
  ['overdue for head of contcat managment', list({ overdue: true, owner: HCM })],
  [
    'overdue for the head of offender management',
    list({ overdue: true, owner: { post: 'Head of Offender Management' } }),
  ],
  ['overdue for offender management', list({ overdue: true, owner: { post: 'Head of Offender Management' } })],
  ['overdue in NCRS', list({ overdue: true, plan: 'NCRS' })],
  ['late actions for FCR', list({ overdue: true, owner: { post: 'FCR' } })],
  ['due this week', list({ due: { range: 'this-week' } })],
  ["what's due this week?", list({ due: { range: 'this-week' } })],
  ['due next week', list({ due: { range: 'next-week' } })],
  ['due this month', list({ due: { range: 'this-month' } })],
  ['due next month', list({ due: { range: 'next-month' } })],
  ['due next mnth', list({ due: { range: 'next-month' } })],
  ['due today', list({ due: { range: 'today' } })],
  ['due tomorrow', list({ due: { from: '2024-11-21', to: '2024-11-21' } })],
  ['due in the next 14 days', list({ due: { days: 14 } })],
  ['due within 14 days', list({ due: { days: 14 } })],
  ['due in 2 weeks', list({ due: { days: 14 } })],
  ['due in the next two weeks', list({ due: { days: 14 } })],
  ['due in a fortnight', list({ due: { days: 14 } })],
  ['due in the next 3 months', list({ due: { days: 90 } })],
  ['due soon', list({ due: { days: 14 } })],
  ["what's due?", list({ due: { days: 14 } })],
  ['upcoming deadlines', list({ due: { days: 14 } })],
  ['due by Friday', list({ due: { to: '2024-11-22' } })],
  ['due before 1 Dec', list({ due: { to: '2024-12-01' } })],
  ['due before 1 Nov', list({ due: { to: '2025-11-01' } })],
  ['due in December', list({ due: { from: '2024-12-01', to: '2024-12-31' } })],
  ['due in January 2025', list({ due: { from: '2025-01-01', to: '2025-01-31' } })],
  ['due on 2024-12-05', list({ due: { from: '2024-12-05', to: '2024-12-05' } })],
  ['due 05/12/2024', list({ due: { from: '2024-12-05', to: '2024-12-05' } })],
  ['red actions due by end of month', list({ rag: ['RED'], due: { range: 'this-month' } })],
  ['due by the end of next week', list({ due: { range: 'next-week' } })],
  [
    'anything due on friday for the FCR',
    list({ due: { from: '2024-11-22', to: '2024-11-22' }, owner: { post: 'FCR' } }),
  ],
  ['red and due this week', list({ rag: ['RED'], due: { range: 'this-week' } })],
  ['amber due next week for the DCC', list({ rag: ['AMBER'], due: { range: 'next-week' }, owner: DCC })],
  ["what's stale?", list({ stale: {} })],
  ['stale actions in BTP', list({ stale: {}, plan: 'BTP-CDI' })],
  ['stael', list({ stale: {} })],
  ['stale since 1 October', list({ stale: { days: 50 } })],
  ['no update for 30 days', list({ stale: { days: 30 } })],
  ['no updates in 6 weeks', list({ stale: { days: 42 } })],
  ['not updated for a month', list({ stale: { days: 30 } })],
  ['not updated since 1 Nov', list({ stale: { days: 19 } })],
  ['actions without an update for 2 weeks', list({ stale: { days: 14 } })],
  ['stale for 60 days and due this month', list({ stale: { days: 60 }, due: { range: 'this-month' } })],

  // One item.
  ['status of BTP-7', item('BTP-CDI', '7')],
  ['BTP 7', item('BTP-CDI', '7')],
  ['btp-7', item('BTP-CDI', '7')],
  ['BTP-CDI-7', item('BTP-CDI', '7')],
  ['BTP-CDI 7?', item('BTP-CDI', '7')],
  ["what's the status of BTP-3.2", item('BTP-CDI', '3.2')],
  ['NCRS-12a', item('NCRS', '12a')],
  ['MPS-BA-4', item('MPS-BA', '4')],
  ['mps 4', item('MPS-BA', '4')],
  ['show me action 7 in NCRS', item('NCRS', '7')],
  ['action 7', item(undefined, '7')],
  ['history of BTP-7', item('BTP-CDI', '7', true)],
  ['BTP-7 history', item('BTP-CDI', '7', true)],
  ['updates on BTP 7', item('BTP-CDI', '7', true)],
  ['what changed on NCRS-3', item('NCRS', '3', true)],
  ['histroy of btp 7', item('BTP-CDI', '7', true)],
  ['show recommendation 3 of the NCRS plan', { kind: 'recommendation', plan: 'NCRS', ref: '3' }],
  ['recommendation 3 NCRS', { kind: 'recommendation', plan: 'NCRS', ref: '3' }],
  ['recommendation NCRS-3', { kind: 'recommendation', plan: 'NCRS', ref: '3' }],
  ['rec 2 in BTP', { kind: 'recommendation', plan: 'BTP-CDI', ref: '2' }],
  ['recommendation 5', { kind: 'recommendation', ref: '5' }],
  ['recomendation 4 of btp', { kind: 'recommendation', plan: 'BTP-CDI', ref: '4' }],

  // People and posts.
  ['what does <at>Alex Wilber</at> owe?', list({ owner: ALEX })],
  ['<at>Chaser</at> what does <at>Alex Wilber</at> owe?', list({ owner: ALEX })],
  ['what does @Alex owe?', list({ owner: ALEX })],
  ['what does alex owe', list({ owner: ALEX })],
  ['actions for Megan Bowen', list({ owner: MEGAN })],
  ['megan bowan actions', list({ owner: MEGAN })],
  ["Megan's overdue actions", list({ overdue: true, owner: MEGAN })],
  ['red for wilber', list({ rag: ['RED'], owner: ALEX })],
  ['actions for the Deputy Chief Constable', list({ owner: DCC })],
  ['deputy chief constable', list({ owner: DCC })],
  ['DCC', list({ owner: DCC })],
  ["DCC's red actions", list({ rag: ['RED'], owner: DCC })],
  ['actions for the deputy cheif constable', list({ owner: DCC })],
  ['what does the chief constable owe', list({ owner: DCC })],
  ['actions for head of SDD', list({ owner: { post: 'Head of SDD' } })],
  ['sdd actions', list({ owner: { post: 'Head of SDD' } })],
  ['what does FCR owe', list({ owner: { post: 'FCR' } })],
  ['ACC B Division', list({ owner: { post: 'ACC B Division and Crime' } })],
  ['actions for the acc', list({ owner: { post: 'ACC B Division and Crime' } })],
  ['HoCM overdue', list({ overdue: true, owner: HCM })],
  ['my actions', list({ owner: ME })],
  ['My Actions.', list({ owner: ME })],
  ['what do I owe?', list({ owner: ME })],
  ["what's overdue for me", list({ overdue: true, owner: ME })],
  ['anything assigned to me', list({ owner: ME })],
  ['my red actions', list({ rag: ['RED'], owner: ME })],
  ['who is behind?', { kind: 'behind' }],
  ["who's behind", { kind: 'behind' }],
  ['whos behind on BTP', { kind: 'behind', plan: 'BTP-CDI' }],
  ['who is lagging for the ICB', { kind: 'behind', board: 'ICB' }],
  ['who has the most overdue actions', { kind: 'behind' }],
  ['league table', { kind: 'behind' }],

  // Plans and boards.
  ['how are we doing on BTP-CDI?', { kind: 'summary', plan: 'BTP-CDI' }],
  ['how are we doing on BTP', { kind: 'summary', plan: 'BTP-CDI' }],
  ['how is NCRS going', { kind: 'summary', plan: 'NCRS' }],
  ['progress on the crime data integrity plan', { kind: 'summary', plan: 'BTP-CDI' }],
  ['summary for the ICB', { kind: 'summary', board: 'ICB' }],
  ['summary of SEB', { kind: 'summary', board: 'SEB' }],
  ['summary', { kind: 'summary' }],
  ['give me a summary', { kind: 'summary' }],
  ["how's BTP going?", { kind: 'summary', plan: 'BTP-CDI' }],
  ['overview', { kind: 'summary' }],
  ['sumary for ICB', { kind: 'summary', board: 'ICB' }],
  ['status of the NCRS plan', { kind: 'summary', plan: 'NCRS' }],
  ['BTP-CDI', { kind: 'summary', plan: 'BTP-CDI' }],
  ['ICB?', { kind: 'summary', board: 'ICB' }],
  ['list plans', { kind: 'plans' }],
  ['plans', { kind: 'plans' }],
  ['which plans are there?', { kind: 'plans' }],
  ['plans for the ICB', { kind: 'plans', board: 'ICB' }],
  ['show actions in NCRS', list({ plan: 'NCRS' })],

  // Change.
  ['what changed this week?', { kind: 'changes', event: 'any', period: { range: 'this-week' } }],
  ['what changed last week', { kind: 'changes', event: 'any', period: { range: 'last-week' } }],
  ['what changed today', { kind: 'changes', event: 'any', period: { range: 'today' } }],
  ['changes since yesterday', { kind: 'changes', event: 'any', period: { from: '2024-11-19' } }],
  ['what changed since 1 Nov?', { kind: 'changes', event: 'any', period: { from: '2024-11-01' } }],
  ['what changed since 1st November', { kind: 'changes', event: 'any', period: { from: '2024-11-01' } }],
  ['what changed since Nov 1', { kind: 'changes', event: 'any', period: { from: '2024-11-01' } }],
  ['what changed since 25 Dec', { kind: 'changes', event: 'any', period: { from: '2023-12-25' } }],
  ['what changed since Monday', { kind: 'changes', event: 'any', period: { from: '2024-11-18' } }],
  ['changes since last week', { kind: 'changes', event: 'any', period: { from: '2024-11-11' } }],
  ['what changed in the last 10 days', { kind: 'changes', event: 'any', period: { days: 10 } }],
  ['what changed?', { kind: 'changes', event: 'any', period: { days: 7 } }],
  ["what's new in BTP", { kind: 'changes', event: 'any', period: { days: 7 }, plan: 'BTP-CDI' }],
  [
    'what chnaged this week for the ICB',
    { kind: 'changes', event: 'any', period: { range: 'this-week' }, board: 'ICB' },
  ],
  ['what was updated this week', { kind: 'changes', event: 'any', period: { range: 'this-week' } }],
  [
    'what was completed in October?',
    { kind: 'changes', event: 'completed', period: { from: '2024-10-01', to: '2024-10-31' } },
  ],
  ['completed in oct', { kind: 'changes', event: 'completed', period: { from: '2024-10-01', to: '2024-10-31' } }],
  [
    'what was completed in December',
    { kind: 'changes', event: 'completed', period: { from: '2023-12-01', to: '2023-12-31' } },
  ],
  ['what got done last month', { kind: 'changes', event: 'completed', period: { range: 'last-month' } }],
  [
    'completed this week in NCRS',
    { kind: 'changes', event: 'completed', period: { range: 'this-week' }, plan: 'NCRS' },
  ],
  ['what did I complete last week', { kind: 'changes', event: 'completed', period: { range: 'last-week' }, owner: ME }],
  ['what changed for the DCC this week', { kind: 'changes', event: 'any', period: { range: 'this-week' }, owner: DCC }],
  [
    'what did Alex complete this month',
    { kind: 'changes', event: 'completed', period: { range: 'this-month' }, owner: ALEX },
  ],

  // Combinations and tagging.
  ['red and overdue for the DCC in BTP-CDI', list({ rag: ['RED'], overdue: true, owner: DCC, plan: 'BTP-CDI' })],
  ['Red, overdue, DCC, BTP', list({ rag: ['RED'], overdue: true, owner: DCC, plan: 'BTP-CDI' })],
  [
    'overdue red actions for the deputy chief constable on the ICB',
    list({ rag: ['RED'], overdue: true, owner: DCC, board: 'ICB' }),
  ],
  ['dcc red overdue btp tag', list({ rag: ['RED'], overdue: true, owner: DCC, plan: 'BTP-CDI' }, true)],
  ["what's red for Alex and Megan", list({ rag: ['RED'], owner: { any: [ALEX, MEGAN] } })],
  ["what's overdue for alex or the dcc?", list({ overdue: true, owner: { any: [ALEX, DCC] } })],
  [
    'overdue for Head of Contact Management, the DCC or Megan',
    list({ overdue: true, owner: { any: [HCM, DCC, MEGAN] } }),
  ],
  ['what does alex wilber owe, alex?', list({ owner: ALEX })],
  ['whats red and tag owners', list({ rag: ['RED'] }, true)],
  ["what's overdue and tag owners", list({ overdue: true }, true)],
  ['overdue in BTP, tag the owners', list({ overdue: true, plan: 'BTP-CDI' }, true)],
  ['stale for contact management and ping them', list({ stale: {}, owner: HCM }, true)],
  ['<at>Chaser</at> what’s red?', list({ rag: ['RED'] })],
  ['<at>Chaser</at> what&#39;s overdue?', list({ overdue: true })],
  ['<p><at>Chaser</at>&nbsp;due this week</p>', list({ due: { range: 'this-week' } })],
  ['hey <at>Chaser</at>, anything red for the DCC?', list({ rag: ['RED'], owner: DCC })],
  ['  RED  ', list({ rag: ['RED'] })],

  // Help and the rest.
  ['help', { kind: 'help' }],
  ['Help!', { kind: 'help' }],
  ['<at>Chaser</at> help', { kind: 'help' }],
  ['<at>Chaser</at>', { kind: 'help' }],
  ['what can you do?', { kind: 'help' }],
  ['hepl', { kind: 'help' }],
  ['', { kind: 'help' }],
  ["what's the weather like in london today", unknown],
  ['make me a sandwich with extra cheese', unknown],
  ['make me a sandwich', unknown],
  ['asdf qwerty zxcv', unknown],
  ['the', unknown],
  ['plan', unknown],
  ['head of', unknown],
  ['management', unknown],
  ['BTP-', { kind: 'summary', plan: 'BTP-CDI' }],
];

describe('parseQuestion', () => {
  it('has at least 150 phrasings', () => expect(cases.length).toBeGreaterThanOrEqual(150));

  it.each(cases)('%j', (text, expected) => {
    const query = parseQuestion(text, lexicon, NOW);
    expect(query).toEqual(expected);
    expect(querySchema.parse(query)).toEqual(query);
  });

  it('accepts a raw lexicon, compiling it once', () => {
    expect(parseQuestion('red in BTP', LEXICON, NOW)).toEqual(list({ rag: ['RED'], plan: 'BTP-CDI' }));
  });

  it('asks which plan when an action prefix fits several', () => {
    const twoBtp = compileLexicon({
      ...LEXICON,
      plans: [...LEXICON.plans, { key: 'BTP-X', title: 'Another BTP plan' }],
    });
    expect(parseQuestion('status of BTP-7', twoBtp, NOW)).toEqual({
      kind: 'unknown',
      suggestions: ['status of BTP-CDI-7', 'status of BTP-X-7'],
    });
  });

  it('reads a ref a plan numbers within a part of itself, as its cards show it ("BTP-CDI-National 7")', () => {
    expect(parseQuestion('status of BTP-CDI-National 7', lexicon, NOW)).toEqual(item('BTP-CDI', 'national 7'));
    expect(parseQuestion('history of btp-cdi national 7', lexicon, NOW)).toEqual(item('BTP-CDI', 'national 7', true));
    // A word the questions use is never part of a ref.
    expect(parseQuestion("what's due in BTP-CDI next 14 days", lexicon, NOW)).toMatchObject({ kind: 'list' });
  });

  it('reads a ref as a ref, never as a typo of a name', () => {
    // "10.1" is one edit from the "101" in P101's key: a typo-tolerant match took the question for
    // a summary of plan P101.
    const numbered = compileLexicon({
      ...LEXICON,
      plans: [...LEXICON.plans, { key: 'P101', title: 'Improvement plan 101' }],
    });
    expect(parseQuestion('status of action 10.1', numbered, NOW)).toEqual({
      kind: 'item',
      ref: '10.1',
      history: false,
    });
    expect(parseQuestion('status of P101-10.1', numbered, NOW)).toEqual({
      kind: 'item',
      plan: 'P101',
      ref: '10.1',
      history: false,
    });
  });

  it('asks about everyone who shares a name, not about nobody', () => {
    const twoAlexes = compileLexicon({
      ...LEXICON,
      people: [...LEXICON.people, { id: 'p-alex-2', displayName: 'Alex Wilber' }],
    });
    const both = list({ owner: { any: [{ personId: 'p-alex' }, { personId: 'p-alex-2' }] } });
    expect(parseQuestion('what does Alex Wilber owe?', twoAlexes, NOW)).toEqual(both);
    expect(parseQuestion('what does <at>Alex Wilber</at> owe?', twoAlexes, NOW)).toEqual(both);
  });

  it('reads an @mention Teams identified as that person, whoever shares the name', () => {
    const twoAlexes = compileLexicon({
      ...LEXICON,
      people: [...LEXICON.people, { id: 'p-alex-2', displayName: 'Alex Wilber' }],
    });
    const second = [{ name: 'alex wilber', personId: 'p-alex-2' }];
    expect(parseQuestion('what does <at>Alex Wilber</at> owe?', twoAlexes, NOW, second)).toEqual(
      list({ owner: { personId: 'p-alex-2' } }),
    );
    // The typed name is still everyone called that; a mention pairs with an identified one by its name.
    expect(parseQuestion('what does Alex Wilber owe?', twoAlexes, NOW, second)).toEqual(
      list({ owner: { any: [{ personId: 'p-alex' }, { personId: 'p-alex-2' }] } }),
    );
    expect(parseQuestion('what does <at>Megan Bowen</at> owe?', twoAlexes, NOW, second)).toEqual(
      list({ owner: { personId: 'p-megan' } }),
    );
    // Both Alexes mentioned, each identified: each once, in the order mentioned.
    const both = [
      { name: 'Alex Wilber', personId: 'p-alex-2' },
      { name: 'Alex Wilber', personId: 'p-alex' },
    ];
    expect(
      parseQuestion("what's red for <at>Alex Wilber</at> and <at>Alex Wilber</at>?", twoAlexes, NOW, both),
    ).toEqual(list({ rag: ['RED'], owner: { any: [{ personId: 'p-alex-2' }, { personId: 'p-alex' }] } }));
  });

  it('offers examples that fit an empty lexicon', () => {
    const empty = compileLexicon({ plans: [], boards: [], posts: [], people: [] });
    expect(parseQuestion('gibberish nonsense words here', empty, NOW)).toEqual({
      kind: 'unknown',
      suggestions: ["what's overdue?", 'list plans', 'my actions'],
    });
  });
});
