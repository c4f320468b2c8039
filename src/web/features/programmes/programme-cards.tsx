import { Card, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { ProgrammeSummary } from './programme-summary';
import type { Programme } from './programmes-api';

/**
 * A company's programmes as HR and its workers both see them: one card each, its terms first and
 * then what the page adds (HR's tools, a worker's standing and choice). Loading, a failure and
 * "none" (`noneText`) take the list's place. Fragments keep the cards in the page's own stack.
 */
export function ProgrammeCards({
  programmes,
  noneText,
  children,
}: {
  programmes: UseQueryResult<Programme[]>;
  noneText: string;
  children: (programme: Programme) => ReactNode;
}) {
  return (
    <>
      {programmes.isPending && <PageLoader />}
      {programmes.isError && <ApiErrorAlert error={programmes.error} />}
      {programmes.isSuccess && programmes.data.length === 0 && <Text c="dimmed">{noneText}</Text>}
      {programmes.isSuccess &&
        programmes.data.map((p) => (
          <Card
            key={p.id}
            withBorder
            radius="md"
            padding="md"
            component="article"
            data-testid="programme-card"
          >
            <Stack gap="xs">
              <ProgrammeSummary programme={p} />
              {children(p)}
            </Stack>
          </Card>
        ))}
    </>
  );
}
