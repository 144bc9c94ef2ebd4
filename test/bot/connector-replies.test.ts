/** A turn's messages as plain JSON through the SDK's own pipeline (bot/connector-replies.ts). */
import { ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import { ConnectorFactoryImpl } from 'botframework-connector/lib/auth/connectorFactoryImpl';
import { withPlainJsonMessages } from '../../bot/connector-replies';
import { startConnector, type ConnectorStandIn } from '../helpers/connector';

let connector: ConnectorStandIn;
beforeAll(async () => {
  connector = await startConnector();
});
afterAll(() => connector.close());
beforeEach(() => connector.clear());

/** A ConnectorClient as CloudAdapter makes one (no app id: local mode), at `serviceUrl`. */
async function client(serviceUrl: string) {
  const factory = new ConnectorFactoryImpl('', '', '', true, new ConfigurationServiceClientCredentialFactory({}));
  return withPlainJsonMessages(await factory.create(serviceUrl), serviceUrl);
}

const thread = '19:general@thread.tacv2;messageid=1700000000000';
const card = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Red — 2 actions' }] } }], channelData: { chaserOutboxId: 'o-1' } } as Partial<Activity>;

it('replies, sends and updates at the Bot Framework paths, with the activity as its JSON', async () => {
  // A service URL as Teams gives it, with a trailing slash.
  const c = await client(`${connector.url}/`);
  // The generated operations go through sendOperationRequest: these three never do.
  const generated = jest.spyOn(c, 'sendOperationRequest');
  expect(await c.conversations.replyToActivity(thread, 'act-9', card)).toEqual({ id: 'act-1' });
  expect(await c.conversations.sendToConversation(thread, { ...card, channelData: {} })).toEqual({ id: 'act-2' });
  expect(await c.conversations.updateActivity(thread, 'act-1', { ...card, id: 'act-1' })).toEqual({ id: 'act-1' });
  const [reply, sent, update] = connector.recorded;
  expect(reply).toMatchObject({ kind: 'send', conversationId: thread, replyToId: 'act-9', activity: card });
  expect(sent).toMatchObject({ kind: 'send', conversationId: thread, activity: { type: 'message' } });
  expect(sent.replyToId).toBeUndefined();
  expect(update).toMatchObject({ kind: 'update', conversationId: thread, activityId: 'act-1', activity: { ...card, id: 'act-1' } });
  expect(generated).not.toHaveBeenCalled();
});

it("throws the Bot Connector's refusal with its status and code, as the SDK's client does", async () => {
  const c = await client(connector.url);
  connector.inject({ status: 403, code: 'ConversationBlockedByUser', times: 1 });
  await expect(c.conversations.replyToActivity('a:chat', 'act-1', card)).rejects.toMatchObject({ name: 'RestError', statusCode: 403, code: 'ConversationBlockedByUser' });
  expect(connector.sends()).toHaveLength(0);
});
