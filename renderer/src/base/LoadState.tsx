/**
 * The one load / error / empty state of the renderer, used by the board, the KPIs, the map and the trees (org tree,
 * camera tree): a failure is an error banner with a retry button, loading a spinner, nothing to show an empty note,
 * otherwise the content. `inline` keeps the content under the banner (the board and the map stay usable).
 */
import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message.js';

export interface LoadStateProps {
  /** Why loading failed, or nothing (null / undefined). */
  readonly error?: unknown;
  /** The banner's text for the error's message ("组织机构加载失败：…"). */
  readonly failedTitle?: (message: string) => string;
  readonly onRetry?: () => void;
  readonly loading?: boolean;
  readonly loadingText?: string;
  /** Shown inside the spinner while loading (a skeleton). */
  readonly placeholder?: ReactNode;
  /** When set, there is nothing to show: this note instead of the content. */
  readonly empty?: string | null;
  /** Keep the content under the error banner. */
  readonly inline?: boolean;
  readonly className?: string;
  readonly testId?: string;
  readonly children?: ReactNode;
}

export function LoadState(props: LoadStateProps) {
  const { t } = useTranslation(['shared']);
  const { error, failedTitle, onRetry, loading, loadingText, placeholder, empty, inline, className, testId } = props;
  if (error !== null && error !== undefined) {
    const message = errorMessage(error);
    const banner = (
      <Alert
        type="error"
        showIcon
        title={failedTitle ? failedTitle(message) : message}
        data-testid={testId}
        action={
          onRetry ? (
            <Button size="small" onClick={onRetry}>
              {t('shared:retry')}
            </Button>
          ) : undefined
        }
      />
    );
    return inline ? (
      <>
        {banner}
        {props.children}
      </>
    ) : (
      banner
    );
  }
  if (loading) {
    return (
      <Spin className={className} description={loadingText}>
        {placeholder}
      </Spin>
    );
  }
  if (empty) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return <>{props.children}</>;
}
