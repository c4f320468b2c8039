import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayOfDate } from '../../lib/calendar';
import { formatDateTime, formatDayWithWeekday, formatMinutes } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { groupHistory, splitApiEnd, type SegmentView } from './timesheet-draft';
import type { TimesheetStatus, TimesheetWeek } from './timesheets-api';
import './timesheet.css';

const statusColor: Record<TimesheetStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  correction_requested: 'orange',
};

export function TimesheetStatusBadge({ status }: { status: TimesheetStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light" radius="sm" data-testid="timesheet-status">
      {t(`timesheet.statuses.${status}`)}
    </Badge>
  );
}

/** An end time as the timesheet shows it: '26:00' → '翌02:00' (or '02:00 (+1)'). */
export function useEndLabel(): (end: string, nextDay?: boolean) => string {
  const { t } = useTranslation();
  return (end, nextDay) => {
    const split = nextDay === undefined ? splitApiEnd(end) : { end, nextDay };
    return split.nextDay ? t('timesheet.nextDayTime', { time: split.end }) : split.end;
  };
}

/**
 * One day of the week: its date (Saturdays blue, Sundays and national holidays red, as Japanese
 * calendars print them), the holiday's name, the day's total, and its rows.
 */
export function DayCard({
  date,
  holiday,
  totalMinutes,
  children,
}: {
  date: string;
  holiday: string | undefined;
  totalMinutes: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const weekday = weekdayOfDate(date);
  const color = holiday || weekday === 0 ? 'red.8' : weekday === 6 ? 'blue.8' : undefined;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-labelledby={`day-${date}`}
      data-testid={`day-${date}`}
      className="ts-day"
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Title order={3} size="h5" id={`day-${date}`} c={color}>
            {formatDayWithWeekday(date, language)}
          </Title>
          {holiday && (
            <Badge color="red" variant="light" radius="sm" data-testid="holiday">
              {t('timesheet.holiday', { name: holiday })}
            </Badge>
          )}
          {!holiday && (weekday === 0 || weekday === 6) && (
            <Badge color={weekday === 0 ? 'red' : 'blue'} variant="outline" radius="sm">
              {t(weekday === 0 ? 'timesheet.sunday' : 'timesheet.saturday')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('timesheet.dayTotal', { hours: formatMinutes(totalMinutes) })}
        </Text>
      </Group>
      <Stack gap={0} mt={4}>
        {children}
      </Stack>
    </Paper>
  );
}

/** A stored segment in one line: times, break, worked, employer, contracted or not, place. */
export function SegmentLine({ segment, showDate }: { segment: SegmentView; showDate?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const endLabel = useEndLabel();
  return (
    <Group
      gap="xs"
      wrap="wrap"
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="segment-line"
    >
      {showDate && (
        <Text size="sm" fw={500}>
          {formatDayWithWeekday(segment.date, language)}
        </Text>
      )}
      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {segment.start}–{endLabel(segment.end)}
      </Text>
      <Text size="sm" c="dimmed">
        {t('timesheet.breakShort', { minutes: segment.breakMinutes })}
      </Text>
      <Text size="sm">
        {t('timesheet.workedShort', { hours: formatMinutes(segment.workedMinutes) })}
      </Text>
      <Badge
        variant={segment.contracted ? 'light' : 'filled'}
        color={segment.contracted ? 'gray' : 'orange'}
        radius="sm"
      >
        {t(segment.contracted ? 'timesheet.contractedYes' : 'timesheet.contractedNo')}
      </Badge>
      <Text size="sm">{segment.employerName}</Text>
      {segment.source !== 'self' && (
        <Badge variant="outline" color="gray" radius="sm">
          {t(`timesheet.sources.${segment.source}`)}
        </Badge>
      )}
      <Text size="sm" c="dimmed">
        {t(`timesheet.locations.${segment.location}`)}
        {segment.municipalityCode ? ` · ${segment.municipalityCode}` : ''}
      </Text>
    </Group>
  );
}

/** A submitted or approved week, day by day, as the worker and the reviewer read it. */
export function WeekReadOnly({ week, dates }: { week: TimesheetWeek; dates: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {dates.map((date) => {
        const segments = week.segments.filter((s) => s.date === date);
        return (
          <DayCard
            key={date}
            date={date}
            holiday={week.holidays[date]}
            totalMinutes={segments.reduce((sum, s) => sum + s.workedMinutes, 0)}
          >
            {segments.length === 0 ? (
              <Text size="sm" c="dimmed" py={4}>
                {t('timesheet.noRows')}
              </Text>
            ) : (
              segments.map((s) => <SegmentLine key={s.id} segment={s} />)
            )}
          </DayCard>
        );
      })}
    </Stack>
  );
}

/**
 * What happened to the week (saved, submitted, approved, returned with a comment) and the
 * segments each save replaced: a correction never deletes, so the original stays readable here.
 */
export function WeekHistory({
  week,
  withReplaced = true,
}: {
  week: TimesheetWeek;
  /** Lists of weeks come without the replaced segments; only a worker's own week has them. */
  withReplaced?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const groups = groupHistory(week.history);
  const events = [...week.events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Paper withBorder radius="md" p="sm" component="section" data-testid="timesheet-history">
      <details>
        <summary style={{ cursor: 'pointer', fontWeight: 600 }}>
          {withReplaced
            ? t('timesheet.history', { n: week.history.length })
            : t('timesheet.activity')}
        </summary>
        <Stack gap="md" mt="sm">
          <div>
            <Title order={3} size="h6" mb={4}>
              {t('timesheet.activity')}
            </Title>
            {events.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('timesheet.noActivity')}
              </Text>
            ) : (
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {events.map((e) => (
                  <Text component="li" size="sm" key={`${e.event}:${e.at}`}>
                    {formatDateTime(e.at, language)} · {t(`timesheet.events.${e.event}`)}
                    {e.actorName ? ` · ${e.actorName}` : ''}
                    {e.comment ? `：「${e.comment}」` : ''}
                  </Text>
                ))}
              </Stack>
            )}
          </div>
          {withReplaced && (
            <div>
              <Title order={3} size="h6" mb={4}>
                {t('timesheet.replaced')}
              </Title>
              {groups.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('timesheet.noHistory')}
                </Text>
              ) : (
                groups.map((group) => (
                  <Stack key={group.replacedAt} gap={0} mb="sm">
                    <Text size="sm" fw={500}>
                      {t('timesheet.replacedAt', {
                        at: formatDateTime(group.replacedAt, language),
                      })}
                    </Text>
                    {group.segments.map((s) => (
                      <SegmentLine key={`${group.replacedAt}:${s.id}`} segment={s} showDate />
                    ))}
                  </Stack>
                ))
              )}
            </div>
          )}
        </Stack>
      </details>
    </Paper>
  );
}
