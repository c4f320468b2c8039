import {
  Button,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeKinds } from '../../../domain/engagement/programme-rules';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { hintBelowInput } from '../../components/field-layout';
import { WholeNumberInput } from '../../components/whole-number-input';
import { fieldErrorsOf } from '../../lib/field-errors';
import { inputFromProgrammeForm, type ProgrammeFormValues } from './programme-form-values';
import type { ProgrammeInput } from './programmes-api';

/** Defines a programme or changes one (its kind stays). */
export function ProgrammeFormModal({
  title,
  initial,
  editing,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: ProgrammeFormValues;
  editing: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ProgrammeInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [form, setForm] = useState(initial);
  const [nameMissing, setNameMissing] = useState(false);
  const set = (patch: Partial<ProgrammeFormValues>) => setForm((f) => ({ ...f, ...patch }));
  const server = fieldErrorsOf(error);
  const givesHours = form.kind !== 'workation';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.name.trim() === '') {
      setNameMissing(true);
      return;
    }
    onSubmit(inputFromProgrammeForm(form));
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="programme-form">
        <Stack gap="md">
          <Radio.Group
            label={t('programmes.kind')}
            description={editing ? t('programmes.kindFixed') : undefined}
            value={form.kind}
            onChange={(value) => {
              const kind = programmeKinds.find((k) => k === value) ?? 'double_work';
              set({
                kind,
                maxSharePercent: kind === 'workation' ? '' : form.maxSharePercent || 20,
              });
            }}
            error={server.get('kind')}
          >
            <Stack gap="xs" mt="xs">
              {programmeKinds.map((k) => (
                <Radio
                  key={k}
                  value={k}
                  disabled={editing && k !== form.kind}
                  label={t(`matching.programmeKinds.${k}`)}
                  description={t(`programmes.kindHelp.${k}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('programmes.name')}
            required
            maxLength={200}
            value={form.name}
            onChange={(e) => {
              set({ name: e.currentTarget.value });
              setNameMissing(false);
            }}
            error={nameMissing ? t('challengeForm.required') : server.get('name')}
          />
          <Textarea
            label={t('programmes.description')}
            autosize
            minRows={2}
            maxLength={5000}
            value={form.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={server.get('description')}
          />
          {givesHours && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <WholeNumberInput
                label={t('programmes.maxSharePercent')}
                description={t('programmes.maxSharePercentHint')}
                inputWrapperOrder={hintBelowInput}
                required
                min={1}
                max={50}
                suffix="%"
                value={form.maxSharePercent}
                onValue={(v) => set({ maxSharePercent: v })}
                error={server.get('maxSharePercent')}
              />
              <WholeNumberInput
                label={t('programmes.contractedHours')}
                description={t('programmes.contractedHoursHint')}
                inputWrapperOrder={hintBelowInput}
                min={1}
                max={250}
                value={form.contractedHoursPerMonth}
                onValue={(v) => set({ contractedHoursPerMonth: v })}
                error={server.get('contractedHoursPerMonth')}
              />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <WholeNumberInput
              label={t('programmes.minAge')}
              description={t('programmes.ageHint')}
              inputWrapperOrder={hintBelowInput}
              min={15}
              max={100}
              value={form.minAge}
              onValue={(v) => set({ minAge: v })}
              error={server.get('eligibility.minAge')}
            />
            <WholeNumberInput
              label={t('programmes.maxAge')}
              min={15}
              max={100}
              value={form.maxAge}
              onValue={(v) => set({ maxAge: v })}
              error={server.get('eligibility.maxAge')}
            />
            <WholeNumberInput
              label={t('programmes.minTenureYears')}
              min={0}
              max={60}
              value={form.minTenureYears}
              onValue={(v) => set({ minTenureYears: v })}
              error={server.get('eligibility.minTenureYears')}
            />
          </SimpleGrid>
          <Switch
            label={t('programmes.approvalRequired')}
            description={t('programmes.approvalRequiredHint')}
            checked={form.approvalRequired}
            onChange={(e) => set({ approvalRequired: e.currentTarget.checked })}
          />
          <WholeNumberInput
            label={t('programmes.travelSubsidy')}
            min={0}
            max={1_000_000}
            step={1000}
            prefix="¥"
            thousandSeparator=","
            value={form.travelSubsidyYenPerMonth}
            onValue={(v) => set({ travelSubsidyYenPerMonth: v })}
            error={server.get('travelSubsidyYenPerMonth')}
            maw={280}
          />
          {!givesHours && (
            <>
              <WholeNumberInput
                label={t('programmes.workationDays')}
                min={1}
                max={31}
                value={form.workationMaxDaysPerMonth}
                onValue={(v) => set({ workationMaxDaysPerMonth: v })}
                error={server.get('workation.maxDaysPerMonth')}
                maw={280}
              />
              <Textarea
                label={t('programmes.workationPolicy')}
                autosize
                minRows={3}
                maxLength={5000}
                value={form.workationPolicy}
                onChange={(e) => set({ workationPolicy: e.currentTarget.value })}
                error={server.get('workation.policy')}
              />
            </>
          )}
          {error !== null && error !== undefined && <ApiErrorAlert error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('programmes.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
