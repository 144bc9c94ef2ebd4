/**
 * `board link|follow|schedule|unlink`: the channel commands for operators. The CLI cannot see Teams,
 * so `link` names a channel conversation the bot already knows (it learns one when @mentioned there).
 */
import {
  followPlan,
  linkBoard,
  scheduleDigest,
  unlinkBoard,
  findBoardByKey,
  type BoardResult,
} from '../../../core/digest/boards';
import { knownChannels } from '../../../core/people/teams-identity';
import { parseArgs, stringOption, type CliCommand, type CliContext } from '../command';

const USAGE =
  'board link KEY --conversation ID [--name NAME] | follow KEY PLAN | schedule KEY every Monday 08:00 | unlink KEY';

export const board: CliCommand = {
  name: 'board',
  usage: USAGE,
  summary: 'set up a board: its channel, the plans it follows and its digest schedule',
  async run(args, ctx) {
    const { positional, options } = parseArgs(args);
    const [verb, key, ...rest] = positional;
    if (!key || !['link', 'follow', 'schedule', 'unlink'].includes(verb)) {
      ctx.err(`usage: npm run chaser -- ${USAGE}`);
      return 2;
    }
    if (verb === 'link')
      return report(ctx, await link(ctx, key, stringOption(options, 'conversation'), stringOption(options, 'name')));
    if (verb === 'follow')
      return report(ctx, await followPlan(ctx.core, 'operator', { boardKey: key, planKey: rest[0] ?? '' }));
    const found = await findBoardByKey(ctx.core, key);
    if (!found) return report(ctx, { ok: false, message: `There is no board ${key.toUpperCase()}.` });
    if (verb === 'schedule')
      return report(ctx, await scheduleDigest(ctx.core, 'operator', { boardId: found.id, text: rest.join(' ') }));
    return report(ctx, await unlinkBoard(ctx.core, 'operator', found.id));
  },
};

async function link(
  ctx: CliContext,
  key: string,
  conversationId: string | undefined,
  name: string | undefined,
): Promise<BoardResult> {
  const channels = await knownChannels(ctx.core);
  const channel = channels.find((c) => c.conversationId === conversationId);
  if (!channel) {
    const known =
      channels.map((c) => `${c.conversationId} (${c.channelName ?? 'channel'})`).join(', ') ||
      'none yet: @mention the bot in the channel first';
    return { ok: false, message: `--conversation must name a channel the bot knows; known channels: ${known}` };
  }
  const result = await linkBoard(ctx.core, 'operator', { key, name, conversationRefId: channel.id });
  return result.ok
    ? { ...result, message: result.message.replace('this channel', `${channel.channelName ?? channel.conversationId}`) }
    : result;
}

function report(ctx: CliContext, r: BoardResult): number {
  (r.ok ? ctx.out : ctx.err)(r.message);
  return r.ok ? 0 : 1;
}
