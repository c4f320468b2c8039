import { ActionIcon } from '@mantine/core';

/**
 * The ✕ that removes one row of a repeated field (a skill, a tie to a region). Its top margin
 * lines it up with the row's inputs, below their labels, once the row sits on one line.
 * `label` names the row for a screen reader ("Remove skill 2").
 */
export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      size="lg"
      mt={{ base: 0, xs: 24 }}
      aria-label={label}
      onClick={onClick}
    >
      ✕
    </ActionIcon>
  );
}
