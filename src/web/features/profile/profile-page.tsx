import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { genders, type ProfileSection } from '../../../domain/engagement/worker-profile-rules';
import {
  affinityKinds,
  careerGoals,
  challengeThemes,
  lifeStages,
  workStyles,
} from '../../../domain/matching/matching-model';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { hintBelowInput } from '../../components/field-layout';
import { OptionCheckboxes } from '../../components/option-checkboxes';
import { RemoveRowButton } from '../../components/remove-row-button';
import { WholeNumberInput } from '../../components/whole-number-input';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { fieldErrorsOf, hasFieldErrorUnder } from '../../lib/field-errors';
import { SkillRowsEditor } from '../challenges/skill-rows-editor';
import { themeLabel } from '../matching/matching-labels';
import {
  MunicipalityOfPrefectureSelect,
  MunicipalitySearchSelect,
  PrefectureSelect,
} from '../municipalities/place-selects';
import { commonLanguageCodes, languageName } from './language-names';
import { fetchMyProfile, profileKeys, saveMyProfile, type OwnProfile } from './profile-api';
import {
  formFromProfile,
  inputFromProfileForm,
  newAffinityRow,
  newProfileSkillRow,
  nextLifeStages,
  type AffinityRow,
  type ProfileFormValues,
} from './profile-form-values';

/**
 * One part of the profile. `section` names what its "show to hosts" switch controls; a part
 * without one is among the basics every host who may see the profile sees.
 */
