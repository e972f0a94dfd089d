/**
 * Export of the in/out range (≤ 10 min) to a case as a watermarked MP4 (`recording.exportClip`): the case number is
 * asked for (the investigated case by default); success names the attachment, a refusal is shown in words.
 */
import { Button, Input, Popover, Space, Typography } from 'antd';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLIP_MS } from '../../../common/recording-schemas.js';
import { formatStamp } from '../base/format.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { clipRange } from './playback-timeline.js';

export interface PlaybackExportProps {
  readonly cameraId: string;
  readonly caseId: string | undefined;
  readonly inMs: number | null;
  readonly outMs: number | null;
}

export function PlaybackExport({ cameraId, caseId, inMs, outMs }: PlaybackExportProps) {
  const { t } = useTranslation(['wall']);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [caseNo, setCaseNo] = useState(caseId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = inMs !== null && outMs !== null && inMs !== outMs;
  const range = ready ? clipRange(inMs, outMs, MAX_CLIP_MS) : null;

  const submit = async () => {
    if (!range || !caseNo.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const attachment = await call('recording.exportClip', {
        cameraId,
        clip: {
          caseId: caseNo.trim(),
          from: new Date(range.fromMs).toISOString(),
          to: new Date(range.toMs).toISOString(),
        },
      });
      message.success(t('wall:playback.exported', { file: attachment.fileName, caseId: attachment.caseId }));
      setOpen(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('wall:playback.exportTitle')}
      content={
        <Space direction="vertical" size="small" data-testid="playback-export-form">
          {range ? (
            <Typography.Text data-testid="playback-export-range">
              {t('wall:playback.exportRange', {
                from: formatStamp(range.fromMs),
                to: formatStamp(range.toMs),
                s: Math.round((range.toMs - range.fromMs) / 1000),
              })}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('wall:playback.exportNeedsRange')}</Typography.Text>
          )}
          <Input
            size="small"
            placeholder={t('wall:playback.caseNo')}
            value={caseNo}
            onChange={(e) => setCaseNo(e.target.value)}
            data-testid="playback-export-case"
          />
          {error ? (
            <Typography.Text type="danger" data-testid="playback-export-error">
              {error}
            </Typography.Text>
          ) : null}
          <Button
            size="small"
            type="primary"
            loading={busy}
            disabled={!range || !caseNo.trim()}
            onClick={() => void submit()}
            data-testid="playback-export-submit"
          >
            {t('wall:playback.exportSubmit')}
          </Button>
        </Space>
      }
    >
      <Button size="small" data-testid="playback-export">
        {t('wall:playback.export')}
      </Button>
    </Popover>
  );
}
