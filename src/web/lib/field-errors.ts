import { ApiError } from './api-client';

/**
 * The server's message for each field of a failed request, keyed by the field's path without the
 * part of the request it is in: a 400 naming `body.requiredSkills[1].skill` is found under
 * `requiredSkills[1].skill`. Anything else (no reply, another error) has no field messages.
 *
 * @example
 * fieldErrorsOf(error).get('title') // → 'required'
 */
export function fieldErrorsOf(
  error: unknown,
  where: 'body' | 'querystring' = 'body',
): ReadonlyMap<string, string> {
  const messages = new Map<string, string>();
  if (!(error instanceof ApiError)) return messages;
  const prefix = `${where}.`;
  for (const detail of error.details) {
    if (!detail.path.startsWith(prefix)) continue;
    const field = detail.path.slice(prefix.length);
    // The first message for a field is the one shown; the rest are in the alert's list.
    if (!messages.has(field)) messages.set(field, detail.message);
  }
  return messages;
}

/** Field messages under a list's entry or an object, e.g. every message of `skills[2]…`. */
export function hasFieldErrorUnder(messages: ReadonlyMap<string, string>, prefix: string): boolean {
  for (const field of messages.keys()) {
    if (field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`)) {
      return true;
    }
  }
  return false;
}
