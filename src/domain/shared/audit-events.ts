/** The security events the audit log records; coordinators read them. */
export const auditEventTypes = [
  'login_succeeded',
  'login_failed',
  'logout',
  'invitation_created',
  'invitation_revoked',
  'invitation_accepted',
  'role_changed',
  'member_removed',
  'organization_created',
  'export_created',
  'flow_dataset_published',
  'flow_dataset_retracted',
] as const;
export type AuditEventType = (typeof auditEventTypes)[number];
