import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { fieldErrorsOf, hasFieldErrorUnder } from './field-errors';

const invalid = new ApiError(400, 'validation_failed', 'Invalid body', [
  { path: 'body.title', message: 'required' },
  { path: 'body.requiredSkills[1].skill', message: 'listed twice' },
  { path: 'body.title', message: 'too long' },
  { path: 'querystring.maxHours', message: 'must not be below minHours' },
]);

describe('fieldErrorsOf', () => {
  it('puts the first message of each body field under its path without "body."', () => {
    const messages = fieldErrorsOf(invalid);
    expect(messages.get('title')).toBe('required');
    expect(messages.get('requiredSkills[1].skill')).toBe('listed twice');
    expect(messages.has('maxHours')).toBe(false);
  });

  it('reads query parameters when asked', () => {
    expect(fieldErrorsOf(invalid, 'querystring').get('maxHours')).toBe(
      'must not be below minHours',
    );
  });

  it('has nothing for errors that are not the API’s', () => {
    expect(fieldErrorsOf(new Error('boom')).size).toBe(0);
    expect(fieldErrorsOf(null).size).toBe(0);
  });
});

describe('hasFieldErrorUnder', () => {
  it('finds messages under a list entry but not under a sibling with a longer name', () => {
    const messages = fieldErrorsOf(invalid);
    expect(hasFieldErrorUnder(messages, 'requiredSkills[1]')).toBe(true);
    expect(hasFieldErrorUnder(messages, 'requiredSkills')).toBe(true);
    expect(hasFieldErrorUnder(messages, 'requiredSkills[0]')).toBe(false);
    expect(hasFieldErrorUnder(messages, 'tit')).toBe(false);
  });
});
