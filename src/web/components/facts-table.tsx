import { Table, type TableThProps } from '@mantine/core';
import type { ReactNode } from 'react';

export type Fact = { key: string; label: string; value: ReactNode };

/**
 * Facts about one thing (a challenge, a worker's profile) as a two-column table, each label a row
 * header so that a screen reader reads it with its value.
 */
export function FactsTable({
  facts,
  labelWidth,
  testId,
}: {
  facts: readonly Fact[];
  labelWidth: TableThProps['w'];
  testId: string;
}) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder data-testid={testId}>
      <Table.Tbody>
        {facts.map((f) => (
          <Table.Tr key={f.key}>
            <Table.Th scope="row" w={labelWidth}>
              {f.label}
            </Table.Th>
            <Table.Td>{f.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
