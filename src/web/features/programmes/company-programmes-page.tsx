import { Button, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DecisionModal } from '../../components/decision-modal';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { formatDate } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { ProgrammeCards } from './programme-cards';
import { emptyProgrammeForm, formFromProgramme } from './programme-form-values';
import { ProgrammeFormModal } from './programme-form-modal';
import {
  createProgramme,
  fetchProgrammeMembers,
  fetchProgrammes,
  programmeKeys,
  retireProgramme,
  updateProgramme,
  type Programme,
  type ProgrammeInput,
} from './programmes-api';

function MembersTable({
  organizationId,
  programme,
}: {
  organizationId: string;
  programme: Programme;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const members = useQuery({
    queryKey: programmeKeys.members(organizationId, programme.id),
    queryFn: ({ signal }) => fetchProgrammeMembers(organizationId, programme.id, signal),
  });
  if (members.isPending) return <PageLoader />;
  if (members.isError) return <ApiErrorAlert error={members.error} />;
  if (members.data.length === 0) return <Text c="dimmed">{t('programmes.noMembers')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped data-testid="programme-members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('programmes.memberName')}</Table.Th>
            <Table.Th scope="col">{t('programmes.joinedAt')}</Table.Th>
            <Table.Th scope="col">{t('programmes.committedHours')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.data.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{formatDate(m.joinedAt, language)}</Table.Td>
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                {programme.hourCapPerMonth !== null
                  ? t('programmes.hoursOfCap', {
                      hours: m.committedHoursPerMonth,
                      cap: programme.hourCapPerMonth,
                    })
                  : t('challenges.hoursPerMonth', { hours: m.committedHoursPerMonth })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type Editing = { programme: Programme | null };

/** HR's programmes: double work, second career and workation policies, their members. */
export function CompanyProgrammesPage() {
  const { t } = useTranslation();
  const { active } = useSession();
  const organizationId = active?.organizationId ?? '';
  const queryClient = useQueryClient();
  const [includeRetired, setIncludeRetired] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [retiring, setRetiring] = useState<Programme | null>(null);
  const [showMembers, setShowMembers] = useState<ReadonlySet<string>>(new Set());
  const programmes = useQuery({
    queryKey: programmeKeys.list(organizationId, includeRetired),
    queryFn: ({ signal }) => fetchProgrammes(organizationId, includeRetired, signal),
    enabled: organizationId !== '',
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
  const save = useMutation({
    mutationFn: ({ programme, input }: { programme: Programme | null; input: ProgrammeInput }) =>
      programme
        ? updateProgramme(organizationId, programme.id, input)
        : createProgramme(organizationId, input),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const retire = useMutation({
    mutationFn: (p: Programme) => retireProgramme(organizationId, p.id),
    onSuccess: () => {
      setRetiring(null);
      refresh();
    },
  });
  const toggleMembers = (id: string) =>
    setShowMembers((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} data-testid="company-programmes-heading">
          {t('programmes.companyTitle')}
        </Title>
        <Button
          onClick={() => {
            save.reset();
            setEditing({ programme: null });
          }}
        >
          {t('programmes.new')}
        </Button>
      </Group>
      <Text c="dimmed">{t('programmes.companyIntro')}</Text>
      <Switch
        label={t('programmes.includeRetired')}
        checked={includeRetired}
        onChange={(e) => setIncludeRetired(e.currentTarget.checked)}
      />
      <ProgrammeCards programmes={programmes} noneText={t('programmes.none')}>
        {(p) => (
          <>
            <Group gap="sm" justify="space-between" wrap="wrap">
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => toggleMembers(p.id)}
                aria-expanded={showMembers.has(p.id)}
              >
                {t('programmes.members', { count: p.memberCount })}
              </Button>
              {!p.retiredAt && (
                <Group gap="sm">
                  <Button
                    variant="default"
                    size="compact-sm"
                    onClick={() => {
                      save.reset();
                      setEditing({ programme: p });
                    }}
                    aria-label={t('programmes.editNamed', { name: p.name })}
                  >
                    {t('programmes.edit')}
                  </Button>
                  <Button
                    variant="light"
                    color="gray"
                    size="compact-sm"
                    onClick={() => {
                      retire.reset();
                      setRetiring(p);
                    }}
                    aria-label={t('programmes.retireNamed', { name: p.name })}
                  >
                    {t('programmes.retire')}
                  </Button>
                </Group>
              )}
            </Group>
            {showMembers.has(p.id) && (
              <MembersTable organizationId={organizationId} programme={p} />
            )}
          </>
        )}
      </ProgrammeCards>
      {editing && (
        <ProgrammeFormModal
          title={editing.programme ? t('programmes.editTitle') : t('programmes.newTitle')}
          initial={editing.programme ? formFromProgramme(editing.programme) : emptyProgrammeForm()}
          editing={editing.programme !== null}
          pending={save.isPending}
          error={save.error}
          onSubmit={(input) => save.mutate({ programme: editing.programme, input })}
          onClose={() => setEditing(null)}
        />
      )}
      {retiring && (
        <DecisionModal
          title={t('programmes.retireTitle', { name: retiring.name })}
          body={t('programmes.retireBody')}
          confirmLabel={t('programmes.retire')}
          confirmColor="red"
          pending={retire.isPending}
          error={retire.error}
          onConfirm={() => retire.mutate(retiring)}
          onClose={() => setRetiring(null)}
        />
      )}
    </Stack>
  );
}
