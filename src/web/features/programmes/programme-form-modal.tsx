import {
  Button,
  Group,
  Modal,
  NumberInput,
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
import { fieldErrorsOf } from '../../lib/field-errors';
import { inputFromProgrammeForm, type ProgrammeFormValues } from './programme-form-values';
import type { ProgrammeInput } from './programmes-api';

const numberValue = (v: string | number): number | '' => (typeof v === 'number' ? v : '');

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
              <NumberInput
                label={t('programmes.maxSharePercent')}
                description={t('programmes.maxSharePercentHint')}
                inputWrapperOrder={hintBelowInput}
                required
                min={1}
                max={50}
                suffix="%"
                allowDecimal={false}
                allowNegative={false}
                value={form.maxSharePercent}
                onChange={(v) => set({ maxSharePercent: numberValue(v) })}
                error={server.get('maxSharePercent')}
              />
              <NumberInput
                label={t('programmes.contractedHours')}
                description={t('programmes.contractedHoursHint')}
                inputWrapperOrder={hintBelowInput}
                min={1}
                max={250}
                allowDecimal={false}
                allowNegative={false}
                value={form.contractedHoursPerMonth}
                onChange={(v) => set({ contractedHoursPerMonth: numberValue(v) })}
                error={server.get('contractedHoursPerMonth')}
              />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <NumberInput
              label={t('programmes.minAge')}
              description={t('programmes.ageHint')}
              inputWrapperOrder={hintBelowInput}
              min={15}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              value={form.minAge}
              onChange={(v) => set({ minAge: numberValue(v) })}
              error={server.get('eligibility.minAge')}
            />
            <NumberInput
              label={t('programmes.maxAge')}
              min={15}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              value={form.maxAge}
              onChange={(v) => set({ maxAge: numberValue(v) })}
              error={server.get('eligibility.maxAge')}
            />
            <NumberInput
              label={t('programmes.minTenureYears')}
              min={0}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              value={form.minTenureYears}
              onChange={(v) => set({ minTenureYears: numberValue(v) })}
              error={server.get('eligibility.minTenureYears')}
            />
          </SimpleGrid>
          <Switch
            label={t('programmes.approvalRequired')}
            description={t('programmes.approvalRequiredHint')}
            checked={form.approvalRequired}
            onChange={(e) => set({ approvalRequired: e.currentTarget.checked })}
          />
          <NumberInput
            label={t('programmes.travelSubsidy')}
            min={0}
            max={1_000_000}
            step={1000}
            prefix="¥"
            thousandSeparator=","
            allowDecimal={false}
            allowNegative={false}
            value={form.travelSubsidyYenPerMonth}
            onChange={(v) => set({ travelSubsidyYenPerMonth: numberValue(v) })}
            error={server.get('travelSubsidyYenPerMonth')}
            maw={280}
          />
          {!givesHours && (
            <>
              <NumberInput
                label={t('programmes.workationDays')}
                min={1}
                max={31}
                allowDecimal={false}
                allowNegative={false}
                value={form.workationMaxDaysPerMonth}
                onChange={(v) => set({ workationMaxDaysPerMonth: numberValue(v) })}
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
