/**
 * The optimal assignment of a matching round: a maximum-score b-matching (each worker on at most
 * its capacity of challenges, each challenge with at most its places, only listed pairs), with an
 * optional guarantee of matches per municipality, solved exactly as a minimum-cost flow.
 *
 * The network: source → worker (capacity) → challenge (one unit per listed pair, cost −score) →
 * municipality node (the challenge's places) → sink, and sink → source (free) so that a flow is a
 * circulation whose amount is not fixed: the cheapest circulation is the best assignment, and a
 * match that does not pay (score ≤ 0) is simply not made. Without a guarantee the municipality
 * nodes are left out and challenges flow straight to the sink.
 *
 * The guarantee, exactly: each municipality node reaches the sink by two arcs, a "required" arc
 * of capacity minPerMunicipality at cost −M and a free arc of unlimited capacity at cost 0. Flow
 * uses the required arc first (it is cheaper), so a flow's cost is
 *   −M · (guaranteed matches, Σ over municipalities of min(matches, minPerMunicipality)) − score.
 * With M greater than the sum of every |score|, one more guaranteed match outweighs any change
 * in score, so the cheapest flow has the most guaranteed matches that any assignment can have
 * (equivalently: the least total shortfall, Σ max(0, minPerMunicipality − matches)) and, among
 * those, the highest score: the lexicographic optimum, not an approximation. With a guarantee of
 * 2 or more, two matches in one municipality count as much as one in each of two.
 *
 * The algorithm is successive shortest paths grown one capacity unit at a time. Raising the
 * capacity of one arc by one unit changes a minimum-cost flow by at most one cycle through that
 * arc — the cheapest one, if it is negative (a second cycle through the arc would fit the old
 * capacity, where the flow was already optimal, so it cannot be negative). So the engine adds
 * each worker's capacity unit by unit and, for each unit, finds the cheapest path from the worker
 * back to the source (through the sink, or by making another worker give up a match) with
 * Dijkstra on reduced costs (non-negative thanks to node potentials), and augments only when the
 * cycle it closes is negative. A search stops as soon as it reaches the source or can no longer
 * find a negative cycle. If a unit of a worker does not pay, neither will its next (nothing
 * changed), so the worker's remaining units are skipped. What keeps the searches short on a round
 * of 5,000 workers is the potentials: now and then (see REFRESH_AFTER_SETTLED_PER_NODE) they are
 * reset to minus each node's distance to the source, after which a search walks almost straight
 * along its cheapest path; and a popular challenge's thousands of candidates are not scanned,
 * only the few workers it holds.
 *
 * Costs are integers (scores × 10⁶, rounded), so every comparison is exact; distances and
 * potentials stay within M + Σ|cost| ≈ 2 · 10⁶ · pairs, far below 2⁵³ for any round that fits in
 * memory. Everything is deterministic: workers in input order, arcs in input order, heap ties to
 * the source and then by node number; a place contested at equal scores stays with the worker
 * listed first.
 */
import type { RoundInput } from './round-input';

/** Scores are optimised as integers in millionths: pairs closer than that are ties. */
export const SCORE_SCALE = 1_000_000;

export type RoundMatch = { worker: string; challenge: string; score: number };

export type MunicipalityShortfall = {
  municipality: string;
  /** minPerMunicipality */
  required: number;
  /** How many matches the municipality got: fewer than required, because no more were possible. */
  matched: number;
};

export type RoundAssignment = {
  /** Sorted by worker, then challenge, both in input order. */
  assignments: RoundMatch[];
  /** The sum of the assigned pairs' scores as given (compensated, in the order above). */
  totalScore: number;
  /** Municipalities under minPerMunicipality, in order of first appearance; [] when none. */
  shortfalls: MunicipalityShortfall[];
};

/**
 * Searches may settle this many times the node count before the potentials are refreshed
 * (measured on bench:matching-round: 1 to 8 are within 20 % of each other, 4 the best).
 */
const REFRESH_AFTER_SETTLED_PER_NODE = 4;

/** Larger than any residual capacity can need (a whole round's capacities are far below it). */
const UNLIMITED = 0x3fffffff;

