/**
 * `digest --board KEY [--as-of DATE] [--dry-run] [--json]`: a board's digest as of a moment. --as-of
 * takes 2015-06-08 (the board's digest time that day), 2015-06-08T08:00 (the board's wall clock) or an
 * ISO instant with Z. --dry-run prints it (text, or the card JSON with --json); otherwise it is queued
 * for the board's channel and the bot's outbox worker posts it.
 */
import { findBoardByKey } from '../../../core/digest/boards';
import { computeDigest } from '../../../core/digest/compute';
import { enqueueDigestNow } from '../../../core/digest/post';
import { parseCron, slotOnDate } from '../../../core/digest/schedule';
import { digestActivity, digestCard, digestText } from '../../../cards/digest';
import { parseArgs, stringOption, type CliCommand } from '../command';
import { MOMENT_FORMS, parseMoment } from '../moment';

export const digest: CliCommand = {
  name: 'digest',
  usage: 'digest --board KEY [--as-of DATE] [--dry-run] [--json]',
  summary: "print a board's digest (--dry-run) or post it to the board's channel",
  async run(args, ctx) {
    const { options } = parseArgs(args);
    const key = stringOption(options, 'board');
    const board = key ? await findBoardByKey(ctx.core, key) : null;
    if (!board) {
      ctx.err(key ? `no board with key ${key}` : 'digest needs --board KEY');
      return 2;
    }
    const asOfText = stringOption(options, 'as-of');
    const slot = (date: string) => slotOnDate(parseCron(board.digestCron), board.timeZone, date).at;
    const asOf = asOfText ? parseMoment(asOfText, board.timeZone, slot) : ctx.core.now();
    if (!asOf) {
      ctx.err(`--as-of must look like ${MOMENT_FORMS} (the board's time zone), got "${asOfText}"`);
      return 2;
    }
    const data = await computeDigest(ctx.core, board.id, asOf);
    if (options['dry-run']) {
      ctx.out(options.json ? JSON.stringify(digestCard(data), null, 2) : digestText(data));
      return 0;
    }
    if (!board.conversationId) {
      ctx.err(`board ${board.key} is not linked to a channel: see \`npm run chaser -- board link\``);
      return 1;
    }
    const requestKey = `cli:${board.id}:${asOf.toISOString()}`;
    const conversationRefId = board.conversationId;
    await enqueueDigestNow(ctx.core, 'operator', {
      boardId: board.id,
      conversationRefId,
      requestKey,
      activity: async () => digestActivity(data),
    });
    ctx.out(`queued the ${board.key} digest as of ${data.asOfLabel}; the bot's outbox worker posts it`);
    return 0;
  },
};
