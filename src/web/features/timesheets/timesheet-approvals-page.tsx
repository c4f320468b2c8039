import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { addDays, mondayOf, weekDates } from '../../lib/calendar';
import { formatCalendarDate, formatDateTime, formatMinutes } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { useSession } from '../auth/session-context';
import {
  approveWeek,
  fetchOrganizationWeeks,
  requestCorrection,
  timesheetKeys,
  type TimesheetStatus,
  type TimesheetWeek,
} from './timesheets-api';
import { TimesheetStatusBadge, WeekHistory, WeekReadOnly } from './week-view';

type StatusFilter = TimesheetStatus | 'all';
const statusFilters: readonly StatusFilter[] = [
  'submitted',
  'correction_requested',
  'approved',
  'all',
];

/** The latest thing that happened to a week, for the list. */
const lastEventAt = (week: TimesheetWeek) =>
  [...week.events].sort((a, b) => b.at.localeCompare(a.at))[0]?.at ?? null;

/** One week opened for review: every employer's segments, history, and approve or return. */
function ReviewModal({
  organizationId,
  week: opened,
  onClose,
}: {
  organizationId: string;
  week: TimesheetWeek;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)');
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const [outcome, setOutcome] = useState<'approved' | 'correction' | null>(null);
  // The week as the last review left it: the list behind may drop it (it is no longer submitted).
  const [week, setWeek] = useState(opened);
  const onReviewed = (kind: 'approved' | 'correction', fresh: TimesheetWeek) => {
    setOutcome(kind);
    setWeek(fresh);
    void queryClient.invalidateQueries({ queryKey: timesheetKeys.ofOrganization(organizationId) });
    void queryClient.invalidateQueries({ queryKey: ['compliance', organizationId] });
  };
  const approve = useMutation({
    mutationFn: () => approveWeek(organizationId, week.id ?? '', comment.trim()),
    onSuccess: (fresh) => onReviewed('approved', fresh),
  });
  const correct = useMutation({
    mutationFn: () => requestCorrection(organizationId, week.id ?? '', comment.trim()),
    onSuccess: (fresh) => onReviewed('correction', fresh),
  });
  const busy = approve.isPending || correct.isPending;
  const weekLabel = formatCalendarDate(week.weekStart, language);

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={phone}
      title={t('approvals.detailTitle', { name: week.workerName, week: weekLabel })}
      closeButtonProps={{ 'aria-label': t('approvals.close') }}
    >
      <Stack gap="md" data-testid="review-modal">
        <Group gap="sm">
          <TimesheetStatusBadge status={week.status} />
          <Text size="sm">
            {t('timesheet.totalWorked')}: <b>{formatMinutes(week.totalWorkedMinutes)}</b>
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('approvals.allEmployersNote')}
        </Text>
        <WeekReadOnly week={week} dates={weekDates(week.weekStart)} />
        <WeekHistory week={week} withReplaced={false} />
        {outcome ? (
          <Alert color="teal" variant="light" role="status" data-testid="review-outcome">
            {t(outcome === 'approved' ? 'approvals.approved' : 'approvals.correctionRequested')}
          </Alert>
        ) : (
          week.status === 'submitted' && (
            <Stack gap="sm">
              <Textarea
                label={t('approvals.comment')}
                description={t('approvals.commentHint')}
                autosize
                minRows={2}
                maxLength={1000}
                value={comment}
                onChange={(e) => {
                  setComment(e.currentTarget.value);
                  setCommentMissing(false);
                }}
                error={commentMissing ? t('approvals.commentRequired') : undefined}
              />
              {approve.isError && (
                <ApiErrorAlert error={approve.error} title={t('approvals.reviewFailed')} />
              )}
              {correct.isError && (
                <ApiErrorAlert error={correct.error} title={t('approvals.reviewFailed')} />
              )}
              <Group justify="flex-end" gap="sm">
                <Button
                  variant="light"
                  color="orange"
                  disabled={busy}
                  loading={correct.isPending}
                  onClick={() => {
                    if (comment.trim() === '') setCommentMissing(true);
                    else correct.mutate();
                  }}
                >
                  {t('approvals.requestCorrection')}
                </Button>
                <Button
                  color="teal"
                  disabled={busy}
                  loading={approve.isPending}
                  onClick={() => approve.mutate()}
                >
                  {t('approvals.approve')}
                </Button>
              </Group>
            </Stack>
          )
        )}
      </Stack>
    </Modal>
  );
}

