import { SegmentedControl } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n/i18n';
import { parseLanguage, type Language } from '../../i18n/language';
import { fetchSession, saveAccountLanguage, sessionQueryKey } from '../auth/session-api';

const options: Array<{ value: Language; label: string }> = [
  // Each label is written in its own language, so a reader of either can find theirs.
  { value: 'ja', label: '日本語' },
  { value: 'en', label: 'EN' },
];

/**
 * The ja/EN switch. Remembered on this device, and saved to the account when signed in, so
 * the choice follows the person to another device.
 */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
  });
  const save = useMutation({
    mutationFn: saveAccountLanguage,
    onSuccess: (me) => queryClient.setQueryData(sessionQueryKey, me),
  });
  const current = parseLanguage(i18n.resolvedLanguage) ?? 'ja';

  const onChange = (value: string) => {
    const language = parseLanguage(value);
    if (!language || language === current) return;
    void changeLanguage(language);
    if (session.data) save.mutate(language);
  };

  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.switchLabel')}
      value={current}
      onChange={onChange}
      data={options.map((o) => ({
        value: o.value,
        label: (
          <span lang={o.value} data-testid={`language-${o.value}`}>
            {o.label}
          </span>
        ),
      }))}
    />
  );
}
