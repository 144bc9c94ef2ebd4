/**
 * The optional AI layer over HTTP, with a scripted model in place of OpenAI (no network): the model can
 * only choose a query, which is validated and answered like a parsed one; anything else gets the
 * deterministic "I didn't get that" card. Without a model nothing about questions changes.
 */
import type {
  Memory,
  Message,
  PromptCompletionModel,
  PromptFunctions,
  PromptTemplate,
  Tokenizer,
} from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { message } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardProblems } from '../helpers/adaptive-card';
import { NOW, seedQuestionWorld } from '../core/queries/questions.fixture';
import { QUESTION_ACTIONS } from '../../bot/ai/actions';

// Counts planners built, to prove that without a model none is.
jest.mock('@microsoft/teams-ai', () => {
  const actual = jest.requireActual('@microsoft/teams-ai');
  return { ...actual, ActionPlanner: jest.fn((options: unknown) => new actual.ActionPlanner(options)) };
});
const { ActionPlanner } = jest.requireMock('@microsoft/teams-ai') as { ActionPlanner: jest.Mock };

type Reply = Message<string> | Error;

/** Stands in for OpenAI: records what it was asked, with the rendered prompt, and replies from a script. */
class ScriptedModel implements PromptCompletionModel {
  next: Reply = { role: 'assistant', content: '' };
  calls: { input: string; prompt: string; tools: string[] }[] = [];

  async completePrompt(
    context: TurnContext,
    memory: Memory,
    functions: PromptFunctions,
    tokenizer: Tokenizer,
    template: PromptTemplate,
  ): ReturnType<PromptCompletionModel['completePrompt']> {
    const rendered = await template.prompt.renderAsMessages(
      context,
      memory,
      functions,
      tokenizer,
      template.config.completion.max_input_tokens,
    );
    this.calls.push({
      input: memory.getValue('temp.input') as string,
      prompt: rendered.output.map((m) => m.content).join('\n'),
      tools: (template.actions ?? []).map((a) => a.name),
    });
    return this.next instanceof Error
      ? { status: 'error', error: this.next }
      : { status: 'success', message: this.next };
  }
}

const call = (name: string, parameters: unknown): Message<string> => ({
  role: 'assistant',
  content: undefined,
  action_calls: [{ id: 'call_1', type: 'function', function: { name, arguments: JSON.stringify(parameters) } }],
});

/** A question the parser cannot read (checked: the model is asked). */
const VAGUE = 'which bits are on fire';
const NOT_UNDERSTOOD = /^I didn't get that\./;

const model = new ScriptedModel();
let bot: TestBot;
let plain: TestBot;

beforeAll(async () => {
  [bot, plain] = await Promise.all([startTestBot({ now: NOW, aiModel: model }), startTestBot({ now: NOW })]);
  await Promise.all([seedQuestionWorld(bot.chaser.core.db), seedQuestionWorld(plain.chaser.core.db)]);
});
afterAll(() => Promise.all([bot.stop(), plain.stop()]));
beforeEach(() => {
  model.calls = [];
});

async function ask(on: TestBot, text: string, scope: 'personal' | 'channel' = 'personal') {
  on.connector.clear();
  const res = await on.post(message(text, { serviceUrl: on.connector.url, scope }));
  expect(res.status).toBe(200);
  const sends = on.connector.sends();
  expect(sends).toHaveLength(1);
  expect(sends[0].activity.text).toBeUndefined();
  const card = sends[0].activity.attachments[0].content;
  expect(cardProblems(card)).toEqual([]);
  return card;
}

describe('AI layer with a scripted model', () => {
  it('answers a list action with the very card the parser path gives for the same query', async () => {
    model.next = call('list', { rag: ['RED'], plan: 'BTP-CDI' });
    const viaModel = await ask(bot, VAGUE);
    expect(model.calls).toHaveLength(1);
    expect(viaModel).toEqual(await ask(bot, 'red in BTP-CDI'));
    expect(viaModel.body[0].text).toBe('Red — 2 actions in BTP\\-CDI');
    expect(model.calls).toHaveLength(1);
  });

  it('gives the model the stripped channel text, today, the names that exist and one tool per query kind', async () => {
    model.next = call('item', { plan: 'BTP-CDI', ref: '1' });
    const card = await ask(bot, VAGUE, 'channel');
    expect(card).toEqual(await ask(bot, 'status of BTP-CDI-1'));
    const [{ input, prompt, tools }] = model.calls;
    expect(input).toBe(VAGUE);
    expect(prompt).toContain('Today is Wednesday 2024-11-20.');
    expect(prompt).toContain(
      'Plans (key: title): BTP-CDI: Crime Data Integrity; NCRS: Audit Commission NCRS action plan',
    );
    expect(prompt).toContain('Deputy Chief Constable');
    expect(prompt).not.toContain('Alex Wilber');
    expect(tools).toEqual([...QUESTION_ACTIONS]);
  });

  it('answers "my" actions for whoever asked', async () => {
    model.next = call('list', { owner: { me: true }, rag: ['RED'] });
    expect((await ask(bot, VAGUE)).body[0].text).toBe('Red — 1 action for you');
  });

  it.each([
    ['a RAG that does not exist', call('list', { rag: ['CRIMSON'] })],
    ['a parameter no query has', call('list', { colour: 'red' })],
    ['a required parameter missing', call('item', { plan: 'BTP-CDI' })],
    ['arguments that are not an object', call('summary', ['BTP-CDI'])],
    ['an action that does not exist', call('drop_tables', {})],
  ])('refuses %s with the "I didn\'t get that" card', async (_, reply) => {
    model.next = reply;
    const card = await ask(bot, VAGUE);
    expect(model.calls).toHaveLength(1);
    expect(card.body[0].text).toMatch(NOT_UNDERSTOOD);
  });

  it('never shows plain text from the model: it could be about data nobody fetched', async () => {
    model.next = { role: 'assistant', content: 'Everything in BTP-CDI is green, well done!' };
    const card = await ask(bot, VAGUE);
    expect(card.body[0].text).toMatch(NOT_UNDERSTOOD);
    expect(JSON.stringify(bot.connector.sends())).not.toContain('well done');
  });

  it('falls back to the "I didn\'t get that" card when the model fails', async () => {
    model.next = new Error('503 from the model');
    expect((await ask(bot, VAGUE)).body[0].text).toMatch(NOT_UNDERSTOOD);
  });

  it('leaves questions the parser reads to the parser', async () => {
    await ask(bot, "what's overdue for the DCC?");
    await ask(bot, 'help');
    expect(model.calls).toHaveLength(0);
  });
});

describe('without AI settings', () => {
  it('builds no planner: of the two bots started, only the one with a model built one', () => {
    expect(ActionPlanner).toHaveBeenCalledTimes(1);
    expect(bot.chaser.config.OPENAI_API_KEY).toBeUndefined();
  });

  it('answers what the parser cannot read with the deterministic card', async () => {
    const card = await ask(plain, VAGUE);
    expect(card.body[0].text).toMatch(NOT_UNDERSTOOD);
    expect(ActionPlanner).toHaveBeenCalledTimes(1);
  });
});
