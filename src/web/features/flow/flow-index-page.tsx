import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useSession } from '../auth/session-context';
import {
  MunicipalityOfPrefectureSelect,
  MunicipalitySearchSelect,
} from '../municipalities/place-selects';

const flowPath = (code: string) => `/municipalities/${encodeURIComponent(code)}/flow`;

/**
 * 人流データ: a town's officer goes straight to their town's figures; a prefecture's officer
 * picks one of its municipalities, a coordinator any municipality.
 */
export function FlowIndexPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { active } = useSession();
  const [code, setCode] = useState<string | null>(null);
  if (active?.role === 'municipal_officer' && active.organizationKind === 'municipality') {
    return active.lgCode ? <Navigate to={flowPath(active.lgCode)} replace /> : null;
  }
  const prefectureCode =
    active?.role === 'municipal_officer' && active.organizationKind === 'prefecture'
      ? active.lgCode
      : null;
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="flow-index-heading">
        {t('flow.indexTitle')}
      </Title>
      <Text>{t('flow.indexIntro')}</Text>
      <Paper withBorder radius="md" p="md" maw={560}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (code) navigate(flowPath(code));
          }}
        >
          <Stack gap="sm">
            {prefectureCode ? (
              <MunicipalityOfPrefectureSelect
                prefectureCode={prefectureCode}
                label={t('flow.pickInPrefecture', { prefecture: active?.organizationName ?? '' })}
                value={code}
                onChange={setCode}
                data-testid="flow-municipality"
              />
            ) : (
              <MunicipalitySearchSelect
                currentName={null}
                label={t('flow.pickMunicipality')}
                value={code}
                onChange={setCode}
                data-testid="flow-municipality"
              />
            )}
            <Group>
              <Button type="submit" disabled={!code} data-testid="flow-open">
                {t('flow.open')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
