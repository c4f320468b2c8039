import { Button, Group, type GroupProps } from '@mantine/core';

type Answer = { label: string; ariaLabel: string; onClick: () => void };

/**
 * The two answers to an application waiting on someone (the host's decline/accept, HR's
 * reject/approve): the refusal first and in red, so the two read alike wherever they are asked.
 */
export function AnswerButtons({
  no,
  yes,
  justify,
}: {
  no: Answer;
  yes: Answer;
  justify?: GroupProps['justify'];
}) {
  return (
    <Group justify={justify} gap="sm">
      <Button variant="light" color="red" onClick={no.onClick} aria-label={no.ariaLabel}>
        {no.label}
      </Button>
      <Button color="teal" onClick={yes.onClick} aria-label={yes.ariaLabel}>
        {yes.label}
      </Button>
    </Group>
  );
}
