/**
 * `flow analyze --publish`: stores a finished analysis's protected figures in the platform, in
 * one transaction — the dataset's metadata, every cell of the listed municipalities (suppressed
 * ones without a value) and the published origins. Never pings, devices or unprotected counts.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import {
  findCoordinatorByEmail,
  findPublishedFlowDataset,
  publishFlowDataset,
} from '../../db/flow-datasets.repository';
import { CliError } from '../cli-errors';
import type { AnalyzeComplete } from './run-analyze';

export type PublishedDataset = { datasetId: string; cells: number; origins: number };

/** The publisher's account, or a CliError: only a coordinator publishes people-flow figures. */
export async function requireCoordinator(db: Kysely<Database>, email: string) {
  const coordinator = await findCoordinatorByEmail(db, email);
  if (!coordinator) {
    throw new CliError(
      `--publisher: ${email} is not a coordinator's account; people-flow figures are published under a coordinator's name`,
    );
  }
  return coordinator;
}

/**
 * Publishes the analysis, or throws (a CliError for an expected refusal) with nothing written.
 * Checks again inside the transaction what it depends on: the publisher is a coordinator, the
 * same analysis is not already standing, and no shown figure has fewer than k devices.
 */
export async function publishFlowAnalysis(
  db: Kysely<Database>,
  result: AnalyzeComplete,
  options: { publisherEmail: string; sourceLabel: string; nowMs: number },
): Promise<PublishedDataset> {
  const { metadata, publication, rows, quality } = result;
  // Defence in depth: the engine guarantees it, the platform must never receive otherwise.
  for (const c of [...publication.cells, ...publication.origins]) {
    if (c.published !== null && c.devices < metadata.k) {
      throw new Error(`refusing to publish ${c.municipality} ${c.scope}: ${c.devices} < k devices`);
    }
  }
  const datasetId = randomUUID();
  await db.transaction().execute(async (trx) => {
    const publisher = await requireCoordinator(trx, options.publisherEmail);
    const standing = await findPublishedFlowDataset(trx, result.fingerprint);
    if (standing) {
      throw new CliError(
        `this analysis (same input, flags and k) is already published as dataset ${standing.id} (${standing.createdAt.toISOString()}); retract it first to publish it again`,
      );
    }
    await publishFlowDataset(
      trx,
      {
        id: datasetId,
        sourceLabel: options.sourceLabel,
        periodFirst: metadata.period.first,
        periodLast: metadata.period.last,
        profile: quality.profile,
        k: metadata.k,
        minOriginDevices: metadata.minOriginDevices,
        panelDevices: metadata.panelDevices,
        devices: metadata.devices,
        cells: metadata.cells,
        suppressedCells: metadata.suppressedCells,
        metadata: {
          source: metadata.source,
          boundaries: metadata.boundaries,
          months: metadata.period.months,
          municipalities: metadata.municipalities,
          withheldMunicipalities: metadata.withheldMunicipalities,
          belowK: metadata.belowK,
          complementary: metadata.complementary,
          originsPublished: metadata.originsPublished,
          dataQualityShare: quality.dataQualityShare,
          deviceDays: quality.deviceDays,
          stayPoints: quality.stayPoints,
          lines: quality.lines,
          rejected: quality.rejected.total,
          parameters: quality.parameters,
          cleaning: quality.cleaning,
          generatedAt: metadata.generatedAt,
        },
        fingerprint: result.fingerprint,
        createdBy: publisher.userId,
        createdAtMs: options.nowMs,
      },
      rows.metrics.map((r) => ({
        municipalityCode: r.municipality,
        scope: r.scope,
        metric: r.metric,
        value: r.value,
      })),
      rows.origins.map((o) => ({
        municipalityCode: o.municipality,
        scope: o.scope,
        originCode: o.origin,
        value: o.value,
      })),
      { organizationId: publisher.organizationId, via: 'cli' },
    );
  });
  return { datasetId, cells: rows.metrics.length, origins: rows.origins.length };
}
