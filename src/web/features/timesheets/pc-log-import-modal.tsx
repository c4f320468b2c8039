import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PcLogImportResponse } from '../../../contracts/labor';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ApiError, isApiError } from '../../lib/api-client';
import type { Employment } from '../employments/employments-api';
import { decodeCsvFile, fitsImportLimit, problemsByLine, type LineProblem } from './pc-log-import';
import { workLocationList, type WorkLocation } from './timesheet-draft';
import { importPcLog, timesheetKeys } from './timesheets-api';

type Props = {
  opened: boolean;
  onClose: () => void;
  employments: readonly Employment[];
  onImported: (result: PcLogImportResponse) => void;
};

/** Problems of CSV lines, each as "line N: why" (the reasons are the server's words). */
export function LineProblemList({ problems }: { problems: readonly LineProblem[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" mt="xs" data-testid="import-line-problems">
      {problems.map((p) => (
        <List.Item key={`${p.line}:${p.message}`}>
          <Text span fw={600} size="sm">
            {t('timesheet.import.line', { n: p.line })}
          </Text>
          ：{p.message}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Imports a PC or VPN log (CSV, from a file or pasted) into the worker's weeks as segments with
 * source "PC log". The server adds everything or nothing; what it refuses is listed by line.
 */
export function PcLogImportModal({ opened, onClose, employments, onImported }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const primary = employments.find((e) => e.isPrimary) ?? employments[0];
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [employmentId, setEmploymentId] = useState(primary?.id ?? '');
  const [contracted, setContracted] = useState(true);
  const [location, setLocation] = useState<WorkLocation>('office');
  const [inputError, setInputError] = useState<'empty' | 'tooLarge' | 'unreadable' | null>(null);

  const send = useMutation({
    mutationFn: () => importPcLog({ csv, employmentId, contracted, location }),
    onSuccess: (result) => {
      for (const week of result.weeks) {
        queryClient.setQueryData(timesheetKeys.mine(week.weekStart), week);
      }
      setCsv('');
      setFile(null);
      onImported(result);
    },
  });

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setInputError(null);
    send.reset();
    if (!chosen) return;
    try {
      setCsv(decodeCsvFile(new Uint8Array(await chosen.arrayBuffer())));
    } catch {
      setInputError('unreadable');
    }
  };

  const onSubmit = () => {
    if (csv.trim() === '') return setInputError('empty');
    if (!fitsImportLimit(csv)) return setInputError('tooLarge');
    setInputError(null);
    send.mutate();
  };

  const refused = send.error instanceof ApiError ? problemsByLine(send.error.details) : null;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('timesheet.import.title')}
      size="lg"
      centered
      data-testid="pc-log-import"
    >
      <Stack gap="sm">
        <Text size="sm">{t('timesheet.import.hint')}</Text>
        <Text size="xs" c="dimmed" component="pre" style={{ margin: 0 }}>
          {t('timesheet.import.example')}
        </Text>
        <FileInput
          label={t('timesheet.import.file')}
          placeholder={t('timesheet.import.chooseFile')}
          accept=".csv,text/csv"
          clearable
          value={file}
          onChange={(chosen) => void chooseFile(chosen)}
          data-testid="import-file"
        />
        <Textarea
          label={t('timesheet.import.text')}
          autosize
          minRows={4}
          maxRows={10}
          value={csv}
          onChange={(e) => {
            setCsv(e.currentTarget.value);
            setInputError(null);
          }}
          styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
          spellCheck={false}
          data-testid="import-text"
          error={inputError ? t(`timesheet.import.errors.${inputError}`) : undefined}
        />
        <NativeSelect
          label={t('timesheet.import.employment')}
          data={employments.map((e) => ({
            value: e.id,
            label: t('timesheet.employmentOption', {
              name: e.employerName,
              kind: t(e.isPrimary ? 'timesheet.primary' : 'timesheet.sideJob'),
            }),
          }))}
          value={employmentId}
          onChange={(e) => setEmploymentId(e.currentTarget.value)}
        />
        <Group grow align="flex-end">
          <NativeSelect
            label={t('timesheet.location')}
            data={workLocationList.map((l) => ({
              value: l,
              label: t(`timesheet.locations.${l}`),
            }))}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value as WorkLocation)}
          />
          <Checkbox
            label={t('timesheet.import.contracted')}
            checked={contracted}
            onChange={(e) => setContracted(e.currentTarget.checked)}
            mb={8}
          />
        </Group>

        {send.isError &&
          (refused && (refused.lines.length > 0 || isApiError(send.error, 409)) ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={t('timesheet.import.failed')}
              data-testid="import-errors"
            >
              {t(
                isApiError(send.error, 409)
                  ? 'timesheet.import.notEditable'
                  : 'timesheet.import.nothingWritten',
              )}
              {refused.other.length > 0 && (
                <List size="sm" mt="xs">
                  {refused.other.map((d) => (
                    <List.Item key={`${d.path}:${d.message}`}>
                      <code>{d.path}</code>: {d.message}
                    </List.Item>
                  ))}
                </List>
              )}
              <LineProblemList problems={refused.lines} />
            </Alert>
          ) : (
            <ApiErrorAlert error={send.error} title={t('timesheet.import.failed')} />
          ))}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('timesheet.cancel')}
          </Button>
          <Button
            onClick={onSubmit}
            loading={send.isPending}
            disabled={employmentId === ''}
            data-testid="import-submit"
          >
            {t('timesheet.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
