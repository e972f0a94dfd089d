/**
 * A sensitive camera (government, police, schools …) is shown only with a reason of at least 4 characters or a case
 * number (docs/video.md): both go into the stream ticket and the view audit.
 */
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_VIEW_REASON_LENGTH } from '../../../common/video-schemas.js';

export interface ReasonModalProps {
  readonly open: boolean;
  readonly cameraName: string;
  onSubmit(reason: string, caseId?: string): void;
  onCancel(): void;
}

export function ReasonModal({ open, cameraName, onSubmit, onCancel }: ReasonModalProps) {
  const { t } = useTranslation(['wall']);
  const [reason, setReason] = useState('');
  const [caseId, setCaseId] = useState('');
  const valid = [...reason.trim()].length >= MIN_VIEW_REASON_LENGTH || caseId.trim().length > 0;
  return (
    <Modal
      open={open}
      title={t('wall:reason.title', { name: cameraName })}
      okText={t('wall:reason.submit')}
      okButtonProps={{ disabled: !valid }}
      onOk={() => {
        onSubmit(reason.trim(), caseId.trim() || undefined);
        setReason('');
        setCaseId('');
      }}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('wall:reason.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('wall:reason.reason')}>
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="reason-text"
          />
        </Form.Item>
        <Form.Item label={t('wall:reason.caseId')}>
          <Input maxLength={64} value={caseId} onChange={(e) => setCaseId(e.target.value)} />
        </Form.Item>
      </Form>
      {!valid ? <Typography.Text type="warning">{t('wall:reason.required')}</Typography.Text> : null}
    </Modal>
  );
}