function ProfileSectionCard({
  id,
  title,
  help,
  section,
  form,
  onShare,
  children,
}: {
  id: string;
  title: string;
  help?: string;
  section?: ProfileSection;
  form: ProfileFormValues;
  onShare: (section: ProfileSection, shared: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const shownToHosts = form.sharedWithHosts && (section === undefined || form.sections[section]);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 16rem' }}>
            <Group gap="xs">
              <Title order={2} size="h3" id={id}>
                {title}
              </Title>
              <Badge
                color={shownToHosts ? 'teal' : 'gray'}
                variant="light"
                data-testid={`visibility-${id}`}
              >
                {shownToHosts ? t('profile.visibleToHosts') : t('profile.onlyYou')}
              </Badge>
            </Group>
            {help && (
              <Text size="sm" c="dimmed">
                {help}
              </Text>
            )}
          </Stack>
          {section && (
            <Switch
              label={t('profile.showToHosts')}
              aria-label={t('profile.showSectionToHosts', { section: title })}
              checked={form.sections[section]}
              disabled={!form.sharedWithHosts}
              onChange={(e) => onShare(section, e.currentTarget.checked)}
            />
          )}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

function AffinityRowEditor({
  row,
  index,
  onChange,
  onRemove,
  error,
}: {
  row: AffinityRow;
  index: number;
  onChange: (row: AffinityRow) => void;
  onRemove: () => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  return (
    <Card withBorder radius="sm" padding="sm" data-testid={`affinity-${index}`}>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <NativeSelect
          label={t('profile.affinityKind', { n })}
          data={affinityKinds.map((k) => ({ value: k, label: t(`matching.affinityKinds.${k}`) }))}
          value={row.kind}
          onChange={(e) =>
            onChange({
              ...row,
              kind: affinityKinds.find((k) => k === e.currentTarget.value) ?? 'hometown',
            })
          }
          style={{ flex: '1 1 10rem' }}
          error={error(`affinities[${index}]`)}
        />
        <div style={{ flex: '1 1 10rem' }}>
          <PrefectureSelect
            label={t('profile.affinityPrefecture', { n })}
            value={row.prefectureCode}
            onChange={(code) => onChange({ ...row, prefectureCode: code, municipalityCode: null })}
            error={error(`affinities[${index}].prefectureCode`)}
          />
        </div>
        <div style={{ flex: '1 1 12rem' }}>
          <MunicipalityOfPrefectureSelect
            prefectureCode={row.prefectureCode}
            label={t('profile.affinityMunicipality', { n })}
            noneLabel={t('profile.wholePrefecture')}
            value={row.municipalityCode}
            onChange={(code) => onChange({ ...row, municipalityCode: code })}
            error={error(`affinities[${index}].municipalityCode`)}
          />
        </div>
        <RemoveRowButton label={t('profile.removeAffinity', { n })} onClick={onRemove} />
      </Group>
    </Card>
  );
}

function ProfileEditor({ profile }: { profile: OwnProfile }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => formFromProfile(profile));
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<ProfileFormValues>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  };
  const save = useMutation({
    mutationFn: () => saveMyProfile(inputFromProfileForm(form)),
    onSuccess: (fresh) => {
      queryClient.setQueryData(profileKeys.mine, fresh);
      void queryClient.invalidateQueries({ queryKey: ['recommendations'] });
      setForm(formFromProfile(fresh));
      setSaved(true);
    },
  });
  const server = fieldErrorsOf(save.error);
  const onShare = (section: ProfileSection, shared: boolean) =>
    set({ sections: { ...form.sections, [section]: shared } });
  const languageOptions = [...new Set([...commonLanguageCodes, ...form.languages])].map((code) => ({
    value: code,
    label: languageName(code, language),
  }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="profile-form">
      <Stack gap="lg" maw={900}>
        <Card
          withBorder
          radius="md"
          padding="lg"
          component="section"
          aria-labelledby="sharing"
          bg="var(--mantine-color-indigo-light)"
        >
          <Stack gap="sm">
            <Title order={2} size="h3" id="sharing">
              {t('profile.sharingTitle')}
            </Title>
            <List size="sm" spacing={4}>
              <List.Item>{t('profile.privacy.private')}</List.Item>
              <List.Item>{t('profile.privacy.hosts')}</List.Item>
              <List.Item>{t('profile.privacy.employer')}</List.Item>
              <List.Item>{t('profile.privacy.change')}</List.Item>
            </List>
            <Switch
              size="md"
              label={t('profile.sharedWithHosts')}
              description={t('profile.sharedWithHostsHint')}
              checked={form.sharedWithHosts}
              onChange={(e) =>
                set({
                  sharedWithHosts: e.currentTarget.checked,
                  openToOffers: e.currentTarget.checked ? form.openToOffers : false,
                })
              }
            />
            <Switch
              size="md"
              label={t('profile.openToOffers')}
              description={t('profile.openToOffersHint')}
              checked={form.sharedWithHosts && form.openToOffers}
              disabled={!form.sharedWithHosts}
              onChange={(e) => set({ openToOffers: e.currentTarget.checked })}
              error={server.get('sharing.openToOffers')}
            />
          </Stack>
        </Card>

        <ProfileSectionCard
          id="basics"
          title={t('profile.basicsTitle')}
          help={t('profile.basicsHelp')}
          form={form}
          onShare={onShare}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <WholeNumberInput
              label={t('profile.availableHours')}
              description={t('profile.availableHoursHint')}
              inputWrapperOrder={hintBelowInput}
              min={1}
              max={200}
              value={form.availableHoursPerMonth}
              onValue={(v) => set({ availableHoursPerMonth: v })}
              error={server.get('availableHoursPerMonth')}
            />
            <TextInput
              type="date"
              label={t('profile.availableFrom')}
              description={t('profile.availableFromHint')}
              inputWrapperOrder={hintBelowInput}
              value={form.availableFrom}
              onChange={(e) => set({ availableFrom: e.currentTarget.value })}
              error={server.get('availableFrom')}
            />
            <WholeNumberInput
              label={t('profile.birthYear')}
              description={t('profile.birthYearHint')}
              inputWrapperOrder={hintBelowInput}
              min={1900}
              max={2100}
              thousandSeparator={false}
              value={form.birthYear}
              onValue={(v) => set({ birthYear: v })}
              error={server.get('birthYear')}
            />
            <MultiSelect
              label={t('profile.languages')}
              data={languageOptions}
              value={form.languages}
              onChange={(languages) => set({ languages })}
              error={
                server.get('languages') ??
                (hasFieldErrorUnder(server, 'languages') ? t('profile.checkLanguages') : undefined)
              }
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <OptionCheckboxes
            label={t('profile.preferredStyles')}
            options={workStyles}
            layout="row"
            labelOf={(s) => t(`matching.styles.${s}`)}
            value={form.preferredStyles}
            onChange={(preferredStyles) => set({ preferredStyles })}
          />
          <OptionCheckboxes
            label={t('profile.interests')}
            description={t('profile.interestsHint')}
            options={challengeThemes}
            layout="grid"
            labelOf={(theme) => themeLabel(theme, language)}
            value={form.interests}
            onChange={(interests) => set({ interests })}
          />
        </ProfileSectionCard>

        <ProfileSectionCard
          id="skills"
          title={t('profile.skills')}
          help={t('profile.skillsHelp')}
          section="skills"
          form={form}
          onShare={onShare}
        >
          <SkillRowsEditor
            legend={t('profile.skillsLegend')}
            rows={form.skills}
            onChange={(skills) => set({ skills })}
            newRow={newProfileSkillRow}
            errorAt={(i) => server.get(`skills[${i}].skill`) ?? server.get(`skills[${i}].years`)}
            max={30}
            testId="profile-skills"
          />
        </ProfileSectionCard>

        <ProfileSectionCard
          id="affinities"
          title={t('profile.affinities')}
          help={t('profile.affinitiesHelp')}
          section="affinities"
          form={form}
          onShare={onShare}
        >
          <MunicipalitySearchSelect
            label={t('profile.homeMunicipality')}
            description={t('profile.homeMunicipalityHint')}
            currentName={form.homeMunicipalityName}
            value={form.homeMunicipalityCode}
            onChange={(code) => set({ homeMunicipalityCode: code, homeMunicipalityName: null })}
            error={server.get('homeMunicipalityCode')}
          />
          <Stack gap="xs">
            {form.affinities.map((row, index) => (
              <AffinityRowEditor
                key={row.key}
                row={row}
                index={index}
                onChange={(next) =>
                  set({ affinities: form.affinities.map((r, i) => (i === index ? next : r)) })
                }
                onRemove={() => set({ affinities: form.affinities.filter((_, i) => i !== index) })}
                error={(field) => server.get(field)}
              />
            ))}
            {form.affinities.length < 20 && (
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => set({ affinities: [...form.affinities, newAffinityRow()] })}
                >
                  {t('profile.addAffinity')}
                </Button>
              </Group>
            )}
          </Stack>
        </ProfileSectionCard>

        <ProfileSectionCard
          id="career"
          title={t('profile.careerGoals')}
          help={t('profile.careerHelp')}
          section="career"
          form={form}
          onShare={onShare}
        >
          <OptionCheckboxes
            label={t('profile.careerGoalsLabel')}
            options={careerGoals}
            layout="column"
            labelOf={(g) => t(`matching.careerGoals.${g}`)}
            value={form.careerGoals}
            onChange={(goals) => set({ careerGoals: goals })}
          />
        </ProfileSectionCard>

        <ProfileSectionCard
          id="lifeStage"
          title={t('profile.lifeStages')}
          help={t('profile.lifeStageHelp')}
          section="lifeStage"
          form={form}
          onShare={onShare}
        >
          <OptionCheckboxes
            label={t('profile.lifeStagesLabel')}
            options={lifeStages}
            layout="column"
            labelOf={(stage) => t(`matching.lifeStages.${stage}`)}
            value={form.lifeStages}
            onChange={(ticked) => set({ lifeStages: nextLifeStages(form.lifeStages, ticked) })}
            error={server.get('lifeStages')}
          />
        </ProfileSectionCard>

        <ProfileSectionCard
          id="gender"
          title={t('profile.gender')}
          help={t('profile.genderHelp')}
          section="gender"
          form={form}
          onShare={onShare}
        >
          <NativeSelect
            label={t('profile.genderLabel')}
            data={[
              { value: '', label: t('profile.genderNotGiven') },
              ...genders.map((g) => ({ value: g, label: t(`matching.genders.${g}`) })),
            ]}
            value={form.gender ?? ''}
            onChange={(e) =>
              set({ gender: genders.find((g) => g === e.currentTarget.value) ?? null })
            }
            maw={320}
          />
        </ProfileSectionCard>

        {save.isError && <ApiErrorAlert error={save.error} title={t('profile.saveFailed')} />}
        {saved && (
          <Alert color="teal" variant="light" role="status" data-testid="profile-saved">
            {t('profile.saved')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} size="md">
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** プロフィール: what recommendations are made from, and what hosts may see of it. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useQuery({
    queryKey: profileKeys.mine,
    queryFn: ({ signal }) => fetchMyProfile(signal),
  });
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="profile-heading">
        {t('profile.title')}
      </Title>
      <Text c="dimmed">{t('profile.intro')}</Text>
      {profile.isPending && <PageLoader />}
      {profile.isError && <ApiErrorAlert error={profile.error} />}
      {profile.isSuccess && <ProfileEditor profile={profile.data} />}
    </Stack>
  );
}
