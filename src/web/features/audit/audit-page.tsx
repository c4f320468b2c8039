import { Badge, Button, Center, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditEventTypes, type AuditEventType } from '../../../domain/shared/audit-events';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { auditKeys, fetchAuditEvents, type AuditEvent } from './audit-api';

const failureEvents: ReadonlySet<string> = new Set<AuditEventType>(['login_failed']);

function EventLabel({ event }: { event: string }) {
  const { t } = useTranslation();
  const known = auditEventTypes.find((e) => e === event);
  return (
    <Badge color={failureEvents.has(event) ? 'red' : 'gray'} variant="light" radius="sm">
      {known ? t(`audit.events.${known}`) : event}
    </Badge>
  );
}

/** Coordinators: the security log (sign-ins, invitations, role changes), newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [event, setEvent] = useState<AuditEventType | null>(null);
  const events = useInfiniteQuery({
    queryKey: auditKeys.list(event),
    queryFn: ({ pageParam, signal }) => fetchAuditEvents({ event, before: pageParam }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  const rows: AuditEvent[] = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Title order={1} data-testid="audit-heading">
        {t('audit.title')}
      </Title>
      <Select<AuditEventType>
        label={t('audit.filter')}
        placeholder={t('audit.allEvents')}
        clearable
        data={auditEventTypes.map((e) => ({ value: e, label: t(`audit.events.${e}`) }))}
        value={event}
        onChange={setEvent}
        maw={360}
      />
      {events.isPending && <PageLoader />}
      {events.isError && <ApiErrorAlert error={events.error} />}
      {events.isSuccess && rows.length === 0 && <Text c="dimmed">{t('audit.none')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.occurredAt')}</Table.Th>
                <Table.Th scope="col">{t('audit.event')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.subject')}</Table.Th>
                <Table.Th scope="col">{t('audit.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(e.occurredAt, language)}
                  </Table.Td>
                  <Table.Td>
                    <EventLabel event={e.event} />
                  </Table.Td>
                  <Table.Td>{e.actorEmail ?? '—'}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{e.subject ?? '—'}</Table.Td>
                  <Table.Td>{e.ip ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Center>
          <Button
            variant="light"
            onClick={() => void events.fetchNextPage()}
            loading={events.isFetchingNextPage}
          >
            {t('audit.loadOlder')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
