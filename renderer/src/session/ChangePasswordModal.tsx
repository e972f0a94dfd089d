/**
 * Changing one's own password: from the header at any time, and forced (not closable, nothing else on screen)
 * after signing in with a one-time password, since the hub answers nothing else until it is changed. The policy is
 * the hub's (common/password-policy.ts); the form checks the same length and the repeat, and shows the hub's refusal
 * by code.
 */
import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../common/password-policy.js';
import { errorMessage } from '../i18n/error-message.js';
import { useSessionStore } from './session-store.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, forced, onClose }: { open: boolean; forced: boolean; onClose(): void }) {
  const { t } = useTranslation(['admin', 'shell']);
  const { message } = App.useApp();
  const changePassword = useSessionStore((s) => s.changePassword);
  const logout = useSessionStore((s) => s.logout);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      void message.success(t('admin:password.changed'));
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={forced ? t('admin:password.forcedTitle') : t('admin:password.change')}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      onCancel={onClose}
      destroyOnHidden
      footer={null}
    >
      <div data-testid="change-password-dialog">
        {forced ? <Alert type="warning" showIcon title={t('admin:password.forcedHint')} className="admin-gap" /> : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            className="admin-gap"
            title={<span data-testid="change-password-error">{errorMessage(error)}</span>}
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void submit(v)}
          disabled={busy}
        >
          <Form.Item
            name="currentPassword"
            label={forced ? t('admin:password.currentOneTime') : t('admin:password.current')}
            rules={[{ required: true }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('admin:password.next')}
            extra={t('admin:password.rules', { min: PASSWORD_MIN_LENGTH })}
            // Only required here: the hub's policy refusal names the reason (published, too short …) by code.
            rules={[{ required: true }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('admin:password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('admin:password.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="password-submit">
            {t('admin:password.submit')}
          </Button>
          {forced ? (
            <Button type="link" block onClick={() => void logout()} className="admin-gap-top">
              <Typography.Text type="secondary">{t('shell:header.logout')}</Typography.Text>
            </Button>
          ) : null}
        </Form>
      </div>
    </Modal>
  );
}
