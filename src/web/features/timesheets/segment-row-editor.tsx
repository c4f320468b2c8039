import { Button, Checkbox, Group, Input, NativeSelect, Text, TextInput } from '@mantine/core';
import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employment } from '../employments/employments-api';
import {
  normaliseEnd,
  normaliseStart,
  workLocationList,
  type DraftRow,
  type RowErrorKey,
  type RowField,
  type RowProblems,
  type WorkLocation,
} from './timesheet-draft';

type Props = {
  row: DraftRow;
  /** 'Mon 16 Nov, row 2': names the row's fieldset for screen readers. */
  legend: string;
  testId: string;
  employments: readonly Employment[];
  clientErrors: Partial<Record<RowField, RowErrorKey>> | undefined;
  serverProblems: RowProblems | undefined;
  onChange: (row: DraftRow) => void;
  onRemove: () => void;
  removeLabel: string;
  firstFieldRef?: Ref<HTMLSelectElement>;
};

/** One segment of a day, every field labelled; a 375 px phone shows it in two columns. */
export function SegmentRowEditor({
  row,
  legend,
  testId,
  employments,
  clientErrors,
  serverProblems,
  onChange,
  onRemove,
  removeLabel,
  firstFieldRef,
}: Props) {
  const { t } = useTranslation();
  const endId = useId();
  const set = (patch: Partial<DraftRow>) => onChange({ ...row, ...patch });
  const errorOf = (field: RowField): string | undefined => {
    const clientKey = clientErrors?.[field];
    if (clientKey) return t(`timesheet.rowErrors.${clientKey}`);
    return serverProblems?.fields[field];
  };
  const invalid =
    Object.keys(clientErrors ?? {}).length > 0 ||
    Object.keys(serverProblems?.fields ?? {}).length > 0 ||
    (serverProblems?.row.length ?? 0) > 0;

  const employmentOptions = employments.map((e) => ({
    value: e.id,
    label: t('timesheet.employmentOption', {
      name: e.employerName,
      kind: t(e.isPrimary ? 'timesheet.primary' : 'timesheet.sideJob'),
    }),
  }));
  if (!row.employmentId) {
    employmentOptions.unshift({ value: '', label: t('timesheet.chooseEmployment') });
  }

  return (
    <fieldset className="ts-row" data-testid={testId} data-invalid={invalid || undefined}>
      <legend className="ts-legend">{legend}</legend>
      <div className="ts-row-grid">
        <NativeSelect
          className="ts-employer"
          label={t('timesheet.employment')}
          size="sm"
          data={employmentOptions}
          value={row.employmentId}
          onChange={(e) => set({ employmentId: e.currentTarget.value })}
          error={errorOf('employmentId')}
          ref={firstFieldRef}
        />
        <TextInput
          label={t('timesheet.start')}
          size="sm"
          inputMode="numeric"
          autoComplete="off"
          placeholder="09:00"
          maxLength={5}
          value={row.start}
          onChange={(e) => set({ start: e.currentTarget.value })}
          onBlur={() => set({ start: normaliseStart(row.start) })}
          error={errorOf('start')}
        />
        <div>
          {/* The next-day toggle sits beside the label, so every input of the row lines up. */}
          <Group justify="space-between" gap={4} mb={4}>
            <Input.Label htmlFor={endId} size="sm">
              {t('timesheet.end')}
            </Input.Label>
            <Checkbox
              size="xs"
              label={t('timesheet.nextDay')}
              checked={row.nextDay}
              onChange={(e) => set({ nextDay: e.currentTarget.checked })}
            />
          </Group>
          <TextInput
            id={endId}
            size="sm"
            inputMode="numeric"
            autoComplete="off"
            placeholder="18:00"
            maxLength={5}
            value={row.end}
            onChange={(e) => set({ end: e.currentTarget.value })}
            onBlur={() => set(normaliseEnd(row))}
            error={errorOf('end')}
            rightSectionWidth={row.nextDay ? 36 : undefined}
            rightSection={
              row.nextDay ? (
                <Text size="xs" c="orange.9" fw={700} aria-hidden>
                  {t('timesheet.nextDayShort')}
                </Text>
              ) : undefined
            }
          />
        </div>
        <TextInput
          label={t('timesheet.breakMinutes')}
          size="sm"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={row.breakMinutes}
          onChange={(e) => set({ breakMinutes: e.currentTarget.value })}
          error={errorOf('breakMinutes')}
        />
        <NativeSelect
          label={t('timesheet.contracted')}
          size="sm"
          data={[
            { value: 'yes', label: t('timesheet.contractedOptionYes') },
            { value: 'no', label: t('timesheet.contractedOptionNo') },
          ]}
          value={row.contracted ? 'yes' : 'no'}
          onChange={(e) => set({ contracted: e.currentTarget.value === 'yes' })}
          error={errorOf('contracted')}
        />
        <NativeSelect
          label={t('timesheet.location')}
          size="sm"
          data={workLocationList.map((l) => ({ value: l, label: t(`timesheet.locations.${l}`) }))}
          value={row.location}
          onChange={(e) =>
            set({
              location:
                workLocationList.find((l) => l === e.currentTarget.value) ??
                ('office' satisfies WorkLocation),
            })
          }
          error={errorOf('location')}
        />
        <TextInput
          label={t('timesheet.municipalityCode')}
          size="sm"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('timesheet.optional')}
          maxLength={6}
          value={row.municipalityCode}
          onChange={(e) => set({ municipalityCode: e.currentTarget.value })}
          error={errorOf('municipalityCode')}
        />
        <Group className="ts-remove" gap={0}>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            onClick={onRemove}
            aria-label={removeLabel}
          >
            {t('timesheet.removeRow')}
          </Button>
        </Group>
      </div>
      {serverProblems && serverProblems.row.length > 0 && (
        <Text c="red.8" size="sm" mt={6} data-testid="row-error">
          {serverProblems.row.join(' / ')}
        </Text>
      )}
    </fieldset>
  );
}
