import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdays, type Weekday } from '../../../domain/labor/labor-calendar';
import { laborRelations, type LaborRelation } from '../../../domain/labor/labor-input';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ApiError } from '../../lib/api-client';
import { useSession } from '../auth/session-context';
import {
  declareEmployment,
  employmentKeys,
  type CreateEmploymentRequest,
  type Employment,
} from './employments-api';

type AgreementMode = 'standard' | 'none' | 'custom';
const agreementModes: readonly AgreementMode[] = ['standard', 'none', 'custom'];

type Form = {
  organizationId: string;
  employerName: string;
  relation: LaborRelation;
  contractSignedOn: string;
  weekStartsOn: Weekday;
  legalHoliday: Weekday;
  hourlyWageYen: string;
  monthlyCapHours: string;
  agreementMode: AgreementMode;
  specialClause: boolean;
  monthlyLimitHours: string;
  yearlyLimitHours: string;
};

const emptyForm: Form = {
  organizationId: '',
  employerName: '',
  relation: 'employee',
  contractSignedOn: '',
  // 労働基準法 leaves the week to the rules of employment; without one it runs Sunday to Saturday.
  weekStartsOn: 'sunday',
  legalHoliday: 'sunday',
  hourlyWageYen: '',
  monthlyCapHours: '',
  agreementMode: 'standard',
  specialClause: false,
  monthlyLimitHours: '',
  yearlyLimitHours: '',
};

