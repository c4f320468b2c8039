import { Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  standardSkills,
  type SkillLevel,
  type StandardSkill,
} from '../../../domain/matching/matching-model';
import { RemoveRowButton } from '../../components/remove-row-button';
import { WholeNumberInput } from '../../components/whole-number-input';
import { useLanguage } from '../../i18n/use-language';
import { skillLabel } from '../matching/matching-labels';

const levels: readonly SkillLevel[] = [1, 2, 3, 4, 5];

export type EditableSkill = {
  key: string;
  skill: StandardSkill | '';
  level: SkillLevel;
  /** Only in a worker's profile: years of experience, as typed. */
  years?: number | '';
};

/**
 * A list of skills, each a skill of the standard list and a level 1–5 (and years, when the
 * rows carry them). `errorAt(i)` gives the server's message for row i, if any.
 */
export function SkillRowsEditor<R extends EditableSkill>({
  legend,
  description,
  rows,
  onChange,
  newRow,
  errorAt,
  max,
  testId,
}: {
  legend: string;
  description?: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  newRow: () => R;
  errorAt: (index: number) => string | undefined;
  max: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = (index: number, patch: Partial<R>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Fieldset
      variant="unstyled"
      legend={legend}
      data-testid={testId}
      styles={{ legend: { fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)' } }}
    >
      {description && (
        <Text size="xs" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      <Stack gap="xs">
        {rows.map((row, index) => {
          const n = index + 1;
          const error = errorAt(index);
          return (
            <Group
              key={row.key}
              gap="xs"
              align="flex-start"
              wrap="wrap"
              data-testid={`${testId}-${index}`}
            >
              <NativeSelect
                label={t('skillsEditor.skill', { n })}
                data={[
                  { value: '', label: t('skillsEditor.chooseSkill') },
                  ...standardSkills.map((s) => ({ value: s, label: skillLabel(s, language) })),
                ]}
                value={row.skill}
                onChange={(e) =>
                  update(index, {
                    skill: standardSkills.find((s) => s === e.currentTarget.value) ?? '',
                  } as Partial<R>)
                }
                error={error}
                style={{ flex: '1 1 12rem' }}
              />
              <NativeSelect
                label={t('skillsEditor.level', { n })}
                data={levels.map((l) => ({
                  value: String(l),
                  label: t(`skillsEditor.levels.${l}`),
                }))}
                value={String(row.level)}
                onChange={(e) =>
                  update(index, {
                    level: levels.find((l) => String(l) === e.currentTarget.value) ?? 3,
                  } as Partial<R>)
                }
                style={{ flex: '1 1 9rem' }}
              />
              {row.years !== undefined && (
                <WholeNumberInput
                  label={t('skillsEditor.years', { n })}
                  min={0}
                  max={60}
                  value={row.years}
                  onValue={(years) => update(index, { years } as Partial<R>)}
                  style={{ flex: '0 1 7rem' }}
                />
              )}
              <RemoveRowButton
                label={t('skillsEditor.remove', { n })}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              />
            </Group>
          );
        })}
        {rows.length < max && (
          <Group>
            <Button variant="light" size="xs" onClick={() => onChange([...rows, newRow()])}>
              {t('skillsEditor.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
