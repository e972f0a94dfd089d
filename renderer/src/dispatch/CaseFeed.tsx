/**
 * Runs the live case feed for the signed-in session (mounted once by the shell) and announces newly arrived serious
 * cases: an alert in the alert centre (with its sound), a highlighted card and — only where it covers no work — a
 * notification in the corner: never while a case drawer is open or on the video wall (its alert tile and
 * controls), and any shown is closed when a drawer opens or the wall is shown. Nothing takes focus or moves the
 * selection; the notification's button opens the case only when the user asks. Reports waiting past their intake
 * limit raise a warning alert, once each.
 *
 * It also reports a move or report made offline that the hub refused when the console replayed it, and reloads the
 * board when the link comes back after a break (pushes may have been missed meanwhile).
 */
import { AlertOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import type { OutboxRefused } from '../../../common/outbox.js';
import { CallError, subscribe } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { useOrgStore } from '../base/org-store.js';
import { useSessionStore } from '../session/session-store.js';
import { currentView, navigateTo } from '../base/routes.js';
import { useAlertStore } from '../base/alert-store.js';
import { useIntakeAlerts } from './use-intake-alerts.js';
import { startCaseFeed, useBoardStore } from '../base/cases/board-store.js';
import { categoryLabel, indexUnits, moveLabel, unitPath } from '../base/labels.js';

export function CaseFeed() {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  const { notification } = App.useApp();

  const openFromNotification = (key: string, caseId: string) => {
    notification.destroy(key);
    navigateTo('dispatch');
    useBoardStore.getState().openCase(caseId);
  };

  const announce = (cases: CaseView[]) => {
    const units = indexUnits(useOrgStore.getState().units);
    for (const c of cases) {
      const key = `serious-${c.id}`;
      const detail = `${categoryLabel(c.categoryCode, language)} · ${unitPath(c.gridCode, units)}`;
      const raised = useAlertStore.getState().raise({
        id: key,
        kind: 'serious_case',
        severity: 'serious',
        at: Date.now(),
        caseId: c.id,
        caseNo: c.caseNo,
        detail,
      });
      if (!raised || !toastMayShow()) continue;
      notification.open({
        key,
        type: 'error',
        icon: <AlertOutlined />,
        placement: 'bottomRight',
        duration: 30,
        role: 'alert',
        title: t('dispatch:announce.title', { caseNo: c.caseNo }),
        description: (
          <span data-testid="serious-announcement" data-case-id={c.id}>
            {categoryLabel(c.categoryCode, language, c.refVersion)} · {unitPath(c.gridCode, units)}
          </span>
        ),
        actions: (
          <Button size="small" type="primary" onClick={() => openFromNotification(key, c.id)}>
            {t('dispatch:announce.open')}
          </Button>
        ),
      });
    }
  };

  const refused = ({ item, error, currentCase }: OutboxRefused) => {
    // The case as it now stands replaces the queued guess; where the hub would not show it (scope lost, case gone)
    // the board is loaded again, which no longer carries the refused guess.
    if (currentCase) useBoardStore.getState().acceptCase(currentCase);
    else void useBoardStore.getState().reload();
    const what =
      item.kind === 'move'
        ? t('dispatch:outbox.move', {
            caseNo: item.caseNo ?? item.caseId,
            move: moveLabel(item.request.move.type, language),
          })
        : t('dispatch:outbox.report');
    const key = `outbox-${item.id}`;
    const detail = errorMessage(new CallError(error.code, error.message, error.field));
    useAlertStore.getState().raise({
      id: key,
      kind: 'outbox_refused',
      severity: 'warning',
      at: Date.now(),
      ...(item.kind === 'move' ? { caseId: item.caseId, caseNo: item.caseNo ?? item.caseId } : {}),
      detail: `${t('dispatch:outbox.refused', { what })} ${detail}`,
    });
    if (!toastMayShow()) return;
    notification.error({
      key,
      placement: 'bottomRight',
      duration: 0,
      title: t('dispatch:outbox.refused', { what }),
      description: (
        <span data-testid="outbox-refused">{errorMessage(new CallError(error.code, error.message, error.field))}</span>
      ),
      ...(item.kind === 'move'
        ? {
            actions: (
              <Button size="small" onClick={() => openFromNotification(key, item.caseId)}>
                {t('dispatch:announce.open')}
              </Button>
            ),
          }
        : {}),
    });
  };

  // The feed lives as long as the session; its messages always use the current language.
  const handlers = useRef({ announce, refused });
  useEffect(() => {
    handlers.current = { announce, refused };
  });

  useEffect(() => startCaseFeed((cases) => handlers.current.announce(cases)), []);
  useIntakeAlerts();

  // A toast never stays over an open drawer or the wall: opening one (or showing the wall) closes them.
  useEffect(() => {
    const off = useBoardStore.subscribe((state, previous) => {
      if (state.openCaseId !== null && previous.openCaseId === null) notification.destroy();
    });
    const onHash = () => {
      if (!toastMayShow()) notification.destroy();
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      off();
      window.removeEventListener('hashchange', onHash);
    };
  }, [notification]);
  useEffect(() => subscribe('outbox.refused', (payload) => handlers.current.refused(payload)), []);

  // Back online after a break (hub restart, network): pushes may have been missed on the way to this window, so
  // load the board again rather than trust it.
  useEffect(
    () =>
      useSessionStore.subscribe((state, previous) => {
        const now = state.connection?.state;
        const before = previous.connection?.state;
        if (now === 'online' && before === 'offline' && useBoardStore.getState().status === 'ready') {
          void useBoardStore.getState().reload();
        }
      }),
    [],
  );

  return null;
}

/** A corner toast is shown only where it covers no work: no case drawer open, not on the video wall. */
function toastMayShow(): boolean {
  return useBoardStore.getState().openCaseId === null && currentView() !== 'wall';
}
