import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database';
import { projectForHost, workerForMatching } from '../../../domain/engagement/matching-forms';
import {
  prepareChallenge,
  prepareWorker,
  type PreparedChallenge,
  type PreparedWorker,
} from '../../../domain/matching/prepared-match-forms';
import type { Clock } from '../../app-types';
import { todayOf } from './matching-access';
import {
  loadChallengesForMatching,
  loadPlaces,
  loadWorkerMatchingFacts,
  readMatchingVersions,
  type MatchingChallenge,
  type PlaceIndex,
} from './matching-pool.repository';

/**
 * What recommendations and rounds score against, prepared once and kept in memory per app
 * instance (decision 0008): the open challenges, and the workers open to offers as hosts may see
 * them (projectForHost: hidden sections blanked before anything is scored).
 *
 * Freshness: every request reads the counters of `matching_versions` (one query), which the
 * database's triggers raise in the transaction of any write that changes what the scorer reads,
 * whoever writes it; a snapshot is rebuilt, lazily, when its counter moved — or, for workers,
 * when the Tokyo date changed (eligibility by age and tenure, engagements that ended). Requests
 * that arrive during a rebuild share it. The counter is read before the rows, so a snapshot can
 * only be newer than its label, never older: a write that lands in between causes one more
 * rebuild, never a stale answer.
 */
export type PooledChallenge = MatchingChallenge & { prepared: PreparedChallenge };

export type ChallengeSnapshot = {
  version: number;
  items: readonly PooledChallenge[];
  /** items' prepared forms, in the same order (what the scorer loops over). */
  prepared: readonly PreparedChallenge[];
  byId: ReadonlyMap<string, PooledChallenge>;
};

export type WorkerSnapshot = {
  version: number;
  onDate: string;
  /** Host projections of the workers open to offers, by user id order. */
  prepared: readonly PreparedWorker[];
  byId: ReadonlyMap<string, PreparedWorker>;
};

export type MatchingPoolStats = {
  challengeBuilds: number;
  workerBuilds: number;
  lastChallengeBuildMs: number;
  lastWorkerBuildMs: number;
};

/** The snapshots as of one reading of the counters (each built or reused on first use). */
export type PoolView = {
  openChallenges(): Promise<ChallengeSnapshot>;
  offerableWorkers(): Promise<WorkerSnapshot>;
  places(): Promise<PlaceIndex>;
};

export type MatchingPool = {
  /** Reads the counters (one query) and gives the snapshots that match them. */
  current(): Promise<PoolView>;
  stats(): MatchingPoolStats;
};

/**
 * The cache for one app instance.
 *
 * @example
 * const pool = createMatchingPool(db, clock);
 * const { prepared } = await (await pool.current()).openChallenges(); // built once, reused
 */
export function createMatchingPool(db: Kysely<Database>, clock: Clock): MatchingPool {
  const stats: MatchingPoolStats = {
    challengeBuilds: 0,
    workerBuilds: 0,
    lastChallengeBuildMs: 0,
    lastWorkerBuildMs: 0,
  };
  const challenges = new LazySnapshot<ChallengeSnapshot>();
  const workers = new LazySnapshot<WorkerSnapshot>();
  const places = new LazySnapshot<PlaceIndex>();

  async function buildChallenges(version: number): Promise<ChallengeSnapshot> {
    const started = performance.now();
    const rows = await loadChallengesForMatching(db, { openOnly: true });
    const items = rows.map((r) => ({ ...r, prepared: prepareChallenge(r.challenge) }));
    stats.challengeBuilds++;
    stats.lastChallengeBuildMs = performance.now() - started;
    return {
      version,
      items,
      prepared: items.map((i) => i.prepared),
      byId: new Map(items.map((i) => [i.challenge.id, i])),
    };
  }

  async function buildWorkers(
    version: number,
    onDate: string,
    index: PlaceIndex,
  ): Promise<WorkerSnapshot> {
    const started = performance.now();
    const facts = await loadWorkerMatchingFacts(db, { openToOffers: true }, index);
    const prepared: PreparedWorker[] = [];
    for (const f of facts) {
      const seen = projectForHost(workerForMatching(f, onDate).worker, f.sharing);
      if (seen !== null) prepared.push(prepareWorker(seen));
    }
    stats.workerBuilds++;
    stats.lastWorkerBuildMs = performance.now() - started;
    return { version, onDate, prepared, byId: new Map(prepared.map((w) => [w.id, w])) };
  }

  return {
    async current() {
      const v = await readMatchingVersions(db);
      const placesNow = () => places.get(String(v.places), () => loadPlaces(db));
      return {
        places: placesNow,
        openChallenges: () =>
          challenges.get(`${v.challenges}|${v.places}`, () => buildChallenges(v.challenges)),
        offerableWorkers: async () => {
          const onDate = todayOf(clock.now());
          const index = await placesNow();
          return workers.get(`${v.workers}|${v.places}|${onDate}`, () =>
            buildWorkers(v.workers, onDate, index),
          );
        },
      };
    },
    stats: () => ({ ...stats }),
  };
}

/**
 * Builds the current snapshots ahead of the first request (after start). Later writes still
 * rebuild lazily.
 */
export async function warmMatchingPool(pool: MatchingPool): Promise<void> {
  const view = await pool.current();
  await view.openChallenges();
  await view.offerableWorkers();
}

/** One value per key, built at most once at a time; the newest build started wins. */
class LazySnapshot<T> {
  private current: { key: string; value: T } | null = null;
  private pending: { key: string; promise: Promise<T> } | null = null;

  get(key: string, build: () => Promise<T>): Promise<T> {
    if (this.current?.key === key) return Promise.resolve(this.current.value);
    if (this.pending?.key === key) return this.pending.promise;
    const promise = build().then(
      (value) => {
        if (this.pending?.promise === promise) {
          this.current = { key, value };
          this.pending = null;
        }
        return value;
      },
      (err: unknown) => {
        if (this.pending?.promise === promise) this.pending = null;
        throw err;
      },
    );
    this.pending = { key, promise };
    return promise;
  }
}
