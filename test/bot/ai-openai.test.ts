/**
 * The settings path end to end, offline: OPENAI_API_KEY set, the real teams-ai OpenAIModel, and the
 * openai client pointed (OPENAI_BASE_URL) at a local stand-in for the Chat Completions API. Proves the
 * request the model gets (system prompt, the question, one tool per query kind) and that its tool call
 * is answered with the parser path's card.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { message } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { NOW, seedQuestionWorld } from '../core/queries/questions.fixture';
import { QUESTION_ACTIONS } from '../../bot/ai/actions';

const requests: any[] = [];
let openai: Server;
let bot: TestBot;

const toolCall = (name: string, args: object) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 0,
  model: 'gpt-4o-mini',
  choices: [
    {
      index: 0,
      finish_reason: 'tool_calls',
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name, arguments: JSON.stringify(args) } }],
      },
    },
  ],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

beforeAll(async () => {
  openai = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ path: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(toolCall('list', { rag: ['RED'], plan: 'BTP-CDI' })));
    });
  });
  await new Promise<void>((resolve) => openai.listen(0, '127.0.0.1', resolve));
  process.env.OPENAI_BASE_URL = `http://127.0.0.1:${(openai.address() as AddressInfo).port}/v1`;
  bot = await startTestBot({ now: NOW, env: { OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'gpt-4o-mini' } });
  await seedQuestionWorld(bot.chaser.core.db);
});
afterAll(async () => {
  delete process.env.OPENAI_BASE_URL;
  await bot.stop();
  await new Promise((resolve) => openai.close(resolve));
});

async function ask(text: string) {
  bot.connector.clear();
  await bot.post(message(text, { serviceUrl: bot.connector.url }));
  const [sent] = bot.connector.sends();
  return sent.activity.attachments[0].content;
}

it('sends an unreadable question to Chat Completions with the query tools, and answers its tool call with the parser card', async () => {
  const viaModel = await ask('which bits are on fire');
  expect(requests).toHaveLength(1);
  const [{ path, auth, body }] = requests;
  expect(path).toBe('/v1/chat/completions');
  expect(auth).toBe('Bearer sk-test');
  expect(body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0, tool_choice: 'auto' });
  expect(body.tools.map((t: any) => t.function.name)).toEqual([...QUESTION_ACTIONS]);
  expect(body.messages.map((m: any) => m.role)).toEqual(['system', 'user']);
  expect(body.messages[0].content).toContain('BTP-CDI: Crime Data Integrity');
  expect(body.messages[1].content).toBe('which bits are on fire');
  expect(viaModel).toEqual(await ask('red in BTP-CDI'));
  expect(requests).toHaveLength(1);
});
