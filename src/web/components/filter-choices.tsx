import { SegmentedControl, Stack, Text } from '@mantine/core';

/**
 * A row of choices that filters a list (a status, a state), named by the visible label above it.
 * It scrolls sideways on a narrow screen instead of squeezing its choices.
 */
export function FilterChoices<T extends string>({
  id,
  label,
  options,
  value,
  labelOf,
  onChange,
}: {
  /** The label's id, which names the control for assistive technology. */
  id: string;
  label: string;
  options: readonly T[];
  value: T;
  labelOf: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        value={value}
        onChange={(picked) => {
          const option = options.find((o) => o === picked);
          if (option !== undefined) onChange(option);
        }}
        data={options.map((o) => ({ value: o, label: labelOf(o) }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
    </Stack>
  );
}
