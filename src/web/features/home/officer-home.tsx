import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MembershipView } from '../../../contracts/auth';
import { PlaceCard } from '../municipalities/place-card';
import { MembersTable } from '../organizations/members-table';

/** A town's or prefecture's officer: their place, and the team working on it in Tsunagu. */
export function OfficerHome({ membership }: { membership: MembershipView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="home-municipal_officer">
        {t('officerHome.title', { name: membership.organizationName })}
      </Title>
      <PlaceCard place={membership} />
      <Group>
        <Button
          component={Link}
          to={
            membership.organizationKind === 'municipality' && membership.lgCode
              ? `/municipalities/${membership.lgCode}/flow`
              : '/flow'
          }
          variant="light"
          data-testid="officer-flow-link"
        >
          {t('officerHome.peopleFlow')}
        </Button>
      </Group>
      <section aria-labelledby="officer-team">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="officer-team">
            {t('officerHome.team')}
          </Title>
          <Button component={Link} to="/invitations" variant="light">
            {t('officerHome.inviteColleague')}
          </Button>
        </Group>
        <MembersTable organizationId={membership.organizationId} />
      </section>
    </Stack>
  );
}
