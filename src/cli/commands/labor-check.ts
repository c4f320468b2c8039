import type { Command } from 'commander';
import { checkLaborCompliance } from '../../domain/labor/labor-compliance';
import type { LaborReport } from '../../domain/labor/labor-report';
import { validateLaborInput } from '../../domain/labor/validate-labor-input';
import { CliError } from '../cli-errors';
import { parseJsonInput } from '../parse-json-input';
import { readInput } from '../read-input';

/**
 * The whole check on a JSON text: parse, validate (every problem names its entry), then the
 * engine. Reads and prints only; nothing is written anywhere.
 */
export function runLaborCheck(text: string, source: string): LaborReport {
  const validated = validateLaborInput(parseJsonInput(text, source));
  if (!validated.ok) {
    throw new CliError(
      `${source}: invalid input:\n${validated.problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return checkLaborCompliance(validated.input);
}

export function registerLaborCheck(labor: Command): void {
  labor
    .command('check')
    .description(
      'Aggregate working time across employers and check it against the law (JSON in, JSON out)',
    )
    .requiredOption('--input <file>', 'timesheet JSON (see README: labour check)')
    .option('--pretty', 'indent the JSON output')
    .action(async (opts: { input: string; pretty?: boolean }) => {
      const report = runLaborCheck(await readInput(opts.input), opts.input);
      process.stdout.write(`${JSON.stringify(report, null, opts.pretty ? 2 : undefined)}\n`);
    });
}
