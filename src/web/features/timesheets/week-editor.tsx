import { Alert, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ApiError, isApiError, type ApiErrorDetail } from '../../lib/api-client';
import { formatDateTime, formatDayWithWeekday, formatMinutes } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import type { Employment } from '../employments/employments-api';
import { SegmentRowEditor } from './segment-row-editor';
import {
  draftFromSegment,
  isEditable,
  applyRowEdit,
  latestCorrectionRequest,
  orderRows,
  prefillRow,
  problemsFromDetails,
  rowWorkedMinutes,
  segmentFromDraft,
  weekTotals,
  type DraftRow,
  type RowErrorKey,
  type RowField,
  type RowProblems,
  type SegmentInput,
} from './timesheet-draft';
import {
  copyPreviousWeek,
  saveMyWeek,
  submitMyWeek,
  timesheetKeys,
  type TimesheetWeek,
} from './timesheets-api';
import { DayCard, TimesheetStatusBadge, WeekHistory, WeekReadOnly } from './week-view';

export type WeekAction = 'saved' | 'submitted' | 'copied';

type Props = {
  week: TimesheetWeek;
  dates: readonly string[];
  employments: readonly Employment[];
  onDone: (action: WeekAction) => void;
  /** Opens the PC log import (the page holds it: an import may add to other weeks too). */
  onImport: () => void;
};

/** Asks before leaving (another week, another page, closing the tab) with unsaved rows. */
function useUnsavedChangesGuard(dirty: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  return blocker;
}

function StatTile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </div>
  );
}

/**
 * The worker's week: rows per day while it is a draft (or returned for correction), read-only
 * once submitted. Saving replaces the week's segments (the server keeps the replaced ones);
 * the server's validation errors come back onto the rows they name.
 */
