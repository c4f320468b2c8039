import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../domain/engagement/application-workflow';

const colorOf: Readonly<Record<ApplicationStatus, string>> = {
  interested: 'gray',
  proposed: 'violet',
  applied: 'blue',
  employer_pending: 'yellow',
  host_review: 'blue',
  matched: 'teal',
  declined: 'red',
  withdrawn: 'gray',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colorOf[status]}
      variant={status === 'matched' ? 'filled' : 'light'}
      data-testid="application-status"
      data-status={status}
    >
      {t(`matching.statuses.${status}`)}
    </Badge>
  );
}