/**
 * The optimal assignment of a validated round (see `validateRoundInput`): the most guaranteed
 * municipality matches that are possible, then the highest total score. Never throws for a round
 * that passed validation; a guarantee that cannot be met is reported in `shortfalls`.
 *
 * @example
 * assignRound({
 *   workers: [{ id: 'w1', capacity: 1 }],
 *   challenges: [{ id: 'c1', capacity: 2, municipality: '131016' }],
 *   scores: [{ worker: 'w1', challenge: 'c1', score: 0.83 }],
 *   minPerMunicipality: 0,
 * })
 * // → { assignments: [{ worker: 'w1', challenge: 'c1', score: 0.83 }], totalScore: 0.83,
 * //     shortfalls: [] }
 */
export function assignRound(input: RoundInput): RoundAssignment {
  const net = buildNetwork(input);
  refreshPotentials(net);
  for (let w = 0; w < net.workerCount; w++) {
    const units = net.cap[net.sourceArc[w]!]!;
    for (let unit = 0; unit < units; unit++) {
      // Stale potentials make searches wander, and a refresh scans every arc once: refresh
      // when the searches since the last one have settled a few times as many nodes.
      if (net.settledSinceRefresh > REFRESH_AFTER_SETTLED_PER_NODE * net.nodeCount) {
        refreshPotentials(net);
      }
      if (!augmentFromWorker(net, w)) break;
    }
  }
  return readAssignment(input, net);
}

type Network = {
  workerCount: number;
  challengeCount: number;
  /** Node numbers: workers, challenges, municipalities (with a guarantee only), sink, source. */
  sink: number;
  source: number;
  nodeCount: number;
  /** Arc e runs from[e] → to[e]; its reverse is e ^ 1. */
  from: Int32Array;
  to: Int32Array;
  /** Residual capacity. */
  cap: Int32Array;
  cost: Float64Array;
  /**
   * Arcs leaving node v: adjacency[adjacencyStart[v] … adjacencyStart[v + 1]), except a
   * challenge's arcs back to its candidates: a popular challenge is on thousands of lists but
   * holds at most its places, so only the arcs back to the workers it holds are kept, in
   * holders[holderStart[j] … holderStart[j] + holderCount[j]).
   */
  adjacencyStart: Int32Array;
  adjacency: Int32Array;
  holderStart: Int32Array;
  holderCount: Int32Array;
  holders: Int32Array;
  /** Arcs entering node v, all of them: incoming[incomingStart[v] … incomingStart[v + 1]). */
  incomingStart: Int32Array;
  incoming: Int32Array;
  /** Pair arcs (and their reverses) are the arcs firstPairArc … endPairArc − 1. */
  firstPairArc: number;
  endPairArc: number;
  /**
   * Node potentials h: every residual arc's reduced cost cost + h[from] − h[to] is ≥ 0 (arcs out
   * of the source aside: no search ever leaves the source).
   */
  potential: Float64Array;
  sourceArc: Int32Array;
  pairArc: Int32Array;
  pairWorker: Int32Array;
  pairChallenge: Int32Array;
  /** Dijkstra's working arrays, reset after each search for only the nodes it touched. */
  dist: Float64Array;
  previousArc: Int32Array;
  heap: Int32Array;
  heapSize: number;
  heapPosition: Int32Array;
  touched: Int32Array;
  touchedCount: number;
  settled: Int32Array;
  settledSinceRefresh: number;
};

