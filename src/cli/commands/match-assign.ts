import type { Command } from 'commander';
import {
  assignRound,
  type MunicipalityShortfall,
  type RoundMatch,
} from '../../domain/matching/assign-round';
import { validateRoundInput } from '../../domain/matching/validate-round-input';
import { CliError } from '../cli-errors';
import { parseJsonInput } from '../parse-json-input';
import { readInput } from '../read-input';

/**
 * What `tsunagu match assign` prints. `assignments` and `totalScore` are exactly the issue's
 * format; `shortfalls` appears only when a municipality got fewer than minPerMunicipality
 * matches, so a round without a guarantee (or one that meets it) prints nothing more.
 */
export type MatchAssignOutput = {
  assignments: RoundMatch[];
  totalScore: number;
  shortfalls?: MunicipalityShortfall[];
};

/**
 * The whole command on a JSON text: parse, validate (every problem names its entry), then the
 * engine. Reads and prints only; nothing is written anywhere.
 */
export function runMatchAssign(text: string, source: string): MatchAssignOutput {
  const validated = validateRoundInput(parseJsonInput(text, source));
  if (!validated.ok) {
    throw new CliError(
      `${source}: invalid round:\n${validated.problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  const { assignments, totalScore, shortfalls } = assignRound(validated.input);
  return shortfalls.length > 0
    ? { assignments, totalScore, shortfalls }
    : { assignments, totalScore };
}

export function registerMatchAssign(match: Command): void {
  match
    .command('assign')
    .description(
      'The optimal assignment of a matching round: highest total score within capacities, ' +
        'at least minPerMunicipality matches per municipality where possible (JSON in, JSON out)',
    )
    .requiredOption('--input <file>', 'round JSON, a file or an http(s) URL')
    .option('--pretty', 'indent the JSON output')
    .action(async (opts: { input: string; pretty?: boolean }) => {
      const output = runMatchAssign(await readInput(opts.input), opts.input);
      process.stdout.write(`${JSON.stringify(output, null, opts.pretty ? 2 : undefined)}\n`);
    });
}
