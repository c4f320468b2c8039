import type { z } from 'zod';
import type { notificationListResponse } from '../../../contracts/notifications';
import { apiRequest } from '../../lib/api-client';

export type NotificationList = z.infer<typeof notificationListResponse>;
export type Notification = NotificationList['items'][number];

export const notificationKeys = { mine: ['notifications', 'mine'] as const };

export function fetchNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return apiRequest<NotificationList>('/me/notifications?limit=30', { signal });
}

export function markNotificationRead(id: number): Promise<Notification> {
  return apiRequest<Notification>(`/me/notifications/${id}/read`, { method: 'POST' });
}