/** A number typed in a field (full-width digits too), or undefined when left empty or invalid. */
function numberOf(text: string): number | undefined {
  const s = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const minutesOf = (hoursText: string) => {
  const hours = numberOf(hoursText);
  return hours === undefined ? undefined : Math.round(hours * 60);
};

function requestFromForm(form: Form): CreateEmploymentRequest {
  const employee = form.relation === 'employee';
  const wage = numberOf(form.hourlyWageYen);
  const request: CreateEmploymentRequest = {
    relation: form.relation,
    contractSignedOn: form.contractSignedOn,
    ...(form.organizationId
      ? { employerOrganizationId: form.organizationId }
      : { employerName: form.employerName.trim() }),
    ...(form.relation !== 'contractor' && wage !== undefined
      ? { hourlyWageYen: Math.round(wage) }
      : {}),
  };
  if (!employee) return request;
  const cap = minutesOf(form.monthlyCapHours);
  const monthly = minutesOf(form.monthlyLimitHours);
  const yearly = minutesOf(form.yearlyLimitHours);
  return {
    ...request,
    weekStartsOn: form.weekStartsOn,
    legalHoliday: form.legalHoliday,
    ...(cap !== undefined ? { monthlyCapMinutes: cap } : {}),
    agreement36:
      form.agreementMode === 'custom'
        ? {
            mode: 'custom',
            specialClause: form.specialClause,
            ...(monthly !== undefined ? { monthlyLimitMinutes: monthly } : {}),
            ...(yearly !== undefined ? { yearlyLimitMinutes: yearly } : {}),
          }
        : { mode: form.agreementMode },
  };
}

/** Declares a side job: the employer, how the person works there, and the contract's date. */
export function DeclareEmploymentForm({ existing }: { existing: readonly Employment[] }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(emptyForm);
  const [missing, setMissing] = useState<{ employerName?: boolean; contractSignedOn?: boolean }>(
    {},
  );
  const [created, setCreated] = useState<Employment | null>(null);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const declare = useMutation({
    mutationFn: declareEmployment,
    onSuccess: (employment) => {
      setCreated(employment);
      setForm(emptyForm);
      void queryClient.invalidateQueries({ queryKey: employmentKeys.mine });
    },
  });

  // Organisations on Tsunagu the person belongs to and has not declared yet.
  const employed = new Set(existing.map((e) => e.employerOrganizationId));
  const organizations = me.memberships.filter((m) => !employed.has(m.organizationId));
  const serverError = (field: string): string | undefined =>
    declare.error instanceof ApiError
      ? declare.error.details.find((d) => d.path === `body.${field}`)?.message
      : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = {
      employerName: !form.organizationId && form.employerName.trim() === '',
      contractSignedOn: form.contractSignedOn === '',
    };
    setMissing(problems);
    if (problems.employerName || problems.contractSignedOn) return;
    setCreated(null);
    declare.mutate(requestFromForm(form));
  };

  const employee = form.relation === 'employee';
  return (
    <form onSubmit={onSubmit} aria-labelledby="declare-side-job" noValidate>
      <Stack gap="md" maw={760}>
        {organizations.length > 0 && (
          <NativeSelect
            label={t('sideJobs.employerFromTsunagu')}
            data={[
              { value: '', label: t('sideJobs.notOnTsunagu') },
              ...organizations.map((m) => ({ value: m.organizationId, label: m.organizationName })),
            ]}
            value={form.organizationId}
            onChange={(e) => set({ organizationId: e.currentTarget.value })}
          />
        )}
        {!form.organizationId && (
          <TextInput
            label={t('sideJobs.employerName')}
            description={t('sideJobs.employerNameHint')}
            required
            maxLength={200}
            value={form.employerName}
            onChange={(e) => set({ employerName: e.currentTarget.value })}
            error={
              missing.employerName ? t('sideJobs.employerRequired') : serverError('employerName')
            }
          />
        )}
        <Radio.Group
          label={t('sideJobs.relation')}
          description={t('sideJobs.relationHint')}
          value={form.relation}
          onChange={(value) =>
            set({ relation: laborRelations.find((r) => r === value) ?? 'employee' })
          }
        >
          <Stack gap="xs" mt="xs">
            {laborRelations.map((r) => (
              <Radio key={r} value={r} label={t(`sideJobs.relations.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          type="date"
          label={t('sideJobs.contractSignedOn')}
          description={t('sideJobs.contractSignedOnHint')}
          required
          value={form.contractSignedOn}
          onChange={(e) => set({ contractSignedOn: e.currentTarget.value })}
          error={
            missing.contractSignedOn ? t('sideJobs.dateRequired') : serverError('contractSignedOn')
          }
          styles={{ input: { maxWidth: 220 } }}
        />
        {employee && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('sideJobs.weekStartsOn')}
              data={weekdays.map((d) => ({ value: d, label: t(`sideJobs.weekdays.${d}`) }))}
              value={form.weekStartsOn}
              onChange={(e) =>
                set({ weekStartsOn: weekdays.find((d) => d === e.currentTarget.value) ?? 'sunday' })
              }
            />
            <NativeSelect
              label={t('sideJobs.legalHoliday')}
              data={weekdays.map((d) => ({ value: d, label: t(`sideJobs.weekdays.${d}`) }))}
              value={form.legalHoliday}
              onChange={(e) =>
                set({ legalHoliday: weekdays.find((d) => d === e.currentTarget.value) ?? 'sunday' })
              }
            />
          </SimpleGrid>
        )}
        {form.relation !== 'contractor' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('sideJobs.hourlyWage')}
              description={t('sideJobs.hourlyWageHint')}
              inputMode="numeric"
              value={form.hourlyWageYen}
              onChange={(e) => set({ hourlyWageYen: e.currentTarget.value })}
              error={serverError('hourlyWageYen')}
            />
            {employee && (
              <TextInput
                label={t('sideJobs.monthlyCapHours')}
                description={t('sideJobs.monthlyCapHint')}
                inputMode="decimal"
                value={form.monthlyCapHours}
                onChange={(e) => set({ monthlyCapHours: e.currentTarget.value })}
                error={serverError('monthlyCapMinutes')}
              />
            )}
          </SimpleGrid>
        )}
        {employee && (
          <Stack gap="xs">
            <NativeSelect
              label={t('sideJobs.agreement36')}
              description={t('sideJobs.agreement36Hint')}
              data={agreementModes.map((m) => ({
                value: m,
                label: t(`sideJobs.agreementModes.${m}`),
              }))}
              value={form.agreementMode}
              onChange={(e) =>
                set({
                  agreementMode:
                    agreementModes.find((m) => m === e.currentTarget.value) ?? 'standard',
                })
              }
            />
            {form.agreementMode === 'custom' && (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <TextInput
                  label={t('sideJobs.monthlyLimitHours')}
                  inputMode="decimal"
                  value={form.monthlyLimitHours}
                  onChange={(e) => set({ monthlyLimitHours: e.currentTarget.value })}
                  error={serverError('agreement36.monthlyLimitMinutes')}
                />
                <TextInput
                  label={t('sideJobs.yearlyLimitHours')}
                  inputMode="decimal"
                  value={form.yearlyLimitHours}
                  onChange={(e) => set({ yearlyLimitHours: e.currentTarget.value })}
                  error={serverError('agreement36.yearlyLimitMinutes')}
                />
                <Checkbox
                  mt={{ base: 0, sm: 28 }}
                  label={t('sideJobs.specialClause')}
                  checked={form.specialClause}
                  onChange={(e) => set({ specialClause: e.currentTarget.checked })}
                />
              </SimpleGrid>
            )}
          </Stack>
        )}
        {declare.isError && <ApiErrorAlert error={declare.error} title={t('sideJobs.failed')} />}
        {created && (
          <Alert color="teal" variant="light" role="status" data-testid="side-job-created">
            {t('sideJobs.created', { name: created.employerName })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={declare.isPending}>
            {t('sideJobs.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
