/**
 * A small, fully known world for query tests, rated on Wednesday 20 November 2024 (Europe/London):
 * BTP-CDI (on the ICB board) and NCRS, four posts, Alex holding Head of Contact Management and covering
 * for Megan (FCR) as her delegate.
 */
import type { Db } from '../../../core/db/client';
import { dateOnly } from '../../../core/time';
import { seedPerson, seedPlan } from '../../helpers/fixtures';
import { ALEX, MEGAN } from '../../helpers/activities';

export const NOW = '2024-11-20T10:00:00Z';

const HCM = 'Head of Contact Management';
const DCC = 'Deputy Chief Constable';

export async function seedQuestionWorld(db: Db) {
  const btp = await seedPlan(db, {
    key: 'BTP-CDI',
    title: 'Crime Data Integrity',
    createdAt: '2024-01-01',
    actions: [
      {
        ref: '1',
        text: 'Fix crime recording',
        owners: [HCM],
        due: '2024-10-01',
        dueText: 'Oct 24',
        reportedRag: 'GREEN',
        updates: [{ at: '2024-11-15', text: 'On track' }],
      },
      {
        ref: '2',
        text: 'Train call handlers',
        owners: [DCC],
        due: '2025-03-31',
        reportedRag: 'RED',
        updates: [{ at: '2024-11-18', text: 'Trainers unavailable' }],
      },
      {
        ref: '3',
        text: 'Audit incident closures',
        owners: [HCM],
        due: '2024-11-22',
        updates: [{ at: '2024-10-01', text: 'Started' }],
      },
      {
        ref: '4',
        text: 'Refresh guidance',
        owners: ['FCR'],
        due: '2025-06-30',
        updates: [{ at: '2024-11-19', text: 'Drafted' }],
      },
      { ref: '5', text: 'Publish policy', owners: ['FCR'], due: '2024-06-30', status: 'complete' },
      { ref: '6', text: 'Brief the board', owners: [DCC], due: '2024-11-22', status: 'awaiting_verification' },
      { ref: '7', text: 'Keep the register', owners: ['Head of SDD'], due: null, dueText: 'Ongoing' },
    ],
  });
  await seedPlan(db, {
    key: 'NCRS',
    title: 'Audit Commission NCRS action plan',
    createdAt: '2024-01-01',
    actions: [
      { ref: '1', text: 'Appoint a registrar', owners: ['Head of SDD'], due: '2024-09-01' },
      {
        ref: '12A',
        text: 'Check the <b>*samples*</b>',
        owners: ['FCR'],
        due: '2024-12-10',
        updates: [{ at: '2024-11-20', text: 'Sampled' }],
      },
    ],
  });
  const p = db.prisma;
  await p.action.update({
    where: { planId_ref: { planId: btp.id, ref: '5' } },
    data: { completedAt: dateOnly('2024-11-19') },
  });
  await p.action.update({
    where: { planId_ref: { planId: btp.id, ref: '6' } },
    data: { completedAt: dateOnly('2024-10-15') },
  });
  const one = await p.action.findUniqueOrThrow({ where: { planId_ref: { planId: btp.id, ref: '1' } } });
  await p.update.create({
    data: {
      actionId: one.id,
      at: new Date('2024-11-19T14:00:00Z'),
      kind: 'due',
      authorName: 'Alex Wilber',
      changes: JSON.stringify({ dueDate: ['2024-09-01', '2024-10-01'] }),
    },
  });
  const board = await p.board.create({ data: { key: 'ICB', name: 'Integrity and Compliance Board' } });
  await p.boardPlan.create({ data: { boardId: board.id, planId: btp.id } });
  const alex = await seedPerson(db, {
    displayName: ALEX.name,
    teamsUserId: ALEX.id,
    aadObjectId: ALEX.aadObjectId,
    posts: [HCM],
  });
  const megan = await seedPerson(db, {
    displayName: MEGAN.name,
    teamsUserId: MEGAN.id,
    aadObjectId: MEGAN.aadObjectId,
    posts: ['FCR'],
  });
  await p.person.update({ where: { id: megan.id }, data: { delegateId: alex.id } });
  // Holds the DCC post but has never used Teams: listed, never @mentioned.
  await seedPerson(db, { displayName: 'Dana Offline', posts: [DCC] });
  return { alex, megan };
}
