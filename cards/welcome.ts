/**
 * Hello on install, and the answer to "help". The welcome says what Chaser does with questions to try
 * as buttons; help adds everything else one can ask and do in this kind of conversation: owners'
 * commands in chats, board commands in channels.
 */
import { adaptiveCard, askAction, heading, textBlock, type AdaptiveCard, type CardElement } from './card';
import { safe } from './text';

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface WelcomeOptions {
  scope: Scope;
  /** The name Teams shows for the bot in this tenant. */
  botName?: string;
  /** Questions that have answers in this organisation's data (core/query/suggest.ts). */
  examples: string[];
}

const INTRO =
  'I ask action owners for updates before things fall due, chase what is overdue, answer questions about plans and post weekly digests to board channels.';

export function welcomeCard(o: WelcomeOptions): AdaptiveCard {
  return adaptiveCard([
    heading(`${name(o)} keeps improvement plans moving`),
    textBlock(INTRO),
    ...tryThese(o),
    textBlock('Type **help** at any time to see everything I can do.', { isSubtle: true, size: 'Small' }),
  ]);
}

export function helpCard(o: WelcomeOptions): AdaptiveCard {
  const channel = o.scope === 'channel';
  return adaptiveCard([
    heading(`What you can ask ${name(o)}`),
    ...tryThese(o),
    section('More questions', [
      ['status of BTP-CDI-7', 'one action: owners, due date, RAG and why'],
      ['history of BTP-CDI-7', 'every update, newest first'],
      ["what's overdue for Head of Contact Management?", 'by owner post, person (@name) or plan'],
      ['how are we doing on BTP-CDI?', "a plan's or board's counts"],
      ['what was completed in October?', 'what changed in a period'],
      ['who is behind?', 'owners with the most red and overdue work'],
    ]),
    ...(channel
      ? [
          section('Boards (channel admins and owners of a plan the board follows)', [
            ['link this channel to board ICB Integrity and Compliance Board', "this channel gets the board's digest"],
            ['board ICB follows BTP-CDI', 'add a plan to the board'],
            ['digest every Monday 08:00', "the digest's schedule (board time zone)"],
            ['digest now', 'post the digest now'],
            ['unlink', 'stop posting here'],
          ]),
        ]
      : [
          section('Your actions', [
            ['my actions', 'what you own or cover for, with an Update button each'],
            ['snooze BTP-CDI-7 3 days', 'no reminder for it until then'],
            ["I'm away until 2 Jan / I'm back", 'reminders wait, or go to your delegate'],
            ['delegate to @name / delegate to nobody', 'someone covers your reminders while you are away'],
            ['stop / start', 'pause or resume your reminders'],
          ]),
        ]),
    textBlock(
      channel ? `Mention me (@${name(o)}) with any of these.` : 'Ask in plain words; I understand variations.',
      {
        isSubtle: true,
        size: 'Small',
      },
    ),
  ]);
}

function name(o: WelcomeOptions): string {
  return safe(o.botName?.trim() || 'Chaser', 40);
}

/** The example questions as buttons that ask them. */
function tryThese(o: WelcomeOptions): CardElement[] {
  if (!o.examples.length) {
    return [
      textBlock(
        'There are no plans to ask about yet: an admin can send me a plan file (.xlsx, .csv, .docx) in a personal chat.',
      ),
    ];
  }
  const where = o.scope === 'channel' ? `Mention me (@${name(o)}) with a question` : 'Ask me in plain words';
  return [
    textBlock(`${where}, for example:`, { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'ActionSet', actions: o.examples.map(askAction) },
  ];
}

function section(title: string, rows: [string, string][]): CardElement {
  return {
    type: 'Container',
    spacing: 'Medium',
    items: [
      textBlock(title, { weight: 'Bolder' }),
      { type: 'FactSet', facts: rows.map(([say, does]) => ({ title: say, value: does })) },
    ],
  };
}
