import { errorReplies } from '../../../contracts/common';
import {
  flowDatasetList,
  flowDatasetParams,
  flowDatasetView,
  municipalityFlowParams,
  municipalityFlowQuery,
  municipalityFlowResponse,
} from '../../../contracts/flow';
import { recordAuditEvent } from '../../../db/audit.repository';
import { canReadMunicipalityFlow } from '../../../domain/mobility/flow-access';
import { PERIOD_SCOPE } from '../../../domain/mobility/metrics';
import { isCoordinator } from '../../../domain/shared/organizations';
import type { AppInstance } from '../../app-types';
import { AppError, forbidden, notFound } from '../../errors';
import { requireActor } from '../../plugins/auth';
import { municipalityFigures, originView } from './flow-views';
import {
  findFlowDataset,
  findFlowMunicipality,
  latestPublishedFlowDataset,
  listFlowCells,
  listFlowDatasets,
  listFlowOrigins,
  platformFigures,
  prefectureNames,
  retractFlowDataset,
} from './flow.repository';

/**
 * People-flow figures in the platform (decision 9). Datasets arrive only through the operator's
 * command `tsunagu flow analyze --publish`, run under a coordinator's account; here they are
 * read — a municipality its own, a prefecture its municipalities', coordinators all — and a
 * coordinator may retract one.
 */
export async function flowRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/municipalities/:code/flow',
    {
      schema: {
        tags: ['flow'],
        summary:
          "A municipality's people-flow figures (its officers, its prefecture's, coordinators)",
        params: municipalityFlowParams,
        querystring: municipalityFlowQuery,
        response: { 200: municipalityFlowResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const municipality = await findFlowMunicipality(app.db, request.params.code);
      // A municipality whose figures the actor may not read is answered like an unknown one.
      if (!municipality || !canReadMunicipalityFlow(actor.memberships, municipality)) {
        throw notFound('People-flow figures of this municipality');
      }
      const { dataset: chosen, originScope } = request.query;
      let dataset = chosen
        ? await findFlowDataset(app.db, chosen)
        : await latestPublishedFlowDataset(app.db);
      if (chosen && (dataset === null || dataset.status !== 'published')) {
        throw notFound('Dataset');
      }
      const scope = originScope ?? PERIOD_SCOPE;
      if (dataset && scope !== PERIOD_SCOPE && !dataset.months.includes(scope)) {
        throw new AppError('validation_failed', `${scope} is not a month of the dataset`, [
          {
            path: 'querystring.originScope',
            message: `not within ${dataset.periodFirst}..${dataset.periodLast}`,
          },
        ]);
      }
      dataset ??= null;
      const cells = dataset ? await listFlowCells(app.db, dataset.id, municipality.code) : [];
      const figures = municipalityFigures(dataset, cells);
      const origins = dataset
        ? await listFlowOrigins(app.db, dataset.id, municipality.code, scope)
        : [];
      const visitors =
        cells.find((c) => c.scope === scope && c.metric === 'visitors')?.value ?? null;
      return {
        municipality: {
          code: municipality.code,
          name: municipality.name,
          prefectureCode: municipality.prefectureCode,
          prefectureName: municipality.prefectureName,
        },
        dataset,
        ...figures,
        origins: originView(scope, origins, visitors, await prefectureNames(app.db)),
        platform: await platformFigures(app.db, municipality.code),
      };
    },
  );

  app.get(
    '/flow/datasets',
    {
      schema: {
        tags: ['flow'],
        summary: 'Published and retracted people-flow datasets (coordinators)',
        response: { 200: flowDatasetList, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      if (!isCoordinator(actor.memberships)) throw forbidden('Only coordinators list datasets');
      return { items: await listFlowDatasets(app.db) };
    },
  );

  app.post(
    '/flow/datasets/:id/retract',
    {
      schema: {
        tags: ['flow'],
        summary: 'Withdraw a people-flow dataset: its figures are no longer shown (coordinators)',
        params: flowDatasetParams,
        response: { 200: flowDatasetView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      if (!isCoordinator(actor.memberships)) throw forbidden('Only coordinators retract datasets');
      const { id } = request.params;
      const dataset = await findFlowDataset(app.db, id);
      if (!dataset) throw notFound('Dataset');
      const coordinatorOrg = actor.memberships.find((m) => m.role === 'coordinator')!;
      await app.db.transaction().execute(async (trx) => {
        if (!(await retractFlowDataset(trx, id, actor.userId, app.clock.now()))) {
          throw new AppError('conflict', 'The dataset is already retracted');
        }
        await recordAuditEvent(trx, {
          event: 'flow_dataset_retracted',
          actorUserId: actor.userId,
          organizationId: coordinatorOrg.organizationId,
          subject: id,
          ip: request.ip,
          requestId: request.id,
          details: { sourceLabel: dataset.sourceLabel },
        });
      });
      return (await findFlowDataset(app.db, id))!;
    },
  );
}
