import { Spoiler, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApplicationTimeline } from './application-timeline';
import type { Application } from './applications-api';

/**
 * What the host and HR both read under an application: the worker's message (folded when long),
 * the reason it was declined, and its steps. Fragments keep them direct children of the card's
 * stack, spaced as the rest of it.
 */
export function ApplicationNotes({
  application: a,
  messageTestId,
}: {
  application: Pick<Application, 'message' | 'declineReason' | 'status' | 'events'>;
  messageTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {a.message && (
        <Spoiler maxHeight={72} showLabel={t('common.showMore')} hideLabel={t('common.showLess')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={messageTestId}>
            {a.message}
          </Text>
        </Spoiler>
      )}
      {a.declineReason && (
        <Text size="sm" c="red.8">
          {t('applicants.declineReason', { reason: a.declineReason })}
        </Text>
      )}
      <ApplicationTimeline application={a} />
    </>
  );
}
