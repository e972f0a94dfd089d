/**
 * Stands in for the administration view (renderer/src/admin/, built on another branch) where it is missing: the
 * administrator lands here, and the merge wires the real view into ShellLayout's VIEW_COMPONENTS under 'admin'.
 */
import { SettingOutlined } from '@ant-design/icons';
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function AdminPlaceholder() {
  const { t } = useTranslation(['shell']);
  return (
    <div className="view-placeholder" data-testid="admin-view">
      <Typography.Title level={4} className="view-title">
        <SettingOutlined /> {t('shell:nav.admin')}
      </Typography.Title>
      <Empty description={t('shell:views.admin.pending')} />
    </div>
  );
}
