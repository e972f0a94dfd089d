/**
 * Runs the live case feed for the signed-in session (mounted once by the shell) and announces newly arrived serious
 * cases: a short chime, a highlighted card and a notification in the corner. Nothing takes focus or moves the
 * selection; the notification's button opens the case only when the user asks.
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
import { navigateTo } from '../base/routes.js';
import { playSeriousChime } from './alert-sound.js';
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
    playSeriousChime();
    const units = indexUnits(useOrgStore.getState().units);
    for (const c of cases) {
      const key = `serious-${c.id}`;
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