function buildNetwork(input: RoundInput): Network {
  const { workers, challenges, scores, minPerMunicipality } = input;
  const workerCount = workers.length;
  const challengeCount = challenges.length;
  const pairCount = scores.length;
  const workerIndex = new Map(workers.map((w, i) => [w.id, i]));
  const challengeIndex = new Map(challenges.map((c, i) => [c.id, i]));
  const pairWorker = new Int32Array(pairCount);
  const pairChallenge = new Int32Array(pairCount);
  const workerPairs = new Int32Array(workerCount);
  const challengePairs = new Int32Array(challengeCount);
  scores.forEach((s, p) => {
    const w = workerIndex.get(s.worker);
    const c = challengeIndex.get(s.challenge);
    if (w === undefined || c === undefined) {
      throw new RangeError(`scores[${p}]: unknown worker or challenge (validate the round first)`);
    }
    pairWorker[p] = w;
    pairChallenge[p] = c;
    workerPairs[w]!++;
    challengePairs[c]!++;
  });
  // No one can use more capacity than they have pairs: this keeps every count in an Int32.
  const workerCapacity = workers.map((w, i) => Math.min(w.capacity, workerPairs[i]!));
  const challengeCapacity = challenges.map((c, j) => Math.min(c.capacity, challengePairs[j]!));
  const required = Math.min(minPerMunicipality, pairCount);

  const municipalityIndex = new Map<string, number>();
  if (required > 0) {
    for (const c of challenges) {
      if (!municipalityIndex.has(c.municipality)) {
        municipalityIndex.set(c.municipality, municipalityIndex.size);
      }
    }
  }
  const municipalityCount = municipalityIndex.size;
  const firstMunicipality = workerCount + challengeCount;
  const sink = firstMunicipality + municipalityCount;
  const source = sink + 1;
  const nodeCount = source + 1;
  const arcTotal = 2 * (workerCount + pairCount + challengeCount + 2 * municipalityCount + 1);

  const from = new Int32Array(arcTotal);
  const to = new Int32Array(arcTotal);
  const cap = new Int32Array(arcTotal);
  const cost = new Float64Array(arcTotal);
  let arcCount = 0;
  const addArc = (tail: number, head: number, capacity: number, arcCost: number): number => {
    const e = arcCount;
    from[e] = tail;
    to[e] = head;
    cap[e] = capacity;
    cost[e] = arcCost;
    from[e + 1] = head;
    to[e + 1] = tail;
    cap[e + 1] = 0;
    cost[e + 1] = -arcCost;
    arcCount += 2;
    return e;
  };

  const sourceArc = new Int32Array(workerCount);
  for (let i = 0; i < workerCount; i++) sourceArc[i] = addArc(source, i, workerCapacity[i]!, 0);
  const firstPairArc = arcCount;
  const pairArc = new Int32Array(pairCount);
  const scaled = new Float64Array(pairCount);
  let sumAbsScaled = 0;
  for (let p = 0; p < pairCount; p++) {
    scaled[p] = Math.round(scores[p]!.score * SCORE_SCALE);
    sumAbsScaled += Math.abs(scaled[p]!);
    pairArc[p] = addArc(pairWorker[p]!, workerCount + pairChallenge[p]!, 1, -scaled[p]!);
  }
  const endPairArc = arcCount;
  const challengeHead = challenges.map((c) =>
    required > 0 ? firstMunicipality + municipalityIndex.get(c.municipality)! : sink,
  );
  for (let j = 0; j < challengeCount; j++) {
    addArc(workerCount + j, challengeHead[j]!, challengeCapacity[j]!, 0);
  }
  const bonus = sumAbsScaled + 1;
  for (let k = 0; k < municipalityCount; k++) {
    addArc(firstMunicipality + k, sink, required, -bonus);
    addArc(firstMunicipality + k, sink, UNLIMITED, 0);
  }
  addArc(sink, source, UNLIMITED, 0);

  // Both adjacencies in arc order, so every node scans its arcs in input order.
  const isHolderArc = (e: number): boolean => (e & 1) === 1 && e >= firstPairArc && e < endPairArc;
  const adjacencyStart = new Int32Array(nodeCount + 1);
  const incomingStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < arcCount; e++) {
    if (!isHolderArc(e)) adjacencyStart[from[e]! + 1]!++;
    incomingStart[to[e]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) {
    adjacencyStart[v + 1]! += adjacencyStart[v]!;
    incomingStart[v + 1]! += incomingStart[v]!;
  }
  const adjacency = new Int32Array(adjacencyStart[nodeCount]!);
  const incoming = new Int32Array(arcCount);
  const nextOut = adjacencyStart.slice(0, nodeCount);
  const nextIn = incomingStart.slice(0, nodeCount);
  for (let e = 0; e < arcCount; e++) {
    if (!isHolderArc(e)) adjacency[nextOut[from[e]!]!++] = e;
    incoming[nextIn[to[e]!]!++] = e;
  }
  const holderStart = new Int32Array(challengeCount + 1);
  for (let j = 0; j < challengeCount; j++) {
    holderStart[j + 1] = holderStart[j]! + challengeCapacity[j]!;
  }

  // Initial potentials: shortest distances in the (acyclic) empty-flow network from a virtual
  // root joined to every worker at cost 0, so every arc with capacity has reduced cost ≥ 0.
  const potential = new Float64Array(nodeCount);
  for (let p = 0; p < pairCount; p++) {
    const c = workerCount + pairChallenge[p]!;
    potential[c] = Math.min(potential[c]!, -scaled[p]!);
  }
  let sinkPotential = 0;
  for (let j = 0; j < challengeCount; j++) {
    const c = workerCount + j;
    const head = challengeHead[j]!;
    if (head === sink) {
      sinkPotential = Math.min(sinkPotential, potential[c]!);
    } else {
      potential[head] = Math.min(potential[head]!, potential[c]!);
    }
  }
  for (let k = 0; k < municipalityCount; k++) {
    sinkPotential = Math.min(sinkPotential, potential[firstMunicipality + k]! - bonus);
  }
  potential[sink] = sinkPotential;
  potential[source] = sinkPotential;

  return {
    workerCount,
    challengeCount,
    sink,
    source,
    nodeCount,
    from,
    to,
    cap,
    cost,
    adjacencyStart,
    adjacency,
    holderStart,
    holderCount: new Int32Array(challengeCount),
    holders: new Int32Array(holderStart[challengeCount]!),
    incomingStart,
    incoming,
    firstPairArc,
    endPairArc,
    potential,
    sourceArc,
    pairArc,
    pairWorker,
    pairChallenge,
    dist: new Float64Array(nodeCount).fill(Infinity),
    previousArc: new Int32Array(nodeCount).fill(-1),
    heap: new Int32Array(nodeCount),
    heapSize: 0,
    heapPosition: new Int32Array(nodeCount).fill(-1),
    touched: new Int32Array(nodeCount),
    touchedCount: 0,
    settled: new Int32Array(nodeCount),
    settledSinceRefresh: 0,
  };
}

