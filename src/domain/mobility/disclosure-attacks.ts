/**
 * Test support: the two attackers the disclosure tests set on published tables. Both know every
 * published figure and which cells sum to which (the relations); neither knows a hidden value.
 */
import type { DisclosureRelation } from './disclosure';

/**
 * The attacker: knows every published figure and that totals are sums; repeatedly solves any
 * relation with exactly one unknown (subtraction along rows and columns) until stuck.
 */
export function recoverBySubtraction(
  published: ReadonlyMap<string, number | null>,
  relations: readonly DisclosureRelation[],
): Map<string, number> {
  const known = new Map<string, number>();
  for (const [id, v] of published) if (v !== null) known.set(id, v);
  const recovered = new Map<string, number>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const r of relations) {
      const unknown = [r.total, ...r.members].filter((id) => !known.has(id));
      if (unknown.length !== 1) continue;
      const id = unknown[0]!;
      const sum = r.members.reduce((s, m) => s + (known.get(m) ?? 0), 0);
      const value = id === r.total ? sum : known.get(r.total)! - sum;
      known.set(id, value);
      recovered.set(id, value);
      progress = true;
    }
  }
  return recovered;
}

/**
 * A stronger attacker: exact linear algebra. Which unknowns does the system of relations fix?
 * x_j is determined iff no vector of the null space moves it (reduced row echelon form).
 */
export function determinedByLinearAlgebra(
  published: ReadonlyMap<string, number | null>,
  relations: readonly DisclosureRelation[],
): Set<string> {
  const unknowns = [...published].filter(([, v]) => v === null).map(([id]) => id);
  const col = new Map(unknowns.map((id, j) => [id, j]));
  const rows: number[][] = [];
  for (const r of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    if (col.has(r.total)) {
      row[col.get(r.total)!] = 1;
      any = true;
    }
    for (const m of r.members) {
      if (col.has(m)) {
        row[col.get(m)!] = -1;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < unknowns.length && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]![c]!;
    rows[r] = rows[r]!.map((x) => x / pivot);
    for (let i = 0; i < rows.length; i++) {
      if (i === r || Math.abs(rows[i]![c]!) < 1e-9) continue;
      const f = rows[i]![c]!;
      rows[i] = rows[i]!.map((x, k) => x - f * rows[r]![k]!);
    }
    pivots.push(c);
    r++;
  }
  const determined = new Set<string>();
  pivots.forEach((c, i) => {
    const free = rows[i]!.some((x, k) => k !== c && !pivots.includes(k) && Math.abs(x) > 1e-9);
    if (!free) determined.add(unknowns[c]!);
  });
  return determined;
}
