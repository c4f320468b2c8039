import { Alert, Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { isApiError } from '../../lib/api-client';
import { SharedProfileDetails } from '../profile/shared-profile-view';
import { applicationKeys, fetchWorkerProfile } from './applications-api';

/** A worker's profile as the viewer may see it; "not shared" when the worker keeps it private. */
export function WorkerProfileModal({
  userId,
  name,
  onClose,
}: {
  userId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const profile = useQuery({
    queryKey: applicationKeys.workerProfile(userId),
    queryFn: ({ signal }) => fetchWorkerProfile(userId, signal),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      fullScreen={phone}
      title={t('applicants.profileOf', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {profile.isPending && <PageLoader />}
      {profile.isError &&
        (isApiError(profile.error, 404) ? (
          <Alert color="gray" variant="light">
            {t('applicants.profileNotShared')}
          </Alert>
        ) : (
          <ApiErrorAlert error={profile.error} />
        ))}
      {profile.isSuccess && <SharedProfileDetails profile={profile.data} />}
    </Modal>
  );
}
