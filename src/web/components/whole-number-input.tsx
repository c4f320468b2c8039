import { NumberInput, type NumberInputProps } from '@mantine/core';

/**
 * A number field for counts, hours, years and yen: whole and never negative. While the field is
 * being cleared Mantine reports a string; the forms hold that as '' ("not given"), so the value
 * handed on is a number or ''.
 */
export function WholeNumberInput({
  value,
  onValue,
  ...props
}: Omit<NumberInputProps, 'value' | 'onChange' | 'allowDecimal' | 'allowNegative'> & {
  value: number | '';
  onValue: (value: number | '') => void;
}) {
  return (
    <NumberInput
      {...props}
      allowDecimal={false}
      allowNegative={false}
      value={value}
      onChange={(v) => onValue(typeof v === 'number' ? v : '')}
    />
  );
}
