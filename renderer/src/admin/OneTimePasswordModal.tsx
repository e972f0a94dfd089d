/** A one-time password, shown once to the administrator (created or reset account); never stored in the console. */
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OneTimePasswordAnswer } from '../../../common/admin-schemas.js';

export function OneTimePasswordModal({ answer, onClose }: { answer: OneTimePasswordAnswer; onClose(): void }) {
  const { t } = useTranslation(['admin']);
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(answer.oneTimePassword);
      void message.success(t('admin:users.copied'));
    } catch {
      // No clipboard (permissions, plain http): the password is on screen to be copied by hand.
    }
  };
  return (
    <Modal
      open
      title={t('admin:users.oneTimeTitle')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ hidden: true }}
    >
      <Alert
        type="warning"
        showIcon
        className="admin-gap"
        title={t('admin:users.oneTimeHint', { name: `${answer.user.displayName} (${answer.user.username})` })}
      />
      <Typography.Paragraph>
        <Typography.Text className="admin-otp" data-testid="one-time-password">
          {answer.oneTimePassword}
        </Typography.Text>
        <Button type="text" icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('admin:users.copy')}
        </Button>
      </Typography.Paragraph>
    </Modal>
  );
}
