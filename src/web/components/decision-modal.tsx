import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert';

/**
 * Asks before a step that others will see (opening a challenge, declining an application): what
 * will happen, and a comment or a reason when the step takes one. A required reason is checked
 * here first, and the server's refusal is shown in the dialog, which stays open.
 */
export function DecisionModal({
  title,
  body,
  textLabel,
  textHint,
  text = 'none',
  confirmLabel,
  confirmColor = 'indigo',
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  body?: ReactNode;
  textLabel?: string;
  textHint?: string;
  /** Whether the step takes a comment ('optional') or a reason ('required'). */
  text?: 'none' | 'optional' | 'required';
  confirmLabel: string;
  confirmColor?: string;
  pending: boolean;
  error: unknown;
  onConfirm: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (text === 'required' && value.trim() === '') {
            setMissing(true);
            return;
          }
          onConfirm(value.trim());
        }}
      >
        <Stack gap="md" data-testid="decision-modal">
          {body && (typeof body === 'string' ? <Text size="sm">{body}</Text> : body)}
          {text !== 'none' && (
            <Textarea
              label={textLabel}
              description={textHint}
              required={text === 'required'}
              autosize
              minRows={3}
              maxLength={1000}
              data-autofocus
              value={value}
              onChange={(e) => {
                setValue(e.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? t('common.reasonRequired') : undefined}
            />
          )}
          {error !== null && error !== undefined && <ApiErrorAlert error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={confirmColor} loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