/**
 * Heap order: nearer first; among equals the source first (a search ends there, so reaching it
 * at once saves exploring every other node at the same distance), then by node number (so by
 * input order).
 */
function isBefore(dist: Float64Array, source: number, a: number, b: number): boolean {
  return dist[a]! < dist[b]! || (dist[a] === dist[b] && (a === source || (b !== source && a < b)));
}

/** Moves `node` (new at the end of the heap, or nearer than before) up to its place. */
function siftUp(net: Network, node: number, from: number): void {
  const { heap, heapPosition, dist } = net;
  let i = from;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const above = heap[parent]!;
    if (!isBefore(dist, net.source, node, above)) break;
    heap[i] = above;
    heapPosition[above] = i;
    i = parent;
  }
  heap[i] = node;
  heapPosition[node] = i;
}

function popNearest(net: Network): number {
  const { heap, heapPosition, dist } = net;
  const top = heap[0]!;
  heapPosition[top] = -1;
  const size = --net.heapSize;
  if (size > 0) {
    const last = heap[size]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child =
        right < size && isBefore(dist, net.source, heap[right]!, heap[left]!) ? right : left;
      const below = heap[child]!;
      if (!isBefore(dist, net.source, below, last)) break;
      heap[i] = below;
      heapPosition[below] = i;
      i = child;
    }
    heap[i] = last;
    heapPosition[last] = i;
  }
  return top;
}

/** Offers node x the distance d (through arc e); keeps the heap and the touched list. */
function offer(net: Network, x: number, d: number, e: number): void {
  const { dist } = net;
  if (d < dist[x]!) {
    if (dist[x] === Infinity) net.touched[net.touchedCount++] = x;
    dist[x] = d;
    net.previousArc[x] = e;
    const position = net.heapPosition[x]!;
    siftUp(net, x, position >= 0 ? position : net.heapSize++);
  }
}

