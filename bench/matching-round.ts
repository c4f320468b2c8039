/**
 * bench:matching-round — the exact assignment of a large matching round: 5,000 workers
 * (capacity 1–2) × 1,000 challenges (1–8 places) in 200 municipalities, 50 candidate pairs per
 * worker skewed towards popular challenges, minPerMunicipality 1. The round goes through the same
 * path as `tsunagu match assign` (JSON text → validation → engine). Prints time and memory.
 * Target (issue 3): solved in ≤ 5 s.
 *
 *   npm run bench:matching-round [-- workers challenges pairsPerWorker minPerMunicipality]
 */
import { assignRound } from '../src/domain/matching/assign-round';
import { syntheticRound } from '../src/domain/matching/round-test-fixtures';
import { validateRoundInput } from '../src/domain/matching/validate-round-input';

const TARGET_S = 5;
const [workers = 5_000, challenges = 1_000, pairsPerWorker = 50, minPerMunicipality = 1] =
  process.argv.slice(2).map(Number);

const text = JSON.stringify(
  syntheticRound(20260501, {
    workers,
    challenges,
    pairsPerWorker,
    municipalities: 200,
    minPerMunicipality,
  }),
);

const started = performance.now();
const validated = validateRoundInput(JSON.parse(text));
if (!validated.ok) throw new Error(validated.problems.join('\n'));
const parsed = performance.now();
// CPU time too: on a busy machine the wall time includes waiting for a core.
const cpuStarted = process.cpuUsage();
const result = assignRound(validated.input);
const solved = performance.now();
const cpu = process.cpuUsage(cpuStarted);

const input = validated.input;
const municipalities = new Set(input.challenges.map((c) => c.municipality)).size;
const solveS = (solved - parsed) / 1000;
console.log(
  JSON.stringify(
    {
      bench: 'matching-round',
      workers: input.workers.length,
      challenges: input.challenges.length,
      municipalities,
      pairs: input.scores.length,
      workerCapacity: input.workers.reduce((sum, w) => sum + w.capacity, 0),
      places: input.challenges.reduce((sum, c) => sum + c.capacity, 0),
      minPerMunicipality,
      parseAndValidateS: Number(((parsed - started) / 1000).toFixed(2)),
      solveS: Number(solveS.toFixed(2)),
      solveCpuS: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
      assignments: result.assignments.length,
      totalScore: Number(result.totalScore.toFixed(6)),
      shortfalls: result.shortfalls.length,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      targetS: TARGET_S,
      withinTarget: solveS <= TARGET_S,
    },
    null,
    2,
  ),
);
