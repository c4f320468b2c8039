import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChallengeState } from '../../../domain/matching/matching-model';

const colorOf: Readonly<Record<ChallengeState, string>> = {
  draft: 'gray',
  open: 'teal',
  closed: 'orange',
  archived: 'dark',
};

export function ChallengeStateBadge({ state }: { state: ChallengeState }) {
  const { t } = useTranslation();
  return (
    <Badge color={colorOf[state]} variant="light" data-testid="challenge-state">
      {t(`matching.states.${state}`)}
    </Badge>
  );
}
