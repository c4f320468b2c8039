import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';
import { apiErrorKind } from '../lib/api-error-kind';

/**
 * A failed call, said in the reader's language. Field-level details from a validation error are
 * listed as the server gave them, since they name the exact field at fault.
 */
export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const kind = apiErrorKind(error);
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('errors.title')}>
      {t(`errors.${kind}`)}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((d) => (
            <List.Item key={`${d.path}:${d.message}`}>
              <code>{d.path}</code>: {d.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
