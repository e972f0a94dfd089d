/**
 * Add or edit one recording-policy row: for a unit (picked by name or code) or a camera (by name or GB/T 28181 code),
 * its mode, and the seconds kept around a mark for `events`. The hub validates again (common/recording-policy-schemas.ts);
 * its refusal is shown on the field it names.
 */
import { App, Form, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminCamera } from '../../../../common/county-import.js';
import {
  MAX_EVENT_SECONDS,
  RECORDING_MODES,
  type RecordingModeName,
  type RecordingPolicyRow,
  type SetRecordingPolicy,
} from '../../../../common/recording-policy-schemas.js';
import type { OrgUnit } from '../../../../common/schemas.js';
import { call, CallError } from '../../bridge/index.js';
import { errorMessage } from '../../i18n/error-message.js';

interface Values {
  kind: 'unit' | 'camera';
  unitCode?: string;
  cameraId?: string;
  mode: RecordingModeName;
  preSeconds?: number;
  postSeconds?: number;
}

const FIELD_OF: Record<string, keyof Values> = {
  'target.unitCode': 'unitCode',
  'target.cameraId': 'cameraId',
  preSeconds: 'preSeconds',
  postSeconds: 'postSeconds',
};

/** Search by either name or code: the option's label holds both. */
const matches = (input: string, option?: { label?: string }) =>
  (option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());

export function RecordingPolicyForm(props: {
  row: RecordingPolicyRow | null;
  units: readonly OrgUnit[];
  cameras: readonly AdminCamera[];
  onClose: () => void;
  onSaved: (row: RecordingPolicyRow) => void;
}) {
  const { row, units, cameras, onClose, onSaved } = props;
  const { t } = useTranslation(['recordingPolicy']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? row?.target.kind ?? 'unit';
  const mode = Form.useWatch('mode', form) ?? row?.mode ?? 'continuous';
  const initial: Values = row
    ? {
        kind: row.target.kind,
        ...(row.target.kind === 'unit' ? { unitCode: row.target.unitCode } : { cameraId: row.target.cameraId }),
        mode: row.mode,
        preSeconds: row.mode === 'events' ? row.preSeconds : 30,
        postSeconds: row.mode === 'events' ? row.postSeconds : 120,
      }
    : { kind: 'unit', mode: 'continuous', preSeconds: 30, postSeconds: 120 };

  const save = async () => {
    const v = await form.validateFields();
    const body: SetRecordingPolicy = {
      target: v.kind === 'unit' ? { kind: 'unit', unitCode: v.unitCode! } : { kind: 'camera', cameraId: v.cameraId! },
      mode: v.mode,
      ...(v.mode === 'events' ? { preSeconds: v.preSeconds, postSeconds: v.postSeconds } : {}),
    };
    setSaving(true);
    try {
      onSaved(await call('admin.setRecordingPolicy', body));
    } catch (err) {
      const field = err instanceof CallError && err.field ? FIELD_OF[err.field] : undefined;
      const text = `${errorMessage(err)}${err instanceof CallError ? ` ${err.message}` : ''}`;
      if (field) form.setFields([{ name: field, errors: [text] }]);
      else message.error(text);
    } finally {
      setSaving(false);
    }
  };

  const seconds = { min: 0, max: MAX_EVENT_SECONDS, precision: 0, style: { width: '100%' } } as const;
  return (
    <Modal
      open
      title={row ? t('recordingPolicy:form.titleEdit', { name: row.name }) : t('recordingPolicy:form.titleAdd')}
      okText={t('recordingPolicy:form.save')}
      cancelText={t('recordingPolicy:form.cancel')}
      okButtonProps={{ 'data-testid': 'recording-policy-save' }}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="recording-policy-form">
        <Typography.Paragraph type="secondary">{t('recordingPolicy:form.rule')}</Typography.Paragraph>
        <Form.Item name="kind" label={t('recordingPolicy:form.kind')}>
          <Radio.Group disabled={row !== null} data-testid="recording-policy-kind">
            <Radio value="unit">{t('recordingPolicy:kinds.unit')}</Radio>
            <Radio value="camera">{t('recordingPolicy:kinds.camera')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'unit' ? (
          <Form.Item
            name="unitCode"
            label={t('recordingPolicy:form.unit')}
            rules={[{ required: true, message: t('recordingPolicy:form.pick') }]}
          >
            <Select
              showSearch
              disabled={row !== null}
              placeholder={t('recordingPolicy:form.unitSearch')}
              filterOption={matches}
              options={units.map((u) => ({ value: u.code, label: `${u.name} ${u.code}` }))}
              data-testid="recording-policy-unit"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="cameraId"
            label={t('recordingPolicy:form.camera')}
            rules={[{ required: true, message: t('recordingPolicy:form.pick') }]}
          >
            <Select
              showSearch
              disabled={row !== null}
              placeholder={t('recordingPolicy:form.cameraSearch')}
              filterOption={matches}
              options={cameras.map((c) => ({ value: c.id, label: `${c.name} ${c.code}` }))}
              data-testid="recording-policy-camera"
            />
          </Form.Item>
        )}
        <Form.Item name="mode" label={t('recordingPolicy:form.mode')}>
          <Radio.Group data-testid="recording-policy-mode">
            {RECORDING_MODES.map((m) => (
              <Radio key={m} value={m} data-testid={`recording-policy-mode-${m}`}>
                {t(`recordingPolicy:modes.${m}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {mode === 'events' && (
          <>
            <Typography.Paragraph type="secondary">{t('recordingPolicy:form.eventsHint')}</Typography.Paragraph>
            <Form.Item name="preSeconds" label={t('recordingPolicy:form.pre')} rules={[{ required: true }]}>
              <InputNumber {...seconds} data-testid="recording-policy-pre" />
            </Form.Item>
            <Form.Item name="postSeconds" label={t('recordingPolicy:form.post')} rules={[{ required: true }]}>
              <InputNumber {...seconds} data-testid="recording-policy-post" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
