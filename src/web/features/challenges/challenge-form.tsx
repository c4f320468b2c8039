import {
  Alert,
  Button,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipView } from '../../../contracts/auth';
import {
  challengeTerms,
  challengeThemes,
  workStyles,
} from '../../../domain/matching/matching-model';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { hintBelowInput } from '../../components/field-layout';
import { OptionCheckboxes } from '../../components/option-checkboxes';
import { WholeNumberInput } from '../../components/whole-number-input';
import { useLanguage } from '../../i18n/use-language';
import { fieldErrorsOf } from '../../lib/field-errors';
import { themeLabel } from '../matching/matching-labels';
import { MunicipalityOfPrefectureSelect } from '../municipalities/place-selects';
import {
  inputFromForm,
  missingFields,
  newSkillRow,
  type ChallengeFormValues,
  type MissingField,
} from './challenge-form-values';
import type { ChallengeInput } from './challenges-api';
import { SkillRowsEditor } from './skill-rows-editor';

/**
 * The challenge form of a host's officer: what the work is, who suits it, how and when it is
 * done, and how many may apply. Field messages come from the form (left empty) or from the
 * server's details (`body.<field>`).
 */
export function ChallengeForm({
  host,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  host: MembershipView;
  initial: ChallengeFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ChallengeInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form, setForm] = useState(initial);
  const [missing, setMissing] = useState<ReadonlySet<MissingField>>(new Set());
  const set = (patch: Partial<ChallengeFormValues>) => {
    setForm((f) => ({ ...f, ...patch }));
    // A field filled in again loses its "required" message.
    if (missing.size > 0) {
      setMissing(new Set([...missing].filter((m) => !(m in patch))));
    }
  };
  const server = fieldErrorsOf(error);
  const messageOf = (field: MissingField | keyof ChallengeFormValues): string | undefined =>
    missing.has(field as MissingField) ? t('challengeForm.required') : server.get(field);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = missingFields(form);
    setMissing(new Set(empty));
    if (empty.length > 0) {
      // Take the keyboard and screen reader to the first field that needs attention.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]')?.focus(),
      );
      return;
    }
    onSubmit(inputFromForm(form));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel} data-testid="challenge-form">
      <Stack gap="xl" maw={860}>
        <Stack gap="md" component="section" aria-labelledby="form-what">
          <Title order={2} size="h3" id="form-what">
            {t('challengeForm.sectionWhat')}
          </Title>
          <TextInput
            label={t('challengeForm.title')}
            required
            maxLength={200}
            value={form.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={messageOf('title')}
          />
          <Textarea
            label={t('challengeForm.description')}
            description={t('challengeForm.descriptionHint')}
            required
            autosize
            minRows={4}
            maxLength={5000}
            value={form.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={messageOf('description')}
          />
          <TextInput
            label={t('challengeForm.titleEn')}
            maxLength={200}
            value={form.titleEn}
            onChange={(e) => set({ titleEn: e.currentTarget.value })}
            error={messageOf('titleEn')}
            lang="en"
          />
          <Textarea
            label={t('challengeForm.descriptionEn')}
            autosize
            minRows={3}
            maxLength={5000}
            value={form.descriptionEn}
            onChange={(e) => set({ descriptionEn: e.currentTarget.value })}
            error={messageOf('descriptionEn')}
            lang="en"
          />
          {host.organizationKind === 'prefecture' && (
            <MunicipalityOfPrefectureSelect
              prefectureCode={host.lgCode}
              label={t('challengeForm.place')}
              description={t('challengeForm.placeHint')}
              noneLabel={t('challengeForm.wholePrefecture', { name: host.organizationName })}
              value={form.municipalityCode === '' ? null : form.municipalityCode}
              onChange={(code) => set({ municipalityCode: code ?? '' })}
              error={messageOf('municipalityCode')}
            />
          )}
          <OptionCheckboxes
            label={t('challengeForm.themes')}
            description={t('challengeForm.themesHint')}
            required
            maxSelectedValues={5}
            options={challengeThemes}
            layout="grid"
            labelOf={(theme) => themeLabel(theme, language)}
            value={form.themes}
            onChange={(themes) => set({ themes })}
            error={messageOf('themes')}
          />
        </Stack>

        <Stack gap="md" component="section" aria-labelledby="form-who">
          <Title order={2} size="h3" id="form-who">
            {t('challengeForm.sectionWho')}
          </Title>
          <SkillRowsEditor
            legend={t('challengeForm.requiredSkills')}
            description={t('challengeForm.requiredSkillsHint')}
            rows={form.requiredSkills}
            onChange={(rows) => set({ requiredSkills: rows })}
            newRow={() => newSkillRow()}
            errorAt={(i) =>
              server.get(`requiredSkills[${i}].skill`) ?? server.get(`requiredSkills[${i}].level`)
            }
            max={10}
            testId="required-skills"
          />
          <SkillRowsEditor
            legend={t('challengeForm.welcomeSkills')}
            description={t('challengeForm.welcomeSkillsHint')}
            rows={form.welcomeSkills}
            onChange={(rows) => set({ welcomeSkills: rows })}
            newRow={() => newSkillRow('', 2)}
            errorAt={(i) =>
              server.get(`welcomeSkills[${i}].skill`) ?? server.get(`welcomeSkills[${i}].level`)
            }
            max={10}
            testId="welcome-skills"
          />
        </Stack>

        <Stack gap="md" component="section" aria-labelledby="form-how">
          <Title order={2} size="h3" id="form-how">
            {t('challengeForm.sectionHow')}
          </Title>
          <Radio.Group
            label={t('challengeForm.style')}
            value={form.style}
            onChange={(value) => {
              const style = workStyles.find((s) => s === value) ?? 'remote';
              set({
                style,
                onsiteDaysPerMonth:
                  style === 'remote'
                    ? 0
                    : form.onsiteDaysPerMonth === 0
                      ? 2
                      : form.onsiteDaysPerMonth,
              });
            }}
            error={messageOf('style')}
          >
            <Group gap="lg" mt="xs">
              {workStyles.map((s) => (
                <Radio key={s} value={s} label={t(`matching.styles.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            {form.style !== 'remote' && (
              <WholeNumberInput
                label={t('challengeForm.onsiteDays')}
                description={t('challengeForm.onsiteDaysHint')}
                inputWrapperOrder={hintBelowInput}
                required
                min={1}
                max={31}
                value={form.onsiteDaysPerMonth}
                onValue={(v) => set({ onsiteDaysPerMonth: v })}
                error={messageOf('onsiteDaysPerMonth')}
              />
            )}
            <WholeNumberInput
              label={t('challengeForm.hoursPerMonth')}
              description={t('challengeForm.hoursPerMonthHint')}
              inputWrapperOrder={hintBelowInput}
              required
              min={1}
              max={200}
              value={form.hoursPerMonth}
              onValue={(v) => set({ hoursPerMonth: v })}
              error={messageOf('hoursPerMonth')}
            />
            <TextInput
              type="date"
              label={t('challengeForm.startDate')}
              required
              value={form.startDate}
              onChange={(e) => set({ startDate: e.currentTarget.value })}
              error={messageOf('startDate')}
            />
            <WholeNumberInput
              label={t('challengeForm.periodMonths')}
              required
              min={1}
              max={36}
              value={form.periodMonths}
              onValue={(v) => set({ periodMonths: v })}
              error={messageOf('periodMonths')}
            />
            <WholeNumberInput
              label={t('challengeForm.places')}
              required
              min={1}
              max={100}
              value={form.places}
              onValue={(v) => set({ places: v })}
              error={messageOf('places')}
            />
          </SimpleGrid>
          <Radio.Group
            label={t('challengeForm.terms')}
            value={form.terms}
            onChange={(value) => set({ terms: challengeTerms.find((c) => c === value) ?? 'paid' })}
            error={messageOf('terms')}
          >
            <Group gap="lg" mt="xs">
              {challengeTerms.map((c) => (
                <Radio key={c} value={c} label={t(`matching.terms.${c}`)} />
              ))}
            </Group>
          </Radio.Group>
          {form.terms === 'paid' && (
            <WholeNumberInput
              label={t('challengeForm.fee')}
              required
              min={1}
              max={10_000_000}
              step={1000}
              thousandSeparator=","
              prefix="¥"
              value={form.feeYenPerMonth}
              onValue={(v) => set({ feeYenPerMonth: v })}
              error={messageOf('feeYenPerMonth')}
              maw={280}
            />
          )}
          <Switch
            label={t('challengeForm.travelSupport')}
            description={t('challengeForm.travelSupportHint')}
            checked={form.travelSupport}
            onChange={(e) => set({ travelSupport: e.currentTarget.checked })}
          />
        </Stack>

        <Stack gap="md" component="section" aria-labelledby="form-applications">
          <Title order={2} size="h3" id="form-applications">
            {t('challengeForm.sectionApplications')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <WholeNumberInput
              label={t('challengeForm.maxOpenApplications')}
              description={t('challengeForm.maxOpenApplicationsHint')}
              inputWrapperOrder={hintBelowInput}
              min={1}
              max={500}
              value={form.maxOpenApplications}
              onValue={(v) => set({ maxOpenApplications: v })}
              error={messageOf('maxOpenApplications')}
            />
            <WholeNumberInput
              label={t('challengeForm.responseDays')}
              description={t('challengeForm.responseDaysHint')}
              inputWrapperOrder={hintBelowInput}
              min={1}
              max={60}
              value={form.responseDays}
              onValue={(v) => set({ responseDays: v })}
              error={messageOf('responseDays')}
            />
          </SimpleGrid>
        </Stack>

        {missing.size > 0 && (
          <Alert color="red" variant="light" role="alert">
            {t('challengeForm.fillRequired')}
          </Alert>
        )}
        {error !== null && error !== undefined && (
          <ApiErrorAlert error={error} title={t('challengeForm.saveFailed')} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('challengeForm.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
