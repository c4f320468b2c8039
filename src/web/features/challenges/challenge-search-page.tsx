import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Pagination,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  challengeTerms,
  challengeThemes,
  standardSkills,
  workStyles,
} from '../../../domain/matching/matching-model';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { fieldErrorsOf } from '../../lib/field-errors';
import { skillLabel, themeLabel } from '../matching/matching-labels';
import { PrefectureSelect } from '../municipalities/place-selects';
import { ChallengeCard } from './challenge-card';
import {
  activeFilterCount,
  browseFilterFrom,
  browseParamsOf,
  type BrowseFilter,
} from './challenge-filters';
import { challengeKeys, searchChallenges } from './challenges-api';

const pageSize = 10;

/** A select's value, or undefined for "any". */
const pick = <T extends string>(list: readonly T[], value: string): T | undefined =>
  list.find((item) => item === value);

/** 課題をさがす: open challenges by words and filters, the filters kept in the address. */
export function ChallengeSearchPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const applied = browseFilterFrom(params);
  const [draft, setDraft] = useState<BrowseFilter>(applied);
  const set = (patch: Partial<BrowseFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const { page, ...filter } = applied;
  const query = { ...filter, limit: pageSize, offset: (page - 1) * pageSize };
  const results = useQuery({
    queryKey: challengeKeys.search(query),
    queryFn: ({ signal }) => searchChallenges(query, signal),
  });
  const queryErrors = fieldErrorsOf(results.error, 'querystring');
  const pages = results.data ? Math.ceil(results.data.total / pageSize) : 0;

  const apply = (next: BrowseFilter) => setParams(browseParamsOf(next));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };
  const any = t('browse.any');

  return (
    <Stack gap="lg">
      <Title order={1} data-testid="browse-heading">
        {t('browse.title')}
      </Title>
      <form onSubmit={onSubmit} role="search" aria-label={t('browse.searchLabel')}>
        <Stack gap="sm">
          <TextInput
            type="search"
            label={t('browse.q')}
            description={t('browse.qHint')}
            value={draft.q ?? ''}
            onChange={(e) => set({ q: e.currentTarget.value })}
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            <PrefectureSelect
              label={t('browse.prefecture')}
              noneLabel={any}
              value={draft.prefecture ?? null}
              onChange={(code) => set({ prefecture: code ?? undefined })}
              error={queryErrors.get('prefecture')}
            />
            <NativeSelect
              label={t('browse.theme')}
              data={[
                { value: '', label: any },
                ...challengeThemes.map((v) => ({ value: v, label: themeLabel(v, language) })),
              ]}
              value={draft.theme ?? ''}
              onChange={(e) => set({ theme: pick(challengeThemes, e.currentTarget.value) })}
            />
            <NativeSelect
              label={t('browse.skill')}
              data={[
                { value: '', label: any },
                ...standardSkills.map((v) => ({ value: v, label: skillLabel(v, language) })),
              ]}
              value={draft.skill ?? ''}
              onChange={(e) => set({ skill: pick(standardSkills, e.currentTarget.value) })}
            />
            <NativeSelect
              label={t('browse.style')}
              data={[
                { value: '', label: any },
                ...workStyles.map((v) => ({ value: v, label: t(`matching.styles.${v}`) })),
              ]}
              value={draft.style ?? ''}
              onChange={(e) => set({ style: pick(workStyles, e.currentTarget.value) })}
            />
            <NativeSelect
              label={t('browse.terms')}
              data={[
                { value: '', label: any },
                ...challengeTerms.map((v) => ({ value: v, label: t(`matching.terms.${v}`) })),
              ]}
              value={draft.terms ?? ''}
              onChange={(e) => set({ terms: pick(challengeTerms, e.currentTarget.value) })}
            />
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <NumberInput
                label={t('browse.minHours')}
                min={1}
                max={744}
                allowDecimal={false}
                allowNegative={false}
                value={draft.minHours ?? ''}
                onChange={(v) => set({ minHours: typeof v === 'number' ? v : undefined })}
                error={queryErrors.get('minHours')}
                style={{ flex: 1 }}
              />
              <NumberInput
                label={t('browse.maxHours')}
                min={1}
                max={744}
                allowDecimal={false}
                allowNegative={false}
                value={draft.maxHours ?? ''}
                onChange={(v) => set({ maxHours: typeof v === 'number' ? v : undefined })}
                error={queryErrors.get('maxHours')}
                style={{ flex: 1 }}
              />
            </Group>
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit">{t('browse.search')}</Button>
            {activeFilterCount(applied) > 0 && (
              <Button
                variant="subtle"
                onClick={() => {
                  setDraft({ page: 1 });
                  apply({ page: 1 });
                }}
              >
                {t('browse.clear')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <section aria-labelledby="browse-results">
        <Title order={2} size="h3" id="browse-results" mb="sm">
          {t('browse.results')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm" role="status" data-testid="browse-count">
          {results.isSuccess ? t('browse.count', { count: results.data.total }) : ''}
        </Text>
        {results.isPending && <PageLoader />}
        {results.isError && <ApiErrorAlert error={results.error} />}
        {results.isSuccess && results.data.items.length === 0 && (
          <Text c="dimmed">{t('browse.none')}</Text>
        )}
        {results.isSuccess && (
          <Stack gap="sm">
            {results.data.items.map((c) => (
              <ChallengeCard key={c.id} challenge={c} headingLevel={3} />
            ))}
          </Stack>
        )}
      </section>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={(p) => apply({ ...applied, page: p })}
          getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
          getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
        />
      )}
    </Stack>
  );
}
