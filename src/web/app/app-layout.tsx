import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Drawer,
  Group,
  Menu,
  NavLink,
  Select,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { logOut } from '../features/auth/session-api';
import { useSession } from '../features/auth/session-context';
import { LanguageSwitch } from '../features/language/language-switch';
import { NotificationBell } from '../features/notifications/notification-bell';
import { isMenuItemActive, type NavItem } from '../features/navigation/navigation';

function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {items.map((item) => {
        const active = isMenuItemActive(item.path, pathname);
        return (
          <NavLink
            key={item.key}
            component={Link}
            to={item.path}
            label={t(`nav.${item.key}`)}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </Stack>
  );
}

/** Shown only to people in several organisations: which one they are acting for. */
function OrganizationSwitcher() {
  const { t } = useTranslation();
  const { me, active, selectOrganization } = useSession();
  if (me.memberships.length < 2) return null;
  return (
    <Select
      label={t('header.organization')}
      size="xs"
      allowDeselect={false}
      data={me.memberships.map((m) => ({
        value: m.organizationId,
        label: `${m.organizationName}（${t(`roles.${m.role}`)}）`,
      }))}
      value={active?.organizationId ?? null}
      onChange={(id) => id && selectOrganization(id)}
      comboboxProps={{ withinPortal: true }}
      miw={220}
    />
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { me } = useSession();
  const signOut = useMutation({
    mutationFn: logOut,
    // A full reload on the login page: nothing of this person's data stays in memory.
    onSettled: () => window.location.assign('/login'),
  });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('header.accountMenu', { name: me.name })}
          data-testid="account-menu"
          style={{ borderRadius: 'var(--mantine-radius-xl)' }}
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar radius="xl" size={32} color="indigo" name={me.name} />
            <Text size="sm" visibleFrom="md" maw={180} truncate="end">
              {me.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in frame: header, navigation (a drawer on phones), and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { me, navigation, active } = useSession();
  const [drawerOpened, drawer] = useDisclosure(false);
  const severalOrganizations = me.memberships.length > 1;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: true } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={drawerOpened}
              onClick={drawer.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.openMenu')}
              aria-expanded={drawerOpened}
              data-testid="nav-burger"
            />
            <Text component={Link} to="/" fw={700} size="lg" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Text>
            {severalOrganizations ? (
              <Box visibleFrom="sm">
                <OrganizationSwitcher />
              </Box>
            ) : (
              active && (
                <Text size="sm" c="dimmed" visibleFrom="sm" truncate="end">
                  {active.organizationName}
                </Text>
              )
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {active && <NotificationBell />}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')} visibleFrom="sm">
        <NavLinks items={navigation.items} />
      </AppShell.Navbar>
      <Drawer
        opened={drawerOpened}
        onClose={drawer.close}
        title={t('nav.menu')}
        size="80%"
        closeButtonProps={{ 'aria-label': t('nav.closeMenu') }}
      >
        <nav aria-label={t('nav.label')}>
          <Stack gap="md">
            {active && (
              <Text size="sm" c="dimmed">
                {active.organizationName}
              </Text>
            )}
            <OrganizationSwitcher />
            <NavLinks items={navigation.items} onNavigate={drawer.close} />
          </Stack>
        </nav>
      </Drawer>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
