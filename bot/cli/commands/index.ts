/** Every CLI command, in the order `help` lists them. */
import type { CliCommand } from '../command';
import { board } from './board';
import { dbMigrate } from './db-migrate';
import { digest } from './digest';
import { exportCommand } from './export';
import { importCommand } from './import';
import { list } from './list';
import { plan } from './plan';
import { plans } from './plans';
import { remind } from './remind';
import { verifyHistoryCommand } from './verify-history';

export const commands: CliCommand[] = [
  dbMigrate,
  plans,
  list,
  remind,
  importCommand,
  exportCommand,
  board,
  digest,
  plan,
  verifyHistoryCommand,
];
