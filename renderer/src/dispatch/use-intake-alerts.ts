/**
 * Raises a warning in the alert centre for each new report that has waited past its intake limit (intake-clock.ts),
 * once per case: checked every 5 s over the board's 待受理 cards, as the board's overdue counter is.
 */
import { useEffect } from 'react';
import { intakeSla } from '../../../common/intake-clock.js';
import { playAlertSound, type AlertSeverity } from '../base/alert-sound.js';
import { useAlertStore } from '../base/alert-store.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { intakeLimits } from '../base/intake.js';
import { categoryLabel } from '../base/labels.js';
import { referenceData } from '../base/reference.js';
import { useLanguage } from '../i18n/use-language.js';

const CHECK_MS = 5000;

export function useIntakeAlerts(): void {
  const language = useLanguage();
  useEffect(() => {
    const check = () => {
      const now = Date.now();
      const { calendar } = referenceData();
      const limits = intakeLimits();
      const alerts = useAlertStore.getState();
      // One sound per check however many went late together (a board loaded after a break), the most severe.
      let loudest: AlertSeverity | null = null;
      for (const c of useBoardStore.getState().board.cases.values()) {
        if (intakeSla(limits, c, now, calendar)?.state !== 'overdue') continue;
        const severity: AlertSeverity = c.grade === 'serious' ? 'serious' : 'warning';
        const raised = alerts.raise(
          {
            id: `intake:${c.id}`,
            kind: 'intake_late',
            severity,
            at: now,
            caseId: c.id,
            caseNo: c.caseNo,
            detail: categoryLabel(c.categoryCode, language),
          },
          true,
        );
        if (raised && loudest !== 'serious') loudest = severity;
      }
      if (loudest) playAlertSound(loudest);
    };
    check();
    const timer = setInterval(check, CHECK_MS);
    return () => clearInterval(timer);
  }, [language]);
}
