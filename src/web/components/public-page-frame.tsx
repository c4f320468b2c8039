import { Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of the pages seen before signing in (login, invitation): the name of the service,
 * a language switch, and one card of content.
 */
export function PublicPageFrame({
  languageSwitch,
  children,
}: {
  languageSwitch: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Box component="header" px="md" py="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg" component="p">
            {t('app.name')}
          </Text>
          {languageSwitch}
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={460} py="xl" px="md">
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
