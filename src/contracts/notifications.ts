import { z } from 'zod';
import { notificationKinds } from '../domain/shared/notifications';

/** What a notification points at: so far always an application to a challenge. */
export const notificationPayload = z.object({
  applicationId: z.string(),
  challengeId: z.string(),
  challengeTitle: z.string(),
  hostName: z.string(),
  workerName: z.string().optional(),
  /** A decline or rejection reason, or the reviewer's comment. */
  reason: z.string().optional(),
  hostDueAt: z.string().optional(),
});
export type NotificationPayload = z.infer<typeof notificationPayload>;

export const notificationView = z.object({
  id: z.number().int(),
  kind: z.enum(notificationKinds),
  payload: notificationPayload,
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationListResponse = z.object({
  items: z.array(notificationView),
  unreadCount: z.number().int(),
});

export const notificationParams = z.object({
  notificationId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
