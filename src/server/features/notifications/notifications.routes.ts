import { errorReplies } from '../../../contracts/common';
import {
  notificationListQuery,
  notificationListResponse,
  notificationParams,
  notificationView,
} from '../../../contracts/notifications';
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationRead,
  raiseOverdueApplicationAlerts,
} from '../../../db/notifications.repository';
import type { AppInstance } from '../../app-types';
import { notFound } from '../../errors';
import { requireActor } from '../../plugins/auth';

export async function notificationsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your in-app notifications, newest first, with the number unread',
        querystring: notificationListQuery,
        response: { 200: notificationListResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      // There is no scheduler yet: reading notifications is when late host answers are noticed
      // (each alerts once), so an officer or coordinator sees the alert on their next look.
      await app.db
        .transaction()
        .execute((trx) => raiseOverdueApplicationAlerts(trx, new Date(app.clock.now())));
      const items = await listNotifications(app.db, actor.userId, {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit,
      });
      return { items, unreadCount: await countUnreadNotifications(app.db, actor.userId) };
    },
  );

  app.post(
    '/me/notifications/:notificationId/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your notifications read',
        params: notificationParams,
        response: { 200: notificationView, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const record = await markNotificationRead(
        app.db,
        actor.userId,
        request.params.notificationId,
        new Date(app.clock.now()),
      );
      if (!record) throw notFound('Notification');
      return record;
    },
  );
}
