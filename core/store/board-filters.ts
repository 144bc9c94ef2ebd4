/**
 * What a board's view can be filtered by, in one statement: the sections of its plans' recommendations,
 * the posts owning their actions and the priorities they carry, each once and in order. The posts are
 * reached from the plans' actions, which the plan index narrows to the board's few hundred.
 */
import { sql } from 'kysely';
import type { Store } from '.';

export interface BoardFilterValues {
  sections: string[];
  posts: string[];
  priorities: string[];
}

export async function boardFilterValues(store: Store, boardId: string): Promise<BoardFilterValues> {
  const followed = store
    .selectFrom('BoardPlan as bp')
    .innerJoin('Plan as pl', 'pl.id', 'bp.planId')
    .where('bp.boardId', '=', boardId)
    .where('pl.archivedAt', 'is', null)
    .select('pl.id');
  const rows = await store
    .selectFrom('Recommendation as r')
    .where('r.planId', 'in', followed)
    .where('r.section', 'is not', null)
    .select([sql.lit('section').as('kind'), 'r.section as value'])
    .union(
      store
        .selectFrom('Action as a')
        .where('a.planId', 'in', followed)
        .where('a.priority', 'is not', null)
        .select([sql.lit('priority').as('kind'), 'a.priority as value']),
    )
    .union(
      store
        .selectFrom('Action as a')
        .innerJoin('ActionOwner as o', 'o.actionId', 'a.id')
        .innerJoin('Post as p', 'p.id', 'o.postId')
        .where('a.planId', 'in', followed)
        .select([sql.lit('post').as('kind'), 'p.name as value']),
    )
    .orderBy('kind')
    .orderBy('value')
    .$narrowType<{ value: string }>()
    .execute();
  const values: BoardFilterValues = { sections: [], posts: [], priorities: [] };
  const lists = { section: values.sections, post: values.posts, priority: values.priorities };
  for (const { kind, value } of rows) lists[kind as keyof typeof lists].push(value);
  return values;
}
