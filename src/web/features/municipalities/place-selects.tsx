import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalitySummary } from '../../../contracts/municipalities';
import {
  fetchMunicipalitiesOf,
  fetchPrefectures,
  placeKeys,
  searchMunicipalities,
} from './places-api';

/**
 * Place choices for forms that store codes (a challenge's place, a worker's ties to regions):
 * a prefecture, a municipality within one, or any municipality found by name.
 */

/** The value of the "none" choice (Mantine treats an empty string as no selection). */
const NONE = 'none';

type CodeSelectProps = {
  label: string;
  description?: string;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string | undefined;
  placeholder?: string;
  /** Shown as the choice for "none" (e.g. the whole prefecture); without it the field clears. */
  noneLabel?: string;
  'data-testid'?: string;
};

/**
 * A choice among a known list of places, with "none" first when `noneLabel` is given: what the
 * prefecture and the municipality-of-a-prefecture selects share.
 */
function PlaceListSelect({
  places,
  pending,
  disabled,
  ...props
}: CodeSelectProps & {
  places: ReadonlyArray<{ code: string; name: string }> | undefined;
  pending: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={props.placeholder}
      searchable
      clearable={!props.noneLabel}
      disabled={disabled}
      data={[
        ...(props.noneLabel ? [{ value: NONE, label: props.noneLabel }] : []),
        ...(places ?? []).map((p) => ({ value: p.code, label: p.name })),
      ]}
      value={props.value ?? (props.noneLabel ? NONE : null)}
      onChange={(code) => props.onChange(code && code !== NONE ? code : null)}
      error={props.error}
      nothingFoundMessage={pending ? t('common.loading') : t('places.noneFound')}
      comboboxProps={{ withinPortal: true }}
      data-testid={props['data-testid']}
    />
  );
}

export function PrefectureSelect(props: CodeSelectProps) {
  const prefectures = useQuery({
    queryKey: placeKeys.prefectures,
    queryFn: ({ signal }) => fetchPrefectures(signal),
    staleTime: Infinity,
  });
  return <PlaceListSelect {...props} places={prefectures.data} pending={prefectures.isPending} />;
}

/** A municipality of one prefecture; `noneLabel` stands for the prefecture as a whole. */
export function MunicipalityOfPrefectureSelect({
  prefectureCode,
  ...props
}: CodeSelectProps & { prefectureCode: string | null }) {
  const municipalities = useQuery({
    queryKey: placeKeys.ofPrefecture(prefectureCode ?? ''),
    queryFn: ({ signal }) => fetchMunicipalitiesOf(prefectureCode ?? '', signal),
    enabled: prefectureCode !== null,
    staleTime: Infinity,
  });
  return (
    <PlaceListSelect
      {...props}
      places={municipalities.data}
      pending={municipalities.isPending}
      disabled={prefectureCode === null}
    />
  );
}

const labelOf = (m: MunicipalitySummary) => `${m.name}（${m.prefectureName}）`;

/**
 * Any municipality, found by name, kana, romaji or code. `currentName` labels the stored value
 * until the person searches.
 */
export function MunicipalitySearchSelect({
  currentName,
  ...props
}: CodeSelectProps & { currentName: string | null }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<MunicipalitySummary | null>(null);
  const [query] = useDebouncedValue(search.trim(), 250);
  const shownLabel = picked ? labelOf(picked) : currentName;
  const results = useQuery({
    queryKey: placeKeys.search(query),
    queryFn: ({ signal }) => searchMunicipalities(query, signal),
    enabled: query.length > 0 && query !== shownLabel,
    staleTime: 5 * 60_000,
  });
  const options = [
    ...(props.value && shownLabel ? [{ value: props.value, label: shownLabel }] : []),
    ...(results.data ?? [])
      .filter((m) => m.code !== props.value)
      .map((m) => ({ value: m.code, label: labelOf(m) })),
  ];
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={props.placeholder ?? t('places.searchPlaceholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      value={props.value}
      onChange={(code) => {
        setPicked(results.data?.find((m) => m.code === code) ?? null);
        props.onChange(code);
      }}
      error={props.error}
      nothingFoundMessage={
        query.length === 0
          ? t('places.typeToSearch')
          : results.isFetching
            ? t('common.loading')
            : t('places.noneFound')
      }
      comboboxProps={{ withinPortal: true }}
      data-testid={props['data-testid']}
    />
  );
}
