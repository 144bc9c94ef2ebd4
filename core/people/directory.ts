/** Finding people for sign-in: by id, by their Entra ID (AAD) object id, and the list a local developer picks from. */
import type { CoreContext } from '../context';

type Ctx = Pick<CoreContext, 'db'>;

export interface PersonName {
  id: string;
  displayName: string;
}

export function personById(ctx: Ctx, id: string): Promise<PersonName | null> {
  return ctx.db.prisma.person.findUnique({ where: { id }, select: { id: true, displayName: true } });
}

export function personByAadObjectId(ctx: Ctx, aadObjectId: string): Promise<PersonName | null> {
  return ctx.db.prisma.person.findUnique({ where: { aadObjectId }, select: { id: true, displayName: true } });
}

/** The first people by name, with the posts they hold now: what the local developer sign-in offers. */
export async function peopleWithPosts(ctx: Ctx, take: number): Promise<(PersonName & { posts: string[] })[]> {
  const people = await ctx.db.prisma.person.findMany({
    orderBy: { displayName: 'asc' },
    take,
    select: {
      id: true,
      displayName: true,
      holdings: { where: { to: null }, select: { post: { select: { name: true } } } },
    },
  });
  return people.map((p) => ({ id: p.id, displayName: p.displayName, posts: p.holdings.map((h) => h.post.name) }));
}
