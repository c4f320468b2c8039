import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalitySummary } from '../../../contracts/municipalities';
import { fetchPrefectures, placeKeys, searchMunicipalities } from './places-api';

/** A place chosen in a picker, with what a registration form fills in from it. */
export type PickedPlace = { code: string; name: string; englishName: string | null };

type PickerProps = {
  value: PickedPlace | null;
  onChange: (place: PickedPlace | null) => void;
};

const labelOf = (m: MunicipalitySummary) => `${m.name}（${m.prefectureName}） ${m.code}`;

/**
 * Finds a municipality by name, kana, romaji or code through the reference API. Results are the
 * server's, so they are not filtered again here; the chosen one stays in the list so its label
 * keeps showing while a new search runs.
 */
export function MunicipalityPicker({ value, onChange }: PickerProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<MunicipalitySummary | null>(null);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const isChosenLabel = chosen !== null && query === labelOf(chosen);
  const results = useQuery({
    queryKey: placeKeys.search(query),
    queryFn: ({ signal }) => searchMunicipalities(query, signal),
    enabled: query.length > 0 && !isChosenLabel,
    staleTime: 5 * 60_000,
  });
  const current = chosen && value?.code === chosen.code ? chosen : null;
  const places = [...(current ? [current] : []), ...(results.data ?? [])].filter(
    (m, i, all) => all.findIndex((n) => n.code === m.code) === i,
  );
  return (
    <Select
      label={t('registerOrganization.findMunicipality')}
      description={t('registerOrganization.findMunicipalityHint')}
      placeholder={t('registerOrganization.findMunicipalityPlaceholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={places.map((m) => ({ value: m.code, label: labelOf(m) }))}
      value={current?.code ?? null}
      onChange={(code) => {
        const picked = places.find((m) => m.code === code) ?? null;
        setChosen(picked);
        // Romaji ("karuizawamachi") is a reading, not an English name: that is left to the person.
        onChange(picked && { code: picked.code, name: picked.name, englishName: null });
      }}
      nothingFoundMessage={
        query.length === 0
          ? t('registerOrganization.typeToSearch')
          : results.isFetching
            ? t('common.loading')
            : t('registerOrganization.noMunicipalityFound')
      }
    />
  );
}

/** Picks one of the 47 prefectures (from the reference API; empty when it is unavailable). */
export function PrefecturePicker({ value, onChange }: PickerProps) {
  const { t } = useTranslation();
  const prefectures = useQuery({
    queryKey: placeKeys.prefectures,
    queryFn: ({ signal }) => fetchPrefectures(signal),
    staleTime: Infinity,
  });
  const places = prefectures.data ?? [];
  return (
    <Select
      label={t('registerOrganization.choosePrefecture')}
      searchable
      clearable
      data={places.map((p) => ({ value: p.code, label: p.name }))}
      value={value?.code ?? null}
      onChange={(code) => {
        const picked = places.find((p) => p.code === code);
        onChange(
          picked ? { code: picked.code, name: picked.name, englishName: picked.nameEn } : null,
        );
      }}
      nothingFoundMessage={
        prefectures.isPending ? t('common.loading') : t('registerOrganization.noPrefectureList')
      }
    />
  );
}