function resetSearch(net: Network): void {
  const { touched, dist, previousArc, heapPosition } = net;
  for (let i = 0; i < net.touchedCount; i++) {
    const v = touched[i]!;
    dist[v] = Infinity;
    previousArc[v] = -1;
    heapPosition[v] = -1;
  }
  net.touchedCount = 0;
  net.heapSize = 0;
}

/**
 * One more capacity unit for `start`: finds the cheapest residual path start ⇝ source and, if
 * the cycle source → start ⇝ source is negative, pushes one unit round it. Returns whether it did.
 */
function augmentFromWorker(net: Network, start: number): boolean {
  const { to, cap, cost, adjacencyStart, adjacency, potential, dist, previousArc, settled } = net;
  const { source, holders, holderStart, holderCount } = net;
  const firstChallenge = net.workerCount;
  const endChallenge = firstChallenge + net.challengeCount;
  // The cycle's true cost is dist(source) + h[source] − h[start]: negative iff dist < bound.
  const bound = potential[start]! - potential[source]!;
  let settledCount = 0;
  offer(net, start, 0, -1);
  let reached = false;
  // Every node left unsettled is at least this far from start (in reduced costs).
  let frontier = bound;
  while (net.heapSize > 0) {
    const v = popNearest(net);
    const d = dist[v]!;
    if (d >= bound) {
      frontier = d;
      break;
    }
    if (v === source) {
      reached = true;
      frontier = d;
      break;
    }
    settled[settledCount++] = v;
    const dv = d + potential[v]!;
    for (let k = adjacencyStart[v]!, end = adjacencyStart[v + 1]!; k < end; k++) {
      const e = adjacency[k]!;
      if (cap[e]! > 0) {
        const x = to[e]!;
        offer(net, x, dv + cost[e]! - potential[x]!, e);
      }
    }
    if (v >= firstChallenge && v < endChallenge) {
      const j = v - firstChallenge;
      for (let k = holderStart[j]!, end = k + holderCount[j]!; k < end; k++) {
        const e = holders[k]!;
        const x = to[e]!;
        offer(net, x, dv + cost[e]! - potential[x]!, e);
      }
    }
  }
  net.settledSinceRefresh += settledCount;

  // Early-stopped Dijkstra: moving only the settled nodes' potentials by dist − frontier keeps
  // every reduced cost ≥ 0 (unsettled nodes are at least the frontier away). On a path that
  // reached the source, the path's arcs (and so their reverses) end up at reduced cost 0.
  for (let i = 0; i < settledCount; i++) {
    const v = settled[i]!;
    potential[v] = potential[v]! + dist[v]! - frontier;
  }
  if (reached) {
    for (let x = source; x !== start;) {
      const e = previousArc[x]!;
      pushUnit(net, e);
      x = to[e ^ 1]!;
    }
    pushUnit(net, net.sourceArc[start]!);
  }
  resetSearch(net);
  return reached;
}

/**
 * Sets every potential to minus the node's distance to the source (one Dijkstra backwards from
 * the source): the lowest potentials that keep reduced costs ≥ 0. With them an arc has reduced
 * cost 0 only if it lies on a cheapest way to the source, so a search from a worker walks
 * straight along its cheapest path instead of through every node its stale potentials made
 * look close.
 */
function refreshPotentials(net: Network): void {
  const { from, cap, cost, incomingStart, incoming, potential, dist, settled, source } = net;
  let settledCount = 0;
  offer(net, source, 0, -1);
  while (net.heapSize > 0) {
    const v = popNearest(net);
    settled[settledCount++] = v;
    const dv = dist[v]! - potential[v]!;
    for (let k = incomingStart[v]!, end = incomingStart[v + 1]!; k < end; k++) {
      const e = incoming[k]!;
      const u = from[e]!;
      if (cap[e]! > 0 && u !== source) offer(net, u, dv + cost[e]! + potential[u]!, e);
    }
  }
  // A node that cannot reach the source has no arc to one that can; lowering all of them by
  // the largest distance keeps the arcs from the others into them at reduced cost ≥ 0.
  let farthest = 0;
  for (let i = 0; i < settledCount; i++) farthest = Math.max(farthest, dist[settled[i]!]!);
  for (let v = 0; v < net.nodeCount; v++) {
    potential[v] = potential[v]! - (dist[v] === Infinity ? farthest : dist[v]!);
  }
  net.settledSinceRefresh = 0;
  resetSearch(net);
}

