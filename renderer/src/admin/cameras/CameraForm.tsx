/** Add or edit one camera. The hub validates as the import does; its refusal is shown on the field it names. */
import { Checkbox, Form, Input, InputNumber, Modal, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminCamera } from '../../../../common/county-import.js';
import { call, CallError } from '../../bridge/index.js';
import { errorMessage } from '../../i18n/error-message.js';

interface Values {
  code: string;
  name: string;
  unitCode: string;
  lon: number;
  lat: number;
  mainUrl: string;
  subUrl: string;
  sensitive: boolean;
  ptz: boolean;
  onvifUrl: string;
  onvifUsername: string;
  onvifPassword: string;
}

const FIELD_OF: Record<string, keyof Values> = {
  position: 'lon',
  unitCode: 'unitCode',
  code: 'code',
  name: 'name',
  onvifUrl: 'onvifUrl',
  onvifUsername: 'onvifUsername',
  onvifPassword: 'onvifPassword',
};

export function CameraForm(props: {
  camera: AdminCamera | null;
  onClose: () => void;
  onSaved: (camera: AdminCamera) => void;
}) {
  const { camera, onClose, onSaved } = props;
  const { t } = useTranslation(['countyAdmin']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const initial: Partial<Values> = camera
    ? {
        code: camera.code,
        name: camera.name,
        unitCode: camera.unitCode,
        lon: camera.position[0],
        lat: camera.position[1],
        mainUrl: '',
        subUrl: '',
        sensitive: camera.sensitive,
        ptz: camera.ptz,
        onvifUrl: camera.onvifUrl ?? '',
        onvifUsername: camera.onvifUsername ?? '',
        onvifPassword: '',
      }
    : { sensitive: false, ptz: false };
  const ptz = Form.useWatch('ptz', form) ?? initial.ptz;

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      unitCode: v.unitCode.trim(),
      position: [v.lon, v.lat] as [number, number],
      mainUrl: (v.mainUrl ?? '').trim(),
      subUrl: (v.subUrl ?? '').trim(),
      sensitive: v.sensitive,
      ptz: v.ptz,
      // ONVIF only for a PTZ camera; '' clears the address (and account). The password is write-only: blank keeps it.
      onvifUrl: v.ptz ? (v.onvifUrl ?? '').trim() : '',
      ...(v.ptz && (v.onvifUrl ?? '').trim() ? { onvifUsername: (v.onvifUsername ?? '').trim() } : {}),
      ...(v.ptz && v.onvifPassword ? { onvifPassword: v.onvifPassword } : {}),
    };
    setSaving(true);
    try {
      const saved = camera
        ? await call('admin.cameraEdit', { id: camera.id, camera: body })
        : await call('admin.cameraAdd', { ...body, subUrl: body.subUrl || body.mainUrl });
      onSaved(saved);
    } catch (err) {
      const field = err instanceof CallError && err.field ? FIELD_OF[err.field] : undefined;
      const text = `${errorMessage(err)}${err instanceof CallError ? ` ${err.message}` : ''}`;
      if (field) form.setFields([{ name: field, errors: [text] }]);
      else message.error(text);
    } finally {
      setSaving(false);
    }
  };

  const urlRules = camera ? [] : [{ required: true }];
  return (
    <Modal
      open
      title={camera ? `${t('countyAdmin:cameras.edit')} ${camera.name}` : t('countyAdmin:cameras.add')}
      okText={t('countyAdmin:cameras.form.save')}
      cancelText={t('countyAdmin:cameras.form.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="camera-form">
        <Form.Item
          name="code"
          label={t('countyAdmin:cameras.form.code')}
          rules={[{ required: true, pattern: /^\d{20}$/ }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="name" label={t('countyAdmin:cameras.form.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={t('countyAdmin:cameras.form.unit')}
          rules={[{ required: true, pattern: /^\d{6}(\d{3}){0,3}$/ }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="lon" label={t('countyAdmin:cameras.form.lon')} rules={[{ required: true }]}>
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="lat" label={t('countyAdmin:cameras.form.lat')} rules={[{ required: true }]}>
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="mainUrl"
          label={t('countyAdmin:cameras.form.mainUrl')}
          rules={urlRules}
          extra={camera ? `${camera.mainUrlMasked} — ${t('countyAdmin:cameras.form.keepUrl')}` : undefined}
        >
          <Input.Password autoComplete="off" placeholder="rtsp://user:password@host:554/…" />
        </Form.Item>
        <Form.Item
          name="subUrl"
          label={t('countyAdmin:cameras.form.subUrl')}
          extra={camera ? `${camera.subUrlMasked} — ${t('countyAdmin:cameras.form.keepUrl')}` : undefined}
        >
          <Input.Password autoComplete="off" placeholder="rtsp://user:password@host:554/…" />
        </Form.Item>
        <Form.Item name="sensitive" valuePropName="checked">
          <Checkbox>{t('countyAdmin:cameras.form.sensitive')}</Checkbox>
        </Form.Item>
        <Form.Item name="ptz" valuePropName="checked">
          <Checkbox>{t('countyAdmin:cameras.form.ptz')}</Checkbox>
        </Form.Item>
        {ptz && (
          <>
            <Form.Item
              name="onvifUrl"
              label={t('countyAdmin:cameras.form.onvifUrl')}
              rules={[{ pattern: /^https?:\/\/[^@\s]+$/, message: t('countyAdmin:cameras.form.onvifUrlRule') }]}
            >
              <Input autoComplete="off" placeholder="http://10.1.2.3/onvif/device_service" />
            </Form.Item>
            <Form.Item name="onvifUsername" label={t('countyAdmin:cameras.form.onvifUsername')} rules={[{ max: 64 }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="onvifPassword"
              label={t('countyAdmin:cameras.form.onvifPassword')}
              rules={[{ max: 128 }]}
              extra={camera?.onvifPasswordSet ? t('countyAdmin:cameras.form.onvifPasswordKept') : undefined}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
