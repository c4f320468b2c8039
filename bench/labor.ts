/**
 * bench:labor — a year of timesheets for 10,000 workers with 2 employers each, through the same
 * path as `tsunagu labor check` (JSON text → validation → engine). Prints time and memory.
 * Target (issue 4): ≤ 10 s.
 */
import { checkLaborCompliance } from '../src/domain/labor/labor-compliance';
import { twoEmployerYear } from '../src/domain/labor/labor-test-fixtures';
import { validateLaborInput } from '../src/domain/labor/validate-labor-input';

const WORKERS = Number(process.argv[2] ?? 10_000);
// Distinct shapes of year (night shifts, overtime patterns); each worker gets one as JSON text.
const texts = Array.from({ length: 50 }, (_, seed) => JSON.stringify(twoEmployerYear(seed)));
let peakRss = process.memoryUsage().rss;
let segments = 0;
let violations = 0;
const started = performance.now();
for (let i = 0; i < WORKERS; i++) {
  const validated = validateLaborInput(JSON.parse(texts[i % texts.length]!));
  if (!validated.ok) throw new Error(validated.problems.join('\n'));
  segments += validated.input.work.length;
  violations += checkLaborCompliance(validated.input).violations.length;
  if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const elapsedS = (performance.now() - started) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(
  JSON.stringify(
    {
      bench: 'labor',
      workers: WORKERS,
      employersPerWorker: 2,
      segments,
      violations,
      elapsedS: Number(elapsedS.toFixed(2)),
      workersPerS: Math.round(WORKERS / elapsedS),
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      targetS: 10,
      withinTarget: elapsedS <= 10,
    },
    null,
    2,
  ),
);
