import { Checkbox, Group, SimpleGrid, Stack, type CheckboxGroupProps } from '@mantine/core';

/**
 * Checkboxes for some of a fixed list of options (themes, work styles, goals). Whatever order
 * they are ticked in, the value comes back in the list's own order, so that equal choices are
 * stored and compared alike. `layout`: a row for a few short labels, a column for long ones, a
 * grid for many.
 */
export function OptionCheckboxes<T extends string>({
  options,
  value,
  onChange,
  labelOf,
  layout,
  ...group
}: Omit<CheckboxGroupProps, 'value' | 'onChange' | 'children'> & {
  options: readonly T[];
  value: T[];
  onChange: (value: T[]) => void;
  labelOf: (option: T) => string;
  layout: 'row' | 'column' | 'grid';
}) {
  const boxes = options.map((o) => <Checkbox key={o} value={o} label={labelOf(o)} />);
  return (
    <Checkbox.Group
      {...group}
      value={value}
      onChange={(ticked) => onChange(options.filter((o) => ticked.includes(o)))}
    >
      {layout === 'row' ? (
        <Group gap="lg" mt="xs">
          {boxes}
        </Group>
      ) : layout === 'column' ? (
        <Stack gap="xs" mt="xs">
          {boxes}
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="xs" mt="xs">
          {boxes}
        </SimpleGrid>
      )}
    </Checkbox.Group>
  );
}
