/**
 * A turn's messages (replies, new messages, card updates) as plain JSON requests through the
 * ConnectorClient's own HTTP pipeline: the same credentials, retries, user agent and redirects, without
 * the generated operation layer above it. That layer (operation specs, serialisers, core-http
 * compatibility wrappers) cost ~0.5–0.9 ms of CPU per message here, a third of an empty turn's Bot
 * Framework work, for a body that is the activity's own JSON either way.
 */
import { createHttpHeaders, createPipelineRequest, RestError, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { Activity, ResourceResponse } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';

/** The SDK's ServiceClient under a ConnectorClient (a private field), which sends through its pipeline. */
interface PipelineClient {
  sendRequest(request: PipelineRequest): Promise<PipelineResponse>;
}

/**
 * `connector` (made for `serviceUrl`) with replyToActivity, sendToConversation and updateActivity sent
 * as plain JSON. A client that does not expose its pipeline as expected (another SDK version) is
 * returned as it is; test/bot/connector-replies.test.ts notices.
 */
export function withPlainJsonMessages(connector: ConnectorClient, serviceUrl: string): ConnectorClient {
  const client = (connector as unknown as { client?: PipelineClient }).client;
  if (typeof client?.sendRequest !== 'function') return connector;
  const base = serviceUrl.replace(/\/+$/, '');
  const send = async (method: 'POST' | 'PUT', path: string, activity: Partial<Activity>): Promise<ResourceResponse> => {
    const url = `${base}${path}`;
    const request = createPipelineRequest({
      url,
      method,
      body: JSON.stringify(activity),
      headers: createHttpHeaders({ 'content-type': 'application/json; charset=utf-8' }),
      allowInsecureConnection: url.startsWith('http:'),
    });
    const response = await client.sendRequest(request);
    if (response.status < 200 || response.status > 299) {
      const error = errorOf(response.bodyAsText);
      throw new RestError(`the Bot Connector answered ${response.status}: ${error?.message ?? response.bodyAsText?.slice(0, 200) ?? ''}`, { code: error?.code, statusCode: response.status, request, response });
    }
    // As the SDK's operations: no body, no id.
    return (response.bodyAsText ? JSON.parse(response.bodyAsText) : {}) as ResourceResponse;
  };
  const activities = (conversationId: string) => `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  const operations: Pick<ConnectorClient['conversations'], 'replyToActivity' | 'sendToConversation' | 'updateActivity'> = {
    replyToActivity: ((conversationId: string, activityId: string, activity: Partial<Activity>) =>
      send('POST', `${activities(conversationId)}/${encodeURIComponent(activityId)}`, activity)) as ConnectorClient['conversations']['replyToActivity'],
    sendToConversation: ((conversationId: string, activity: Partial<Activity>) => send('POST', activities(conversationId), activity)) as ConnectorClient['conversations']['sendToConversation'],
    updateActivity: ((conversationId: string, activityId: string, activity: Partial<Activity>) =>
      send('PUT', `${activities(conversationId)}/${encodeURIComponent(activityId)}`, activity)) as ConnectorClient['conversations']['updateActivity'],
  };
  Object.assign(connector.conversations, operations);
  return connector;
}

/** The Bot Connector's error body: { error: { code, message } }. */
function errorOf(body: string | null | undefined): { code?: string; message?: string } | undefined {
  try {
    const error = body && JSON.parse(body)?.error;
    return error && typeof error === 'object' ? error : undefined;
  } catch {
    return undefined;
  }
}
