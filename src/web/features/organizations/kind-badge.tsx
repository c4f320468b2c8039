import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind, Role } from '../../../domain/shared/organizations';

const kindColor: Record<OrganizationKind, string> = {
  association: 'grape',
  municipality: 'teal',
  prefecture: 'cyan',
  company: 'blue',
};

export function KindBadge({ kind }: { kind: OrganizationKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kindColor[kind]} variant="light" radius="sm">
      {t(`kinds.${kind}`)}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" radius="sm">
      {t(`roles.${role}`)}
    </Badge>
  );
}