/** Company admins: their workers' weeks by status and week, each opened to approve or return. */
export function TimesheetApprovalsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { active } = useSession();
  const organizationId = active?.organizationId ?? '';
  const [status, setStatus] = useState<StatusFilter>('submitted');
  const [weekStart, setWeekStart] = useState<string | null>(null);
  const [open, setOpen] = useState<TimesheetWeek | null>(null);
  const filter = { status: status === 'all' ? null : status, weekStart };
  const weeks = useQuery({
    queryKey: timesheetKeys.organizationList(organizationId, filter),
    queryFn: ({ signal }) => fetchOrganizationWeeks(organizationId, filter, signal),
    enabled: organizationId !== '',
  });

  return (
    <Stack gap="lg">
      <Title order={1} data-testid="approvals-heading">
        {t('approvals.title')}
      </Title>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="status-filter">
            {t('approvals.filterStatus')}
          </Text>
          <SegmentedControl
            aria-labelledby="status-filter"
            value={status}
            onChange={(value) => setStatus(statusFilters.find((s) => s === value) ?? 'submitted')}
            data={statusFilters.map((s) => ({
              value: s,
              label: s === 'all' ? t('approvals.allStatuses') : t(`timesheet.statuses.${s}`),
            }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
        </Stack>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            type="date"
            label={t('approvals.filterWeek')}
            value={weekStart ?? ''}
            onChange={(e) => setWeekStart(mondayOf(e.currentTarget.value))}
            styles={{ input: { width: 170 } }}
          />
          {weekStart && (
            <Button variant="subtle" onClick={() => setWeekStart(null)}>
              {t('approvals.allWeeks')}
            </Button>
          )}
        </Group>
      </Group>
      {weekStart && (
        <Text size="sm" c="dimmed">
          {t('timesheet.weekOf', {
            start: formatCalendarDate(weekStart, language),
            end: formatCalendarDate(addDays(weekStart, 6), language),
          })}
        </Text>
      )}
      {weeks.isPending && <PageLoader />}
      {weeks.isError && <ApiErrorAlert error={weeks.error} />}
      {weeks.isSuccess && weeks.data.length === 0 && <Text c="dimmed">{t('approvals.none')}</Text>}
      {weeks.isSuccess && weeks.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="approvals-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('approvals.worker')}</Table.Th>
                <Table.Th scope="col">{t('approvals.week')}</Table.Th>
                <Table.Th scope="col">{t('approvals.worked')}</Table.Th>
                <Table.Th scope="col">{t('approvals.status')}</Table.Th>
                <Table.Th scope="col">{t('approvals.lastEvent')}</Table.Th>
                <Table.Th scope="col">{t('approvals.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weeks.data.map((w) => {
                const at = lastEventAt(w);
                const week = formatCalendarDate(w.weekStart, language);
                return (
                  <Table.Tr key={w.id ?? `${w.workerUserId}:${w.weekStart}`}>
                    <Table.Td>{w.workerName}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{week}</Table.Td>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatMinutes(w.totalWorkedMinutes)}
                    </Table.Td>
                    <Table.Td>
                      <TimesheetStatusBadge status={w.status} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {at ? formatDateTime(at, language) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        disabled={!w.id}
                        onClick={() => setOpen(w)}
                        aria-label={t('approvals.openFor', { name: w.workerName, week })}
                      >
                        {t('approvals.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && (
        <ReviewModal
          key={open.id ?? open.weekStart}
          organizationId={organizationId}
          week={open}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
