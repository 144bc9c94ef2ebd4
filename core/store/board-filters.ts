/**
 * What a board's view can be filtered by, in one statement: the sections of its plans' recommendations,
 * the posts owning their actions and the priorities they carry, each once and in order, each reached from
 * the board's plans through the plan indexes.
 */
import { sql } from 'kysely';
import type { Store } from '.';

export interface BoardFilterValues {
  sections: string[];
  posts: string[];
  priorities: string[];
}

export async function boardFilterValues(store: Store, boardId: string): Promise<BoardFilterValues> {
  // Joined from the board's plans rather than `planId IN (its plans)`: SQLite answered the IN with a scan
  // of every recommendation and action.
  const followed = store
    .selectFrom('BoardPlan as bp')
    .innerJoin('Plan as pl', 'pl.id', 'bp.planId')
    .where('bp.boardId', '=', boardId)
    .where('pl.archivedAt', 'is', null);
  const rows = await followed
    .innerJoin('Recommendation as r', 'r.planId', 'pl.id')
    .where('r.section', 'is not', null)
    .select([sql.lit('section').as('kind'), 'r.section as value'])
    .union(
      followed
        .innerJoin('Action as a', 'a.planId', 'pl.id')
        .where('a.priority', 'is not', null)
        .select([sql.lit('priority').as('kind'), 'a.priority as value']),
    )
    .union(
      followed
        .innerJoin('Action as a', 'a.planId', 'pl.id')
        .innerJoin('ActionOwner as o', 'o.actionId', 'a.id')
        .innerJoin('Post as p', 'p.id', 'o.postId')
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
