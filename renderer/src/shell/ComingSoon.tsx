/** The empty state of a view whose feature arrives with its own issue; says what will be here, not just "empty". */
import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './views.css';

interface ComingSoonProps {
  icon: ReactNode;
  title: string;
  description: string;
  /** Facts already available for this view (counts, the selected unit). */
  children?: ReactNode;
}

export function ComingSoon({ icon, title, description, children }: ComingSoonProps) {
  const { t } = useTranslation(['shell']);
  return (
    <div className="view-placeholder">
      <Typography.Title level={4} className="view-title">
        <span className="view-title-icon">{icon}</span>
        {title}
      </Typography.Title>
      {children}
      <Empty
        className="view-empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Text strong>{t('shell:views.comingSoon')}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{description}</Typography.Text>
          </>
        }
      />
    </div>
  );
}
