/**
 * The board tab's JSON API under /api/tab/. Every answer comes from the same core/ functions the bot
 * uses (lists, summaries, the owner loop's writes, the board pack); this file only checks who is
 * asking, parses the request (400 naming the field), and shapes the answer through bot/tab/contract.ts.
 * Reading a board is open to every signed-in person, as in the bot; writes are refused (403) by the
 * same core rules as the cards.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Config } from '../../core/config';
import type { CoreContext } from '../../core/context';
import { STATUS_CHOICES, submitUpdate } from '../../core/actions/update';
import { decideExtension, pendingExtensions } from '../../core/actions/extension';
import { evidenceOf } from '../../core/evidence/evidence';
import { peopleWithPosts } from '../../core/people/directory';
import { boardOverview } from '../../core/board/overview';
import { boardTable } from '../../core/board/tables';
import { meetingDecisions, meetingItems } from '../../core/board/meeting';
import { decideVerification } from '../../core/actions/verify';
import { closeAction } from '../../core/actions/close';
import { requestUpdate } from '../../core/actions/request-update';
import { may } from '../../core/people/permissions';
import { listMyActions } from '../../core/actions/mine';
import { loadView } from '../../core/actions/change';
import { actionRole, authorityWords, canManagePlan, riskAcceptorPost } from '../../core/people/roles';
import { canChangeBoard, findBoardByKey, followedPlan, listBoards, type BoardRow } from '../../core/digest/boards';
import { exportPlan } from '../../core/export/export-plan';
import { findItem } from '../../core/query/item';
import { historySentence } from '../../core/history/sentence';
import { clockTime } from '../../cards/update-card';
import { RAG_LABEL } from '../../cards/card';
import { endOfLocalDay, formatDate, localDate } from '../../core/time';
import type { Logger } from '../logger';
import { ownerLoopMessages } from '../../cards/owner-loop-messages';
import { createTabAuth, directAddress, isLoopback, type TabUser } from './auth';
import * as c from './contract';
import { postMeetingSummary } from './meeting';

export interface TabApiDeps {
  core: CoreContext;
  config: Config;
  log: Logger;
}

/** People the local developer sign-in offers. */
const DEVELOPER_PEOPLE = 50;

type Handler = (req: Request, res: Response, user: TabUser) => Promise<void>;

/** A 4xx answer thrown from a handler. */
class Refusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const notFound = (what: string) => new Refusal(404, `no such ${what}`);

/** Parses a request part; the first problem becomes a 400 naming its field. */
function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.join('.') || undefined;
  throw new Refusal(400, field ? `${field}: ${issue.message}` : issue.message, field);
}

/** An answer shaped through its schema: only what the contract names leaves the server. */
function send<T extends z.ZodTypeAny>(res: Response, schema: T, body: z.input<T>): void {
  res.json(schema.parse(body));
}

