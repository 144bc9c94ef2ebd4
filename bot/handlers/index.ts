/**
 * Registers every handler, by kind. teams-ai runs the first route that matches, so the message
 * commands come before the catch-all question handler.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { RouteSelector, TurnState } from '@microsoft/teams-ai';
import type { ChaserApp } from '../app';
import type { BotDeps } from '../deps';
import { captureIdentity } from './turn/capture-identity';
import { tenantGuard } from './turn/tenant-guard';
import { cardSubmitGuard } from './turn/card-submit-guard';
import { answeringFailures, unknownInvoke } from './turn/card-errors';
import { welcomeOnInstall } from './install/welcome';
import { help } from './messages/help';
import { answerQuestion } from './messages/question';
import { listPage } from './actions/list-page';
import { decideExtensionRequest } from './actions/extension-decide';
import { away, AWAY } from './messages/away';
import { delegate, DELEGATE } from './messages/delegate';
import { MY_ACTIONS, myActions, myActionsPage } from './messages/my-actions';
import { remindersToggle, REMINDERS_TOGGLE } from './messages/reminders-toggle';
import { snooze, SNOOZE } from './messages/snooze';
import { openUpdateCard, viewAction } from './actions/open';
import { redrawUpdateForm, saveUpdate } from './actions/update';
import { verifyAction } from './actions/verify';
import { openClosureForm, recordClosure } from './actions/close';
import { digestPage } from './actions/digest-page';
import { reminderPage } from './actions/reminder-page';
import { boardFollowsPlan, FOLLOW_PLAN } from './messages/board-follow';
import { LINK_BOARD, linkChannelToBoard } from './messages/board-link';
import { SCHEDULE_DIGEST, scheduleBoardDigest } from './messages/board-schedule';
import { UNLINK, unlinkChannel } from './messages/board-unlink';
import { DIGEST_NOW, digestNow } from './messages/digest-now';
import { PLAN_SETTING, planSetting } from './messages/plan-settings';
import { fileUpload, isFileUpload } from './messages/file-upload';
import { evidenceUpload, isEvidenceUpload } from './messages/evidence-upload';
import { cancelImportAction } from './actions/import-cancel';
import { confirmImportAction } from './actions/import-confirm';

/** Messages that are commands, in the order tried; any other message is a question (answerQuestion). */
function messageCommands(deps: BotDeps): [RouteSelector, (context: TurnContext, state: TurnState) => Promise<void>][] {
  return [
    [saying(/^\s*(help|\?|hi|hello)\s*[.!?]*\s*$/i), help(deps)],
    [saying(MY_ACTIONS), myActions(deps)],
    [saying(SNOOZE), snooze(deps)],
    [saying(AWAY), away(deps)],
    [saying(DELEGATE), delegate(deps)],
    [saying(REMINDERS_TOGGLE), remindersToggle(deps)],
    [saying(DIGEST_NOW), digestNow(deps)],
    [saying(LINK_BOARD), linkChannelToBoard(deps)],
    [saying(FOLLOW_PLAN), boardFollowsPlan(deps)],
    [saying(SCHEDULE_DIGEST), scheduleBoardDigest(deps)],
    [saying(UNLINK), unlinkChannel(deps)],
    [saying(PLAN_SETTING), planSetting(deps)],
    [isEvidenceUpload, evidenceUpload(deps)],
    [isFileUpload, fileUpload(deps)],
  ];
}

/** A message whose text matches `pattern` (as teams-ai matches a RegExp route). */
function saying(pattern: RegExp): RouteSelector {
  return async (context) =>
    context.activity.type === ActivityTypes.Message && !!context.activity.text && pattern.test(context.activity.text);
}

export function registerHandlers(app: ChaserApp, deps: BotDeps): void {
  const commands = messageCommands(deps);
  // Guards run first so nothing from a refused request is stored.
  app.turn('beforeTurn', tenantGuard(deps));
  app.turn('beforeTurn', cardSubmitGuard(deps));
  app.turn('beforeTurn', captureIdentity(deps));
  app.conversationUpdate('membersAdded', welcomeOnInstall(deps));
  for (const [selector, handler] of commands) app.message(selector, handler);
  const cards: [string, Parameters<typeof answeringFailures>[2], Parameters<typeof answeringFailures>[3]?][] = [
    ['myactions.page', myActionsPage(deps)],
    ['action.open', openUpdateCard(deps)],
    ['action.view', viewAction(deps)],
    ['action.update', saveUpdate(deps), redrawUpdateForm(deps)],
    ['extension.decide', decideExtensionRequest(deps)],
    ['action.verify', verifyAction(deps)],
    ['action.closeForm', openClosureForm(deps)],
    ['action.close', recordClosure(deps)],
    ['list.page', listPage(deps)],
    ['digest.page', digestPage(deps)],
    ['reminder.page', reminderPage(deps)],
    ['import.confirm', confirmImportAction(deps)],
    ['import.cancel', cancelImportAction(deps)],
  ];
  for (const [verb, handler, redraw] of cards) {
    app.adaptiveCards.actionExecute(verb, answeringFailures(deps, verb, handler, redraw));
  }
  app.activity(ActivityTypes.Invoke, unknownInvoke());
  app.activity('message', answerQuestion(deps));
}
