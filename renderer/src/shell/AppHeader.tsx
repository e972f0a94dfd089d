/**
 * The console header: product, clock, hub link, who is signed in (name, role) and over what (level + scope unit),
 * the language switch and sign-out. Test ids here are relied on by the end-to-end tests.
 */
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Divider, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/schemas.js';
import { levelLabel, roleLabel } from '../base/labels.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { useLanguage } from '../i18n/use-language.js';
import { ConnectionBadge } from '../session/ConnectionBadge.js';
import { useSessionStore } from '../session/session-store.js';
import { HeaderClock } from './HeaderClock.js';
import { AlertCentre } from './AlertCentre.js';
import { ProductMark } from '../base/ProductMark.js';
import { ChangePasswordModal } from '../session/ChangePasswordModal.js';
import { OnDutyIndicator } from '../duty/OnDutyIndicator.js';
import { ScaleSwitch } from './ScaleSwitch.js';

export function AppHeader({ user }: { user: User }) {
  const { t } = useTranslation(['shell', 'admin']);
  const language = useLanguage();
  const logout = useSessionStore((state) => state.logout);
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <header className="app-header">
      <div className="app-header-brand">
        <ProductMark />
        <Typography.Text strong className="app-header-name">
          {t('shell:app.name')}
        </Typography.Text>
      </div>
      <div className="app-header-status">
        <HeaderClock />
        <Divider orientation="vertical" />
        <ConnectionBadge testId="connection-status" />
        <Divider orientation="vertical" />
        <OnDutyIndicator userId={user.id} />
      </div>
      <div className="app-header-user">
        <Tooltip title={t('shell:header.scopeLabel')}>
          <span className="app-header-scope">
            <Tag color="geekblue" variant="outlined" className="app-header-level">
              {levelLabel(user.orgLevel, language)}
            </Tag>
            <Typography.Text data-testid="header-scope">{user.orgUnitName}</Typography.Text>
          </span>
        </Tooltip>
        <Divider orientation="vertical" />
        <span className="app-header-person">
          <UserOutlined />
          <Typography.Text strong data-testid="header-user">
            {user.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="header-role">
            {roleLabel(user.role, language)}
          </Typography.Text>
        </span>
        <Divider orientation="vertical" />
        <AlertCentre userId={user.id} />
        <ScaleSwitch />
        <LanguageSwitch />
        <Tooltip title={t('admin:password.change')}>
          <Button
            type="text"
            icon={<KeyOutlined />}
            aria-label={t('admin:password.change')}
            data-testid="change-password"
            onClick={() => setChangingPassword(true)}
          />
        </Tooltip>
        <ChangePasswordModal open={changingPassword} forced={false} onClose={() => setChangingPassword(false)} />
        <Button type="text" icon={<LogoutOutlined />} data-testid="logout" onClick={() => void logout()}>
          {t('shell:header.logout')}
        </Button>
      </div>
    </header>
  );
}
