import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';
import { formatDateTime } from '../../lib/format';
import { applicationTimeline } from './application-steps';
import type { Application } from './applications-api';

/** The steps of one application: taken (who, when, comment) and still ahead. */
export function ApplicationTimeline({
  application,
}: {
  application: Pick<Application, 'status' | 'events'>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const steps = applicationTimeline(application);
  const lastDone = steps.findLastIndex((s) => s.state === 'done');
  const ended = application.status === 'declined' || application.status === 'withdrawn';
  return (
    <Timeline
      active={lastDone}
      bulletSize={16}
      lineWidth={2}
      color={ended ? 'gray' : 'teal'}
      aria-label={t('applicationSteps.label')}
      data-testid="application-timeline"
    >
      {steps.map((step, i) => (
        <Timeline.Item
          key={`${step.label}-${i}`}
          title={
            <Text
              size="sm"
              fw={step.state === 'done' ? 600 : 400}
              c={step.state === 'done' ? undefined : 'dimmed'}
            >
              {t(`applicationSteps.${step.label}`)}
              {step.state === 'upcoming' && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  {t('applicationSteps.ahead')}
                </Text>
              )}
            </Text>
          }
        >
          {step.at && (
            <Text size="xs" c="dimmed">
              {formatDateTime(step.at, language)}
              {step.actorName ? ` ・ ${step.actorName}` : ''}
            </Text>
          )}
          {step.comment && (
            <Text size="sm" mt={2}>
              {step.comment}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
