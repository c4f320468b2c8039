import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';
import { formatDateTime } from '../../lib/format';
import type { ChallengeEvent } from './challenges-api';

/** Who created, changed, opened, closed or archived the challenge, and when. */
export function ChallengeHistory({ events }: { events: readonly ChallengeEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Timeline
      active={events.length - 1}
      bulletSize={14}
      lineWidth={2}
      data-testid="challenge-history"
    >
      {events.map((e, i) => (
        <Timeline.Item
          key={`${e.at}-${i}`}
          title={
            <Text size="sm" fw={600}>
              {t(`challengeHistory.${e.event}`)}
              {e.fromState && e.fromState !== e.toState
                ? `（${t(`matching.states.${e.fromState}`)} → ${t(`matching.states.${e.toState}`)}）`
                : ''}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at, language)} ・ {e.actorName ?? t('challengeHistory.unknownActor')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
