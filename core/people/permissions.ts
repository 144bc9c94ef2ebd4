/**
 * Who may do what: one row per command, card verb and write path, each naming who may and the rule
 * (from roles.ts) that decides it. Every write asks `may` here, so the rules are read in one place;
 * README "Who may do what" is this table in words. The CLI runs as the operator, who has the database.
 */
import type { CoreContext } from '../context';
import {
  actionRole,
  canDecideForPlan,
  canManagePlan,
  isAdmin,
  isAdminOrBoardPlanOwner,
  mayAcceptRisk,
  maySupersede,
} from './roles';

type Ctx = Pick<CoreContext, 'db' | 'adminAadIds'>;

/** Who asks: a person in Teams, or the operator at the command line. */
export type Actor = { personId: string } | 'operator';

/** What the request is about; each rule reads the part it needs. */
export interface Subject {
  planId?: string;
  boardId?: string | null;
  actionId?: string;
}

interface Rule {
  /** Who may, in the README's words. */
  who: string;
  allows(ctx: Ctx, personId: string, subject: Subject): Promise<boolean>;
}

const adminOnly = (ctx: Ctx, personId: string) => isAdmin(ctx, personId);

/** Admins always; otherwise the owner of a plan the board already follows. */
const changesBoard = (ctx: Ctx, personId: string, { boardId }: Subject) =>
  isAdminOrBoardPlanOwner(ctx, personId, boardId ?? null);

/**
 * Adding a plan needs control of the plan and of the board: otherwise any plan owner could make a
 * board follow their plan and so gain control of it. A board that follows nothing yet is anyone's
 * to start, as long as the plan is theirs.
 */
async function followsPlan(ctx: Ctx, personId: string, subject: Subject): Promise<boolean> {
  if (await isAdmin(ctx, personId)) return true;
  if (!(await canManagePlan(ctx, personId, subject.planId!))) return false;
  const follows = await ctx.db.prisma.boardPlan.count({ where: { boardId: subject.boardId! } });
  return follows === 0 || changesBoard(ctx, personId, subject);
}

const BOARD_CHANGE: Rule = { who: 'admin, or the owner of a plan the board follows', allows: changesBoard };

export const PERMISSIONS = {
  'board.link': BOARD_CHANGE,
  'board.schedule': BOARD_CHANGE,
  'board.unlink': BOARD_CHANGE,
  'board.digest-now': BOARD_CHANGE,
  'board.follow': {
    who: "admin, or the plan's owner when the board follows none of another owner's plans",
    allows: followsPlan,
  },
  'plan.settings': { who: 'admin', allows: adminOnly },
  'plan.import': { who: 'admin', allows: adminOnly },
  'action.update': {
    who: "the action's owners and their delegates, the plan owner, admin",
    allows: async (ctx, personId, { actionId }) => !!(await actionRole(ctx, personId, actionId!)),
  },
  'action.decide': {
    who: "the plan owner, the plan's verifier, admin (never whoever completed or asked)",
    allows: (ctx, personId, { planId }) => canDecideForPlan(ctx, personId, planId!),
  },
  'action.accept-risk': {
    who: "the plan's risk acceptor (else the plan owner), admin",
    allows: (ctx, personId, { planId }) => mayAcceptRisk(ctx, personId, planId!),
  },
  'action.supersede': {
    who: 'the plan owner, admin',
    allows: (ctx, personId, { planId }) => maySupersede(ctx, personId, planId!),
  },
} satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export async function may(ctx: Ctx, actor: Actor | string, permission: Permission, subject: Subject = {}) {
  if (actor === 'operator') return true;
  const personId = typeof actor === 'string' ? actor : actor.personId;
  return PERMISSIONS[permission].allows(ctx, personId, subject);
}
