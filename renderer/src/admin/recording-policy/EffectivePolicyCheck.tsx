/** Which row applies to one camera, and why, with what the recorder does with it at this hub now (the hub answers). */
import { Alert, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminCamera } from '../../../../common/county-import.js';
import type { EffectiveRecordingPolicy } from '../../../../common/recording-policy-schemas.js';
import { call } from '../../bridge/index.js';
import { errorMessage } from '../../i18n/error-message.js';
import { useLoaded } from '../use-loaded.js';

export function EffectivePolicyCheck({ cameras, version }: { cameras: readonly AdminCamera[]; version: number }) {
  const { t } = useTranslation(['recordingPolicy']);
  const [cameraId, setCameraId] = useState<string>();
  const [failure, setFailure] = useState<string | null>(null);
  // Asked again whenever the table changes (`version`): the answer follows the rows just saved or removed.
  const { value: answer } = useLoaded<EffectiveRecordingPolicy | null>(
    () => (cameraId ? call('admin.effectiveRecordingPolicy', { id: cameraId }) : Promise.resolve(null)),
    `${cameraId ?? ''}#${version}`,
    (err) => setFailure(errorMessage(err)),
  );
  const text = (e: EffectiveRecordingPolicy) => {
    const mode = t(`recordingPolicy:modes.${e.mode}`);
    const why =
      e.source === 'camera'
        ? t('recordingPolicy:check.fromCamera', { camera: e.cameraName, mode })
        : e.source === 'unit'
          ? t('recordingPolicy:check.fromUnit', {
              camera: e.cameraName,
              unit: e.sourceUnit?.name,
              code: e.sourceUnit?.code,
              mode,
            })
          : t('recordingPolicy:check.none', { camera: e.cameraName });
    const around =
      e.mode === 'events' ? `（${t('recordingPolicy:seconds', { pre: e.preSeconds, post: e.postSeconds })}）` : '';
    return `${why}${around} — ${t(`recordingPolicy:check.status.${e.status}`)}`;
  };
  const current = failure ?? (answer && answer.cameraId === cameraId ? answer : null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('recordingPolicy:check.title')}</Typography.Text>
      <Select
        showSearch
        allowClear
        style={{ width: 420 }}
        placeholder={t('recordingPolicy:check.placeholder')}
        value={cameraId}
        onChange={(id?: string) => {
          setFailure(null);
          setCameraId(id);
        }}
        filterOption={(input, option) => (option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase())}
        options={cameras.map((c) => ({ value: c.id, label: `${c.name} ${c.code}` }))}
        data-testid="recording-policy-check-camera"
      />
      {current !== null && (
        <Alert
          type={typeof current === 'string' || current.status === 'capped' ? 'warning' : 'info'}
          title={typeof current === 'string' ? current : text(current)}
          data-testid="recording-policy-check-answer"
        />
      )}
    </Space>
  );
}
