import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { useLanguage } from '../../i18n/use-language';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { notificationLink } from './notification-links';
import {
  fetchNotifications,
  markNotificationRead,
  notificationKeys,
  type Notification,
} from './notifications-api';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.5L4.5 15v1.5h15V15L18 12.5V9a6 6 0 0 0-6-6Zm-2 15a2 2 0 0 0 4 0"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The header's bell: the number unread, the latest notifications, each leading to its page. */
export function NotificationBell() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { active } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { close, toggle }] = useDisclosure(false);
  const notifications = useQuery({
    queryKey: notificationKeys.mine,
    queryFn: ({ signal }) => fetchNotifications(signal),
    // New answers arrive while a page is open; a minute is soon enough for them.
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: (ids: number[]) => Promise.all(ids.map((id) => markNotificationRead(id))),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.mine }),
  });
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];
  const textOf = (n: Notification) => {
    const about =
      active?.role !== 'worker' && n.payload.workerName
        ? t('notifications.about', { worker: n.payload.workerName })
        : '';
    return `${about}${t(`notifications.kinds.${n.kind}`, {
      title: n.payload.challengeTitle,
      host: n.payload.hostName,
    })}`;
  };
  const open = (n: Notification) => {
    if (n.readAt === null) markRead.mutate([n.id]);
    close();
    void navigate(notificationLink(n, active?.role ?? null));
  };

  return (
    <Popover
      opened={opened}
      onChange={(o) => (o ? undefined : close())}
      position="bottom-end"
      width={360}
      withinPortal
      trapFocus
      shadow="md"
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          disabled={unread === 0}
          size={18}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={
              unread > 0
                ? t('notifications.openWithUnread', { count: unread })
                : t('notifications.open')
            }
            aria-expanded={opened}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
        <Stack gap="xs" data-testid="notification-list">
          <Group justify="space-between" px="xs">
            <Text fw={600} size="sm" id="notifications-title">
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() =>
                  markRead.mutate(items.filter((n) => n.readAt === null).map((n) => n.id))
                }
                loading={markRead.isPending}
              >
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          {notifications.isError && <ApiErrorAlert error={notifications.error} />}
          {notifications.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed" px="xs" py="sm">
              {t('notifications.none')}
            </Text>
          )}
          {items.length > 0 && (
            <ScrollArea.Autosize mah={420} type="auto">
              <Stack
                gap={2}
                component="ul"
                aria-labelledby="notifications-title"
                style={{ listStyle: 'none', margin: 0, padding: 0 }}
              >
                {items.map((n) => (
                  <li key={n.id}>
                    <UnstyledButton
                      onClick={() => open(n)}
                      w="100%"
                      p="xs"
                      style={{
                        borderRadius: 'var(--mantine-radius-sm)',
                        background:
                          n.readAt === null ? 'var(--mantine-color-indigo-light)' : undefined,
                      }}
                      data-testid="notification-item"
                      data-kind={n.kind}
                      data-unread={n.readAt === null ? 'true' : undefined}
                    >
                      <Text size="sm" fw={n.readAt === null ? 600 : 400}>
                        {n.readAt === null && (
                          <>
                            <Text span c="red" aria-hidden mr={4}>
                              ●
                            </Text>
                            <VisuallyHidden>{t('notifications.unread')}</VisuallyHidden>
                          </>
                        )}
                        {textOf(n)}
                      </Text>
                      {n.payload.reason && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {t(
                            n.kind === 'application_declined' || n.kind === 'application_rejected'
                              ? 'notifications.reason'
                              : 'notifications.comment',
                            { reason: n.payload.reason },
                          )}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(n.createdAt, language)}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
