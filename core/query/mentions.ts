/**
 * Whom a question's @mentions mean. Teams gives each mention the person's ids, so a display name that
 * several people share still means the one mentioned; the parser reads a mention's name only when its
 * ids match no one Chaser knows (someone who has never talked to the bot).
 */
import type { CoreContext } from '../context';

/** An @mention as Teams sends it: the name shown in the message and the mentioned user's ids. */
export interface Mention {
  name: string;
  teamsUserId?: string;
  aadObjectId?: string;
}

/** A mention resolved to the Person it means. */
export interface MentionedPerson {
  name: string;
  personId: string;
}

/** The mentions whose ids belong to a known Person, in order; one read, none without ids. */
export async function mentionedPeople(
  ctx: Pick<CoreContext, 'db'>,
  mentions: readonly Mention[],
): Promise<MentionedPerson[]> {
  const teamsIds = [...new Set(mentions.flatMap((m) => (m.teamsUserId ? [m.teamsUserId] : [])))];
  const aadIds = [...new Set(mentions.flatMap((m) => (m.aadObjectId ? [m.aadObjectId] : [])))];
  if (!teamsIds.length && !aadIds.length) return [];
  const people = await ctx.db.prisma.person.findMany({
    where: {
      OR: [
        ...(teamsIds.length ? [{ teamsUserId: { in: teamsIds } }] : []),
        ...(aadIds.length ? [{ aadObjectId: { in: aadIds } }] : []),
      ],
    },
    select: { id: true, teamsUserId: true, aadObjectId: true },
  });
  return mentions.flatMap((m) => {
    const person = people.find(
      (p) => (m.aadObjectId && p.aadObjectId === m.aadObjectId) || (m.teamsUserId && p.teamsUserId === m.teamsUserId),
    );
    return person ? [{ name: m.name, personId: person.id }] : [];
  });
}
