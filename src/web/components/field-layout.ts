/**
 * Inputs side by side in a grid line up only when their labels do: with the hint under the input
 * instead of above it, a longer hint no longer pushes its input down.
 */
export const hintBelowInput: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];
