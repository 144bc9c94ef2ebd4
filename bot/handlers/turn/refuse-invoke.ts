/**
 * Ends an invoke with an error the Teams client shows in place (the Universal Actions error shape), so a
 * refused card click says why instead of spinning. The HTTP status matches, as botbuilder's own errors do.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';

const CODES: Record<number, string> = { 400: 'BadRequest', 403: 'Forbidden', 413: 'PayloadTooLarge' };

export async function refuseInvoke(context: TurnContext, status: 400 | 403 | 413, message: string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status,
      body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code: CODES[status], message } },
    },
  });
}
