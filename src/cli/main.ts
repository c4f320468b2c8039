import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config';
import { CliError } from './cli-errors';
import { registerDbMigrate } from './commands/db-migrate';
import { registerDbSeed } from './commands/db-seed';
import { registerFlowAnalyze } from './commands/flow-analyze';
import { registerFlowStaypoints } from './commands/flow-staypoints';
import { registerLaborCheck } from './commands/labor-check';
import { registerMatchAssign } from './commands/match-assign';
import { registerReferenceImport } from './commands/reference-import';
import { registerServe } from './commands/serve';
import { registerUsersInvite } from './commands/users-invite';

export function buildProgram(): Command {
  const program = new Command('tsunagu')
    .description('Tsunagu — つなぐ: local governments, companies and their people')
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  const db = program.command('db').description('Database: migrations and seed data');
  registerDbMigrate(db);
  registerDbSeed(db);
  const users = program.command('users').description('People and invitations');
  registerUsersInvite(users);
  const reference = program
    .command('reference')
    .description('Reference data: the local-government master and its boundaries');
  registerReferenceImport(reference);
  const labor = program
    .command('labor')
    .description('Working time across employers (労働時間の通算)');
  registerLaborCheck(labor);
  const match = program
    .command('match')
    .description('Matching rounds: the optimal assignment of workers to challenges');
  registerMatchAssign(match);
  const flow = program
    .command('flow')
    .description(
      'People flow: from raw location pings to stay points and protected regional figures',
    );
  registerFlowStaypoints(flow);
  registerFlowAnalyze(flow);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliError) {
      process.stderr.write(`tsunagu: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`tsunagu: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(
      `tsunagu: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 1;
  }
}

const code = await runCli(process.argv);
if (code !== 0) process.exit(code);
