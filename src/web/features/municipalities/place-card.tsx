import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipView } from '../../../contracts/auth';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { KindBadge } from '../organizations/kind-badge';
import { mapLinkFor, municipalityFacts, prefectureFacts, type PlaceFacts } from './place-facts';
import { fetchMunicipality, fetchPrefectures, placeKeys } from './places-api';

type Place = Pick<MembershipView, 'organizationName' | 'organizationKind' | 'lgCode'>;

function usePlaceFacts(place: Place): {
  facts: PlaceFacts | null;
  isLoading: boolean;
  error: unknown;
} {
  const code = place.lgCode ?? '';
  const isPrefecture = place.organizationKind === 'prefecture';
  const municipality = useQuery({
    queryKey: placeKeys.municipality(code),
    queryFn: ({ signal }) => fetchMunicipality(code, signal),
    enabled: code !== '' && !isPrefecture,
    staleTime: Infinity,
  });
  const prefectures = useQuery({
    queryKey: placeKeys.prefectures,
    queryFn: ({ signal }) => fetchPrefectures(signal),
    enabled: code !== '' && isPrefecture,
    staleTime: Infinity,
  });
  if (isPrefecture) {
    const prefecture = prefectures.data?.find((p) => p.code === code);
    return {
      facts: prefecture ? prefectureFacts(prefecture) : null,
      isLoading: prefectures.isLoading,
      error: prefectures.error,
    };
  }
  return {
    facts: municipality.data ? municipalityFacts(municipality.data) : null,
    isLoading: municipality.isLoading,
    error: municipality.error,
  };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="40%" scope="row">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * The town or prefecture an officer works for, from the local-government master. Only fields
 * the master actually holds are shown.
 */
export function PlaceCard({ place }: { place: Place }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { facts, isLoading, error } = usePlaceFacts(place);

  return (
    <Card withBorder radius="md" padding="lg" data-testid="place-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h3">
              {facts?.name ?? place.organizationName}
            </Title>
            {facts?.kana && (
              <Text size="sm" c="dimmed" lang="ja">
                {facts.kana}
              </Text>
            )}
          </div>
          <KindBadge kind={place.organizationKind} />
        </Group>
        {isLoading && <PageLoader />}
        {error !== null && <ApiErrorAlert error={error} />}
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            {place.lgCode && <Row label={t('place.code')}>{place.lgCode}</Row>}
            {facts?.municipalityKind && (
              <Row label={t('place.municipalityKind')}>
                {t(`municipalityKinds.${facts.municipalityKind}`)}
              </Row>
            )}
            {facts?.englishName && (
              <Row label={t('place.englishName')}>
                <span lang="en">{facts.englishName}</span>
              </Row>
            )}
            {facts?.romaji && (
              <Row label={t('place.romaji')}>
                <span lang="ja-Latn">{facts.romaji}</span>
              </Row>
            )}
            {facts?.prefectureName && (
              <Row label={t('place.prefecture')}>{facts.prefectureName}</Row>
            )}
            {facts?.parentName && <Row label={t('place.parent')}>{facts.parentName}</Row>}
            {facts?.municipalityCount != null && (
              <Row label={t('place.municipalityCount')}>
                {formatNumber(facts.municipalityCount, language)}
              </Row>
            )}
            {facts?.office && (
              <Row label={t('place.office')}>
                <Stack gap={2}>
                  <span>
                    {facts.office.lat.toFixed(4)}, {facts.office.lng.toFixed(4)}
                  </span>
                  <Anchor
                    href={mapLinkFor(facts.office)}
                    target="_blank"
                    rel="noopener noreferrer"
                    size="sm"
                  >
                    {t('place.openMap')}
                  </Anchor>
                </Stack>
              </Row>
            )}
            {facts?.website && (
              <Row label={t('place.website')}>
                <Anchor
                  href={facts.website}
                  target="_blank"
                  rel="noopener noreferrer"
                  style={{ wordBreak: 'break-all' }}
                >
                  {facts.website}
                </Anchor>
              </Row>
            )}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