export function createTabApi(deps: TabApiDeps): express.Router {
  const { core, config, log } = deps;
  const auth = createTabAuth(config, core);
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));

  const route = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      const signIn = await auth.signIn(req.headers.authorization, directAddress(req));
      if (!signIn.ok) {
        res.status(signIn.status).json({ error: signIn.error });
        return;
      }
      await handler(req, res, signIn.user);
    } catch (err) {
      next(err);
    }
  };

  router.get('/developer/people', async (req, res, next) => {
    try {
      if (!auth.local || !isLoopback(directAddress(req))) {
        res.status(404).json({ error: 'developer sign-in is only for a local Chaser, from this machine' });
        return;
      }
      send(res, c.developerPeopleAnswer, { people: await peopleWithPosts(core, DEVELOPER_PEOPLE) });
    } catch (err) {
      next(err);
    }
  });

  router.get(
    '/session',
    route(async (_req, res, user) => send(res, c.sessionAnswer, { user })),
  );

  router.get(
    '/boards',
    route(async (_req, res) => {
      send(res, c.boardsAnswer, { boards: await listBoards(core) });
    }),
  );

  router.get(
    '/boards/:key',
    route(async (req, res, user) => {
      const board = await boardOf(req.params.key);
      send(res, c.boardAnswer, await boardOverview(core, board, user.personId));
    }),
  );

  router.get(
    '/boards/:key/actions',
    route(async (req, res) => {
      const board = await boardOf(req.params.key);
      const q = parse(c.boardActionsQuery, req.query);
      send(res, c.actionsAnswer, await boardTable(core, board, q));
    }),
  );

  router.get(
    '/boards/:key/pack',
    route(async (req, res) => {
      const board = await boardOf(req.params.key);
      const q = parse(c.packQuery, req.query);
      const plan = await followedPlan(core, board.id, q.plan);
      if (!plan) throw new Refusal(404, `${q.plan} is not one of ${board.key}'s plans`, 'plan');
      const asOf = q.asOf ? endOfLocalDay(q.asOf, core.timeZone) : undefined;
      const file = (await exportPlan(core, plan.key, 'xlsx', asOf))!;
      const day = q.asOf ?? localDate(core.now(), core.timeZone);
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.attachment(`${plan.key}-board-pack-${day}.xlsx`);
      res.send(file);
    }),
  );

  router.get(
    '/boards/:key/meeting',
    route(async (req, res, user) => {
      const board = await boardOf(req.params.key);
      send(res, c.meetingItemsAnswer, await meetingItems(core, board, user.personId));
    }),
  );

  router.post(
    '/boards/:key/meeting/summary',
    route(async (req, res, user) => {
      const board = await boardOf(req.params.key);
      const { meeting } = parse(c.meetingSummaryBody, req.body);
      if (!(await canChangeBoard(core, { personId: user.personId }, board.id))) {
        throw new Refusal(403, `Only admins and the owners of ${board.key}'s plans can post its meeting summary.`);
      }
      if (!board.conversationId)
        throw new Refusal(
          409,
          `${board.key} has no channel yet: link one with "link this channel to board ${board.key}"`,
        );
      const decisions = await meetingDecisions(core, board, meeting);
      const queued = await postMeetingSummary(core, board, meeting, decisions);
      const count = `${decisions.length} decision${decisions.length === 1 ? '' : 's'}`;
      const message = queued
        ? `The summary of ${count} is on its way to ${board.name}'s channel.`
        : 'This summary was already sent.';
      send(res, c.meetingSummaryAnswer, { decisions: decisions.length, queued, message });
    }),
  );

  router.get(
    '/me/actions',
    route(async (req, res, user) => {
      const q = parse(c.pageQuery, req.query);
      const { actions, total } = await listMyActions(core, user.personId, q.page, q.pageSize);
      send(res, c.actionsAnswer, {
        statusChoices: [...STATUS_CHOICES],
        total,
        page: q.page,
        pageSize: q.pageSize,
        actions,
      });
    }),
  );

  router.get(
    '/actions/:id',
    route(async (req, res, user) => {
      const view = await loadView(core, req.params.id);
      if (!view) throw notFound('action');
      const [item, requests, role, decide, evidence] = await Promise.all([
        findItem(core, { kind: 'item', plan: view.planKey, ref: view.ref, history: true }),
        pendingExtensions(core, view.id),
        actionRole(core, user.personId, view.id),
        canManagePlan(core, user.personId, view.planId),
        evidenceOf(core, view.id),
      ]);
      const history = item.history ?? { entries: [], total: 0 };
      send(res, c.actionAnswer, {
        action: view,
        history: history.entries.map((e) => ({ ...e, sentence: historySentence(e) })),
        historyTotal: history.total,
        requests,
        evidence: evidence.map((e) => ({
          kind: e.kind,
          title: e.title,
          fileName: e.fileName,
          url: e.url?.startsWith('https://') ? e.url : null,
          at: e.addedAt.toISOString(),
        })),
        can: { update: !!role && view.status === 'open', decide },
      });
    }),
  );

  router.post(
    '/actions/:id/update',
    route(async (req, res, user) => {
      const body = parse(c.updateBody, req.body);
      const r = await submitUpdate(core, user.personId, { ...body, actionId: req.params.id }, ownerLoopMessages);
      switch (r.kind) {
        case 'not-found':
          throw notFound('action');
        case 'forbidden':
          throw new Refusal(
            403,
            `Only the action's owners, their delegates, the plan owner and admins can update ${r.view.displayRef}. ` +
              'Nothing was changed.',
          );
        case 'invalid':
          res.status(400);
          send(res, c.updateAnswer, { kind: 'invalid', errors: r.errors });
          return;
        case 'conflict':
          res.status(409);
          send(res, c.updateAnswer, {
            kind: 'conflict',
            message: 'This changed since you opened it. Here is the latest; check it and save again.',
            action: r.view,
          });
          return;
        case 'closed':
          res.status(409);
          send(res, c.updateAnswer, {
            kind: 'closed',
            message: 'This action is complete and no longer takes updates.',
            action: r.view,
          });
          return;
        case 'updated': {
          const now =
            r.view.status === 'awaiting_verification'
              ? 'now complete, awaiting verification by the plan owner'
              : `now ${RAG_LABEL[r.view.effectiveRag]}`;
          const asked = r.extension
            ? ` Asked the plan owner to approve moving the due date to ${formatDate(r.extension.date)}.`
            : '';
          send(res, c.updateAnswer, {
            kind: 'updated',
            message: `Updated by ${r.by} at ${clockTime(r.at, r.timeZone)}: ${now}.${asked}`,
            action: r.view,
          });
        }
      }
    }),
  );

  router.post(
    '/extensions/:id/decision',
    route(async (req, res, user) => {
      const body = parse(c.extensionDecisionBody, req.body);
      const r = await decideExtension(core, user.personId, { ...body, requestId: req.params.id }, ownerLoopMessages, {
        meeting: body.meeting,
      });
      if (r.kind === 'not-found') throw notFound('extension request');
      if (r.kind === 'forbidden')
        throw new Refusal(403, `Only the plan owner and admins can decide a new due date for ${r.view.displayRef}.`);
      if (r.kind === 'own-request')
        throw new Refusal(403, `You asked for this date, so ${authorityWords(r.authority)} decides it.`);
      if (r.kind === 'invalid') {
        res.status(400);
        send(res, c.decisionAnswer, { kind: 'invalid', errors: r.errors });
        return;
      }
      const q = r.request;
      const decided =
        q.status === 'approved'
          ? `New date ${formatDate(q.requestedDate)} approved`
          : `New date ${formatDate(q.requestedDate)} refused`;
      send(res, c.decisionAnswer, {
        kind: 'decided',
        message: `${decided} by ${q.decidedBy ?? 'someone'}.`,
        action: r.view,
      });
    }),
  );

  router.post(
    '/actions/:id/verification',
    route(async (req, res, user) => {
      const body = parse(c.verificationBody, req.body);
      const r = await decideVerification(core, user.personId, { ...body, actionId: req.params.id }, ownerLoopMessages, {
        meeting: body.meeting,
      });
      if (r.kind === 'not-found') throw notFound('action');
      if (r.kind === 'forbidden')
        throw new Refusal(403, `Only the plan owner and admins can verify ${r.view.displayRef}.`);
      if (r.kind === 'own-work')
        throw new Refusal(403, `You completed this action, so ${authorityWords(r.authority)} verifies it.`);
      if (r.kind === 'invalid') {
        res.status(400);
        send(res, c.decisionAnswer, { kind: 'invalid', errors: r.errors });
        return;
      }
      const d = r.decision;
      const what = d
        ? `${d.status === 'complete' ? 'verified' : 'reopened'} by ${d.by ?? 'someone'}`
        : 'no longer awaiting verification';
      const message = r.kind === 'stale' ? `Already decided: ${what}.` : `${what[0].toUpperCase()}${what.slice(1)}.`;
      send(res, c.decisionAnswer, { kind: 'decided', message, action: r.view });
    }),
  );

  router.post(
    '/actions/:id/update-request',
    route(async (req, res, user) => {
      const body = parse(c.updateRequestBody, req.body);
      const r = await requestUpdate(core, user.personId, { ...body, actionId: req.params.id }, ownerLoopMessages, {
        meeting: body.meeting,
      });
      if (r.kind === 'not-found') throw notFound('action');
      if (r.kind === 'forbidden')
        throw new Refusal(
          403,
          `Only the plan owner, the plan's verifier and admins can ask for an update on ${r.view.displayRef}.`,
        );
      if (r.kind === 'conflict') throw new Refusal(409, `${r.view.displayRef} changed since this was loaded: reload.`);
      if (r.kind === 'invalid') {
        res.status(400);
        send(res, c.decisionAnswer, { kind: 'invalid', errors: r.errors });
        return;
      }
      const told = r.owners
        ? `sent to ${r.owners === 1 ? 'its owner' : `its ${r.owners} owners`} in Teams`
        : 'no owner has a chat with Chaser yet, so tell them yourself';
      send(res, c.decisionAnswer, {
        kind: 'decided',
        message: `Update asked for by ${formatDate(r.byDate)}: ${told}.`,
        action: r.view,
      });
    }),
  );

  router.post(
    '/actions/:id/risk-review',
    route(async (req, res, user) => {
      const body = parse(c.riskReviewBody, req.body);
      const view = await loadView(core, req.params.id);
      if (!view) throw notFound('action');
      if (!(await may(core, user.personId, 'action.accept-risk', { planId: view.planId })))
        throw new Refusal(
          403,
          `Only the ${await riskAcceptorPost(core, view.planId)} or an admin can review this risk.`,
        );
      const fields = {
        actionId: view.id,
        version: body.version,
        outcome: body.outcome,
        outcomeReason: body.reason,
        reviewDate: body.reviewDate,
      };
      const r = await closeAction(core, user.personId, fields, ownerLoopMessages, { meeting: body.meeting });
      if (r.kind === 'not-found') throw notFound('action');
      if (r.kind === 'conflict') throw new Refusal(409, `${r.view.displayRef} changed since this was loaded: reload.`);
      if (r.kind === 'invalid') {
        res.status(400);
        const { outcomeReason, ...rest } = r.errors;
        send(res, c.decisionAnswer, {
          kind: 'invalid',
          errors: { ...rest, ...(outcomeReason && { reason: outcomeReason }) },
        });
        return;
      }
      const message =
        body.outcome === 'reopen'
          ? 'Reopened: its owners are asked for updates again.'
          : `Risk acceptance kept; next review ${formatDate(r.view.reviewDate!)}.`;
      send(res, c.decisionAnswer, { kind: 'decided', message, action: r.view });
    }),
  );

  router.use((_req, res) => res.status(404).json({ error: 'no such endpoint' }));
  router.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof Refusal) {
      res.status(err.status).json({ error: err.message, ...(err.field && { field: err.field }) });
      return;
    }
    // Body parser failures (bad JSON, too large) carry their own 4xx.
    if (err.status && err.status >= 400 && err.status < 500) {
      res.status(err.status).json({ error: err.status === 413 ? 'request too large' : 'malformed request' });
      return;
    }
    log.error({ err }, 'board tab request failed');
    res.status(500).json({ error: 'internal error' });
  });
  return router;

  async function boardOf(key: string): Promise<BoardRow> {
    const board = /^[A-Za-z][A-Za-z0-9_-]{0,19}$/.test(key) ? await findBoardByKey(core, key) : null;
    if (!board) throw notFound('board');
    return board;
  }
}