export function WeekEditor({ week, dates, employments, onDone, onImport }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const editable = isEditable(week.status);
  const initial = useMemo(() => week.segments.map((s) => draftFromSegment(s, s.id)), [week]);
  const [rows, setRows] = useState<DraftRow[]>(initial);
  const [clientErrors, setClientErrors] = useState(
    new Map<string, Partial<Record<RowField, RowErrorKey>>>(),
  );
  const [serverProblems, setServerProblems] = useState(new Map<string, RowProblems>());
  const [unmatched, setUnmatched] = useState<ApiErrorDetail[]>([]);
  const [confirm, setConfirm] = useState<'submit' | 'copy' | null>(null);
  const newKey = useRef(0);
  const focusKey = useRef<string | null>(null);
  const firstFields = useRef(new Map<string, HTMLSelectElement>());

  const dirty = JSON.stringify(rows) !== JSON.stringify(initial);
  const blocker = useUnsavedChangesGuard(dirty);
  const primary = employments.find((e) => e.isPrimary) ?? employments[0];
  const totals = weekTotals(rows);
  const correction = latestCorrectionRequest(week);

  const setWeek = (fresh: TimesheetWeek) =>
    queryClient.setQueryData(timesheetKeys.mine(fresh.weekStart), fresh);

  const save = useMutation({
    mutationFn: (body: { segments: SegmentInput[]; sentKeys: string[] }) =>
      saveMyWeek(week.weekStart, body.segments),
    onSuccess: (fresh) => {
      setWeek(fresh);
      onDone('saved');
    },
    onError: (error, { sentKeys }) => {
      if (error instanceof ApiError && error.details.length > 0) {
        const legends = new Map(
          dates.flatMap((date) => {
            const day = formatDayWithWeekday(date, language);
            return orderRows(rows, dates)
              .filter((r) => r.date === date)
              .map((r, i) => [r.key, t('timesheet.rowLegend', { day, n: i + 1 })] as const);
          }),
        );
        const { byRow, unmatched: rest } = problemsFromDetails(
          error.details,
          sentKeys,
          (key) => legends.get(key) ?? null,
          (message) => {
            const overlap = /^overlaps (.+) at (.+)$/.exec(message);
            return overlap
              ? t('timesheet.overlaps', { other: overlap[1], employer: overlap[2] })
              : message;
          },
        );
        setServerProblems(byRow);
        setUnmatched(rest);
      }
    },
  });
  const submit = useMutation({
    mutationFn: () => submitMyWeek(week.weekStart),
    onSuccess: (fresh) => {
      setConfirm(null);
      setWeek(fresh);
      onDone('submitted');
    },
  });
  const copy = useMutation({
    mutationFn: () => copyPreviousWeek(week.weekStart),
    onSuccess: (fresh) => {
      setConfirm(null);
      setWeek(fresh);
      onDone('copied');
    },
  });

  // Moves focus to a row just added, so a keyboard user can type straight on.
  useEffect(() => {
    if (focusKey.current) {
      firstFields.current.get(focusKey.current)?.focus();
      focusKey.current = null;
    }
  }, [rows]);

  if (!editable) {
    return (
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <TimesheetStatusBadge status={week.status} />
          <Button variant="default" onClick={onImport} data-testid="open-import">
            {t('timesheet.import.open')}
          </Button>
        </Group>
        <Alert color={week.status === 'approved' ? 'teal' : 'blue'} variant="light">
          {t(
            week.status === 'approved'
              ? 'timesheet.readOnlyApproved'
              : 'timesheet.readOnlySubmitted',
          )}
        </Alert>
        <Paper withBorder radius="md" p="sm">
          <SimpleGrid cols={3} spacing="sm">
            <StatTile
              label={t('timesheet.totalWorked')}
              value={formatMinutes(week.totalWorkedMinutes)}
              testId="total-worked"
            />
            <StatTile
              label={t('timesheet.totalContracted')}
              value={formatMinutes(
                week.segments.filter((s) => s.contracted).reduce((n, s) => n + s.workedMinutes, 0),
              )}
              testId="total-contracted"
            />
            <StatTile
              label={t('timesheet.totalBeyond')}
              value={formatMinutes(
                week.segments.filter((s) => !s.contracted).reduce((n, s) => n + s.workedMinutes, 0),
              )}
              testId="total-beyond"
            />
          </SimpleGrid>
        </Paper>
        <WeekReadOnly week={week} dates={dates} />
        <WeekHistory week={week} />
      </Stack>
    );
  }

  const updateRow = (row: DraftRow) =>
    setRows((current) => current.map((r) => (r.key === row.key ? applyRowEdit(r, row) : r)));
  const removeRow = (key: string) => setRows((current) => current.filter((r) => r.key !== key));
  const addRow = (date: string) => {
    newKey.current += 1;
    const key = `new-${newKey.current}`;
    focusKey.current = key;
    setRows((current) => [...current, prefillRow(current, dates, date, primary?.id ?? '', key)]);
  };

  const onSave = () => {
    const ordered = orderRows(rows, dates);
    const errors = new Map<string, Partial<Record<RowField, RowErrorKey>>>();
    const segments: SegmentInput[] = [];
    for (const row of ordered) {
      const converted = segmentFromDraft(row);
      if (converted.ok) segments.push(converted.segment);
      else errors.set(row.key, converted.errors);
    }
    setClientErrors(errors);
    setServerProblems(new Map());
    setUnmatched([]);
    if (errors.size > 0) return;
    save.mutate({ segments, sentKeys: ordered.map((r) => r.key) });
  };

  const rowsWithProblems = new Set([...clientErrors.keys(), ...serverProblems.keys()]);
  const busy = save.isPending || submit.isPending || copy.isPending;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <TimesheetStatusBadge status={week.status} />
          {dirty && (
            <Text size="sm" c="orange.9" fw={500} data-testid="unsaved">
              {t('timesheet.unsaved')}
            </Text>
          )}
        </Group>
        <Group gap="sm">
          <Button
            variant="default"
            onClick={onImport}
            disabled={busy || dirty || employments.length === 0}
            title={dirty ? t('timesheet.import.saveFirst') : undefined}
            data-testid="open-import"
          >
            {t('timesheet.import.open')}
          </Button>
          <Button
            variant="default"
            onClick={() => (rows.length > 0 ? setConfirm('copy') : copy.mutate())}
            loading={copy.isPending}
            disabled={busy}
          >
            {t('timesheet.copyPrevious')}
          </Button>
        </Group>
      </Group>

      {correction && (
        <Alert
          color="orange"
          variant="light"
          title={t('timesheet.correctionTitle')}
          data-testid="correction-comment"
        >
          <Text size="sm">{correction.comment ?? t('timesheet.noComment')}</Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('timesheet.correctionBy', {
              name: correction.actorName ?? '—',
              at: formatDateTime(correction.at, language),
            })}
          </Text>
        </Alert>
      )}
      {employments.length === 0 && (
        <Alert color="yellow" variant="light">
          {t('timesheet.noEmployments')} <Link to="/side-jobs">{t('timesheet.sideJobsLink')}</Link>
        </Alert>
      )}
      {copy.isError && <ApiErrorAlert error={copy.error} title={t('timesheet.copyFailed')} />}
      {submit.isError && confirm === null && (
        <ApiErrorAlert error={submit.error} title={t('timesheet.submitFailed')} />
      )}
      {rowsWithProblems.size > 0 && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('timesheet.saveFailed')}
          data-testid="save-errors"
        >
          {t('timesheet.fixRows')}
          {unmatched.length > 0 && (
            <List size="sm" mt="xs">
              {unmatched.map((d) => (
                <List.Item key={`${d.path}:${d.message}`}>
                  <code>{d.path}</code>: {d.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {save.isError &&
        rowsWithProblems.size === 0 &&
        (isApiError(save.error, 409) ? (
          <Alert color="red" variant="light" role="alert" title={t('timesheet.saveFailed')}>
            {t('timesheet.notEditable')}
          </Alert>
        ) : (
          <ApiErrorAlert error={save.error} title={t('timesheet.saveFailed')} />
        ))}

      <Text size="sm" c="dimmed">
        {t('timesheet.entryHint')}
      </Text>

      <Stack gap="sm">
        {dates.map((date) => {
          const dayRows = orderRows(rows, dates).filter((r) => r.date === date);
          const day = formatDayWithWeekday(date, language);
          return (
            <DayCard
              key={date}
              date={date}
              holiday={week.holidays[date]}
              totalMinutes={dayRows.reduce((sum, r) => sum + (rowWorkedMinutes(r) ?? 0), 0)}
            >
              {dayRows.map((row, i) => (
                <SegmentRowEditor
                  key={row.key}
                  row={row}
                  legend={t('timesheet.rowLegend', { day, n: i + 1 })}
                  testId={`segment-${date}-${i}`}
                  employments={employments}
                  clientErrors={clientErrors.get(row.key)}
                  serverProblems={serverProblems.get(row.key)}
                  onChange={updateRow}
                  onRemove={() => removeRow(row.key)}
                  removeLabel={t('timesheet.removeRowFor', { day, n: i + 1 })}
                  firstFieldRef={(el) => {
                    if (el) firstFields.current.set(row.key, el);
                    else firstFields.current.delete(row.key);
                  }}
                />
              ))}
              <Group mt={6}>
                <Button
                  variant="light"
                  size="compact-sm"
                  onClick={() => addRow(date)}
                  aria-label={t('timesheet.addRowFor', { day })}
                  data-testid={`add-row-${date}`}
                >
                  {t('timesheet.addRow')}
                </Button>
              </Group>
            </DayCard>
          );
        })}
      </Stack>

      <WeekHistory week={week} />

      <Paper
        withBorder
        shadow="sm"
        radius="md"
        p="sm"
        className="ts-actions"
        aria-label={t('timesheet.totals')}
        component="section"
      >
        <Group justify="space-between" wrap="wrap" gap="sm">
          <SimpleGrid cols={3} spacing="md" style={{ flex: '1 1 18rem' }}>
            <StatTile
              label={t('timesheet.totalWorked')}
              value={formatMinutes(totals.workedMinutes)}
              testId="total-worked"
            />
            <StatTile
              label={t('timesheet.totalContracted')}
              value={formatMinutes(totals.contractedMinutes)}
              testId="total-contracted"
            />
            <StatTile
              label={t('timesheet.totalBeyond')}
              value={formatMinutes(totals.beyondMinutes)}
              testId="total-beyond"
            />
          </SimpleGrid>
          <Group gap="sm" wrap="nowrap">
            <Button
              onClick={onSave}
              loading={save.isPending}
              disabled={busy || !dirty}
              variant={dirty ? 'filled' : 'default'}
            >
              {t('timesheet.save')}
            </Button>
            <Button
              onClick={() => setConfirm('submit')}
              disabled={busy || dirty}
              color="teal"
              title={dirty ? t('timesheet.saveBeforeSubmit') : undefined}
            >
              {t('timesheet.submit')}
            </Button>
          </Group>
        </Group>
        {dirty && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('timesheet.saveBeforeSubmit')}
          </Text>
        )}
      </Paper>

      <Modal
        opened={confirm === 'submit'}
        onClose={() => setConfirm(null)}
        title={t('timesheet.submitConfirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {t('timesheet.submitConfirmBody', { hours: formatMinutes(week.totalWorkedMinutes) })}
          </Text>
          {submit.isError && (
            <ApiErrorAlert error={submit.error} title={t('timesheet.submitFailed')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('timesheet.cancel')}
            </Button>
            <Button
              color="teal"
              onClick={() => submit.mutate()}
              loading={submit.isPending}
              data-testid="confirm-submit"
            >
              {t('timesheet.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={confirm === 'copy'}
        onClose={() => setConfirm(null)}
        title={t('timesheet.copyConfirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('timesheet.copyConfirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('timesheet.cancel')}
            </Button>
            <Button onClick={() => copy.mutate()} loading={copy.isPending}>
              {t('timesheet.copy')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('timesheet.leaveTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('timesheet.leaveBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              {t('timesheet.stay')}
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              {t('timesheet.leave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
