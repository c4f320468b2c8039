import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PcLogImportResponse } from '../../../contracts/labor';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { addDays, mondayOf, todayInTokyo, weekDates, weekFromParam } from '../../lib/calendar';
import { formatCalendarDate } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { employmentKeys, fetchMyEmployments } from '../employments/employments-api';
import { LineProblemList, PcLogImportModal } from './pc-log-import-modal';
import { fetchMyWeek, timesheetKeys, type TimesheetWeek } from './timesheets-api';
import { WeekEditor, type WeekAction } from './week-editor';

/** Changes whenever the stored week does, so the editor starts again from what was saved. */
const revisionOf = (week: TimesheetWeek) =>
  [
    week.weekStart,
    week.status,
    week.events.length,
    week.history.length,
    week.segments.map((s) => s.id).join(','),
  ].join('|');

/** Previous, this and next week, and a jump to the week of any date. */
export function WeekPicker({
  weekStart,
  today,
  onChange,
}: {
  weekStart: string;
  today: string;
  onChange: (monday: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const thisWeek = mondayOf(today) ?? today;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3" data-testid="week-range" aria-live="polite">
        {t('timesheet.weekOf', {
          start: formatCalendarDate(weekStart, language),
          end: formatCalendarDate(addDays(weekStart, 6), language),
        })}
      </Title>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Group gap="xs" role="group" aria-label={t('timesheet.weekNavigation')} wrap="nowrap">
          <Button variant="default" onClick={() => onChange(addDays(weekStart, -7))}>
            {t('timesheet.previousWeek')}
          </Button>
          <Button
            variant="default"
            onClick={() => onChange(thisWeek)}
            disabled={weekStart === thisWeek}
          >
            {t('timesheet.thisWeek')}
          </Button>
          <Button variant="default" onClick={() => onChange(addDays(weekStart, 7))}>
            {t('timesheet.nextWeek')}
          </Button>
        </Group>
        <TextInput
          type="date"
          size="sm"
          label={t('timesheet.pickDate')}
          value={weekStart}
          onChange={(e) => {
            const monday = mondayOf(e.currentTarget.value);
            if (monday) onChange(monday);
          }}
          styles={{ input: { width: 170 } }}
        />
      </Group>
    </Stack>
  );
}

/** What an import added (and which weeks), and the rows it skipped, each by its CSV line. */
function ImportResult({ result, onClose }: { result: PcLogImportResponse; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const skipped = result.rejected.length > 0;
  return (
    <Alert
      color={skipped ? 'yellow' : 'teal'}
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel={t('timesheet.dismiss')}
      onClose={onClose}
      title={t('timesheet.import.done', { n: result.imported })}
      data-testid="import-result"
    >
      <Text size="sm">
        {t('timesheet.import.weeks')}{' '}
        {result.weeks.map((w, i) => (
          <span key={w.weekStart}>
            {i > 0 && '、'}
            <Anchor component={Link} to={{ search: `?week=${w.weekStart}` }} size="sm">
              {t('timesheet.weekOf', {
                start: formatCalendarDate(w.weekStart, language),
                end: formatCalendarDate(addDays(w.weekStart, 6), language),
              })}
            </Anchor>
          </span>
        ))}
      </Text>
      {skipped && (
        <>
          <Text size="sm" mt="xs" fw={500}>
            {t('timesheet.import.rejected', { n: result.rejected.length })}
          </Text>
          <LineProblemList
            problems={result.rejected.map((r) => ({ line: r.line, message: r.reason }))}
          />
        </>
      )}
    </Alert>
  );
}

/** The worker's timesheet, one week (Monday to Sunday) at a time: ?week=YYYY-MM-DD. */
export function TimesheetPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayInTokyo();
  const weekStart = weekFromParam(params.get('week'), today);
  const dates = weekDates(weekStart);
  const [done, setDone] = useState<{ weekStart: string; action: WeekAction } | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<PcLogImportResponse | null>(null);
  const week = useQuery({
    queryKey: timesheetKeys.mine(weekStart),
    queryFn: ({ signal }) => fetchMyWeek(weekStart, signal),
  });
  const employments = useQuery({
    queryKey: employmentKeys.mine,
    queryFn: ({ signal }) => fetchMyEmployments(signal),
  });

  return (
    <Stack gap="lg">
      <Title order={1} data-testid="timesheet-heading">
        {t('timesheet.title')}
      </Title>
      <WeekPicker
        weekStart={weekStart}
        today={today}
        onChange={(monday) => setParams({ week: monday })}
      />
      {done?.weekStart === weekStart && (
        <Alert
          color="teal"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('timesheet.dismiss')}
          onClose={() => setDone(null)}
          data-testid="timesheet-notice"
        >
          {t(`timesheet.done.${done.action}`)}
        </Alert>
      )}
      {imported && <ImportResult result={imported} onClose={() => setImported(null)} />}
      {(week.isPending || employments.isPending) && <PageLoader />}
      {week.isError && <ApiErrorAlert error={week.error} />}
      {employments.isError && <ApiErrorAlert error={employments.error} />}
      {week.isSuccess && employments.isSuccess && (
        <WeekEditor
          key={revisionOf(week.data)}
          week={week.data}
          dates={dates}
          employments={employments.data}
          onDone={(action) => setDone({ weekStart, action })}
          onImport={() => {
            setDone(null);
            setImported(null);
            setImporting(true);
          }}
        />
      )}
      {employments.isSuccess && (
        <PcLogImportModal
          opened={importing}
          onClose={() => setImporting(false)}
          employments={employments.data}
          onImported={(result) => {
            setImporting(false);
            setImported(result);
          }}
        />
      )}
    </Stack>
  );
}