/** Pushes one unit along arc e, keeping each challenge's list of the workers it holds. */
function pushUnit(net: Network, e: number): void {
  net.cap[e]!--;
  net.cap[e ^ 1]!++;
  if (e < net.firstPairArc || e >= net.endPairArc) return;
  if ((e & 1) === 0) {
    // worker → challenge: the challenge now holds the worker (its arc back is e ^ 1).
    const j = net.to[e]! - net.workerCount;
    net.holders[net.holderStart[j]! + net.holderCount[j]!++] = e ^ 1;
  } else {
    // challenge → worker: the challenge lets the worker go.
    const j = net.to[e ^ 1]! - net.workerCount;
    const first = net.holderStart[j]!;
    const last = first + --net.holderCount[j]!;
    for (let k = first; k <= last; k++) {
      if (net.holders[k] === e) {
        // Keep the order (arcs in input order make the search, and so ties, deterministic).
        net.holders.copyWithin(k, k + 1, last + 1);
        break;
      }
    }
  }
}

function readAssignment(input: RoundInput, net: Network): RoundAssignment {
  const { scores, challenges, minPerMunicipality } = input;
  let assigned: number[] = [];
  for (let p = 0; p < scores.length; p++) {
    if (net.cap[net.pairArc[p]!] === 0) assigned.push(p);
  }
  assigned = dropIdleMatches(input, net, assigned);
  assigned.sort(
    (a, b) =>
      net.pairWorker[a]! - net.pairWorker[b]! || net.pairChallenge[a]! - net.pairChallenge[b]!,
  );
  const assignments = assigned.map((p) => {
    const s = scores[p]!;
    return { worker: s.worker, challenge: s.challenge, score: s.score };
  });

  const shortfalls: MunicipalityShortfall[] = [];
  if (minPerMunicipality > 0) {
    const matched = new Map<string, number>();
    for (const c of challenges) matched.set(c.municipality, 0);
    for (const p of assigned) {
      const municipality = challenges[net.pairChallenge[p]!]!.municipality;
      matched.set(municipality, matched.get(municipality)! + 1);
    }
    for (const [municipality, count] of matched) {
      if (count < minPerMunicipality) {
        shortfalls.push({ municipality, required: minPerMunicipality, matched: count });
      }
    }
  }
  return { assignments, totalScore: sumCompensated(assignments.map((a) => a.score)), shortfalls };
}

/**
 * An optimum may still hold a match scoring 0 (or a score that rounds to 0), picked up while
 * re-routing along a path of equal cost. It adds nothing; unless the municipality needs it for
 * its guarantee, it is dropped, which leaves both criteria unchanged — so a pair scoring 0 or
 * less is assigned only when the guarantee needs it. (A negative one over the guarantee cannot
 * be in an optimum: dropping it would score more.)
 */
function dropIdleMatches(input: RoundInput, net: Network, assigned: number[]): number[] {
  const { scores, challenges, minPerMunicipality } = input;
  const matched = new Map<string, number>();
  for (const p of assigned) {
    const municipality = challenges[net.pairChallenge[p]!]!.municipality;
    matched.set(municipality, (matched.get(municipality) ?? 0) + 1);
  }
  return assigned.filter((p) => {
    if (scores[p]!.score > 0) return true;
    const municipality = challenges[net.pairChallenge[p]!]!.municipality;
    const count = matched.get(municipality)!;
    if (count <= minPerMunicipality) return true;
    matched.set(municipality, count - 1);
    return false;
  });
}

/** Neumaier's compensated sum: thousands of scores add up without drifting in the last digits. */
function sumCompensated(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}
