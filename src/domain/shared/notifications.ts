/**
 * In-app notifications: the closed list of what a person can be told. Each is written in the
 * same transaction as the event it reports, so a notification never announces something that
 * did not happen.
 */
export const notificationKinds = [
  /** Host officers: an application reached their review. */
  'application_received',
  /** Company administrators: an employee applied under a programme that needs approval. */
  'approval_requested',
  /** The worker: the employer approved; the application went on to the host. */
  'application_approved',
  /** The worker: the employer did not approve. */
  'application_rejected',
  /** The worker, and the employer's administrators when a programme governs it. */
  'application_matched',
  /** The worker: the host declined, with a reason. */
  'application_declined',
  /** Whoever was reviewing it: the worker withdrew. */
  'application_withdrawn',
  /** Host officers and coordinators: the host has not answered within the set days. */
  'host_response_overdue',
  /**
   * A published matching round proposed a challenge to a worker: the worker, the host's officers
   * and, when the worker's programme needs approval, the employer's administrators.
   */
  'round_match',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
