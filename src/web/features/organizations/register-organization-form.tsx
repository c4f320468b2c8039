import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '../../../contracts/organizations';
import { checkLocalGovCode } from '../../../domain/geo/local-gov-code';
import {
  organizationKinds,
  requiresLocalGovCode,
  type OrganizationKind,
} from '../../../domain/shared/organizations';
import { ApiErrorAlert } from '../../components/api-error-alert';
import {
  MunicipalityPicker,
  PrefecturePicker,
  type PickedPlace,
} from '../municipalities/place-pickers';
import { createOrganization, organizationKeys } from './organizations-api';

/**
 * Registers a member organisation. Towns and prefectures are tied to their official code, so
 * they are picked from the local-government master (or the code typed in) rather than named
 * freely.
 */
export function RegisterOrganizationForm({
  onCreated,
}: {
  onCreated: (organization: OrganizationView) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<OrganizationKind>('company');
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [lgCode, setLgCode] = useState('');
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const needsCode = requiresLocalGovCode(kind);

  const create = useMutation({
    mutationFn: createOrganization,
    onSuccess: (organization) => {
      void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      onCreated(organization);
    },
  });

  const pick = (picked: PickedPlace | null) => {
    setPlace(picked);
    if (!picked) return;
    setLgCode(picked.code);
    setName(picked.name);
    if (picked.englishName) setNameEn(picked.englishName);
  };

  const codeCheck = needsCode ? checkLocalGovCode(lgCode.trim()) : null;
  const codeProblem =
    codeCheck === null || codeCheck.valid
      ? null
      : codeCheck.reason === 'format'
        ? t('registerOrganization.codeFormat')
        : t('registerOrganization.codeCheckDigit', { expected: codeCheck.expectedCode });
  const nameProblem = name.trim() === '' ? t('registerOrganization.nameRequired') : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShowProblems(true);
    if (codeProblem || nameProblem) return;
    create.mutate({
      kind,
      name: name.trim(),
      ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}),
      ...(needsCode ? { lgCode: lgCode.trim() } : {}),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('registerOrganization.title')}>
      <Stack gap="sm">
        {create.isError && (
          <ApiErrorAlert error={create.error} title={t('registerOrganization.failedTitle')} />
        )}
        <Select<OrganizationKind>
          label={t('registerOrganization.kind')}
          required
          allowDeselect={false}
          data={organizationKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={kind}
          onChange={(value) => {
            if (!value) return;
            setKind(value);
            setPlace(null);
            setLgCode('');
          }}
        />
        {kind === 'municipality' && <MunicipalityPicker value={place} onChange={pick} />}
        {kind === 'prefecture' && <PrefecturePicker value={place} onChange={pick} />}
        {needsCode && (
          <TextInput
            label={t('registerOrganization.lgCode')}
            description={t('registerOrganization.lgCodeHint')}
            required
            inputMode="numeric"
            maxLength={6}
            value={lgCode}
            onChange={(e) => setLgCode(e.currentTarget.value)}
            error={showProblems ? codeProblem : null}
          />
        )}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('registerOrganization.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={showProblems ? nameProblem : null}
            miw="14rem"
          />
          <TextInput
            label={t('registerOrganization.nameEn')}
            lang="en"
            value={nameEn}
            onChange={(e) => setNameEn(e.currentTarget.value)}
            miw="14rem"
          />
        </Group>
        <Button
          type="submit"
          loading={create.isPending}
          disabled={create.isPending}
          w="fit-content"
        >
          {t('registerOrganization.submit')}
        </Button>
      </Stack>
    </form>
  );
}
