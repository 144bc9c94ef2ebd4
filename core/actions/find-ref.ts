/** An action named the way users write it: "BTP-CDI-9", or "9" within a plan they are already in. */
import type { CoreContext } from '../context';

export async function findActionByRef(
  ctx: Pick<CoreContext, 'db'>,
  text: string,
  planKey?: string,
): Promise<{ id: string; displayRef: string } | null> {
  const upper = text.trim().toUpperCase();
  const candidates = planKey ? [{ planKey, ref: text.trim() }] : [];
  const dash = upper.lastIndexOf('-');
  if (dash > 0) candidates.push({ planKey: upper.slice(0, dash), ref: text.trim().slice(dash + 1) });
  for (const c of candidates) {
    const found = await ctx.db.prisma.action.findFirst({
      where: { ref: c.ref, plan: { key: c.planKey } },
      select: { id: true, ref: true },
    });
    if (found) return { id: found.id, displayRef: `${c.planKey}-${found.ref}` };
  }
  return null;
}
