/**
 * The console's paper buttons: in the case drawer 打印督办单 (once the case has been supervised) and 打印案件单, each
 * with a download beside it; in the KPI view 月报 PDF for a month of the unit shown. The paper is in the user's
 * language; the hub decides what the user may print (a refusal shows its reason).
 */
import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Popover, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperRequest } from '../../../common/contract-paper.js';
import type { CaseView } from '../../../common/case-api.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { downloadPaper, printPaper } from './paper-actions.js';

type Busy = 'print' | 'download' | null;

function usePaper(request: PaperRequest, fileName: string) {
  const { t } = useTranslation(['paper']);
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Busy>(null);
  const run = async (what: Exclude<Busy, null>) => {
    setBusy(what);
    try {
      if (what === 'download') await downloadPaper(request, fileName);
      else {
        const outcome = await printPaper(request, fileName);
        if (outcome === 'viewer') void message.success(t('paper:opened'));
        if (outcome === 'downloaded') void message.info(t('paper:popupBlocked'));
      }
    } catch (err) {
      void message.error(t('paper:failed', { message: errorMessage(err) }));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

interface PaperPairProps {
  readonly request: PaperRequest;
  readonly fileName: string;
  readonly printLabel: string;
  readonly downloadLabel: string;
  readonly testId: string;
}

/** [🖨 打印…][⤓] */
function PaperPair({ request, fileName, printLabel, downloadLabel, testId }: PaperPairProps) {
  const { busy, run } = usePaper(request, fileName);
  return (
    <Space.Compact>
      <Button
        icon={<PrinterOutlined />}
        loading={busy === 'print'}
        disabled={busy !== null}
        onClick={() => void run('print')}
        data-testid={`${testId}-print`}
      >
        {printLabel}
      </Button>
      <Tooltip title={downloadLabel}>
        <Button
          icon={<DownloadOutlined />}
          aria-label={downloadLabel}
          loading={busy === 'download'}
          disabled={busy !== null}
          onClick={() => void run('download')}
          data-testid={`${testId}-download`}
        />
      </Tooltip>
    </Space.Compact>
  );
}

export function CasePaperButtons({ view }: { view: CaseView }) {
  const { t } = useTranslation(['paper']);
  const lang = useLanguage();
  return (
    <Space wrap className="case-paper" style={{ marginTop: 8 }} data-testid="case-paper">
      {view.supervisionCount > 0 ? (
        <PaperPair
          request={{ kind: 'supervisionNotice', caseId: view.id, lang }}
          fileName={t('paper:noticeFile', { caseNo: view.caseNo })}
          printLabel={t('paper:printNotice')}
          downloadLabel={t('paper:downloadNotice')}
          testId="paper-notice"
        />
      ) : null}
      <PaperPair
        request={{ kind: 'caseSheet', caseId: view.id, lang }}
        fileName={t('paper:sheetFile', { caseNo: view.caseNo })}
        printLabel={t('paper:printSheet')}
        downloadLabel={t('paper:downloadSheet')}
        testId="paper-sheet"
      />
    </Space>
  );
}

interface MonthlyReportButtonProps {
  /** The unit the KPI view shows (an org code or a department code). */
  readonly orgUnit: string;
  readonly unitName: string;
  /** 'YYYY-MM' to start from: the month the view's period starts in (default: this month). */
  readonly month: string | undefined;
}

/** 月报 PDF: a month picker with print and download, for the unit the KPI view shows. */
export function MonthlyReportButton({ orgUnit, unitName, month: periodMonth }: MonthlyReportButtonProps) {
  const { t } = useTranslation(['paper']);
  const lang = useLanguage();
  const [months] = useState(() => recentMonths(Date.now()));
  const initialMonth = periodMonth ?? months[0]!;
  const [month, setMonth] = useState(initialMonth);
  const [open, setOpen] = useState(false);
  const content = (
    <Space orientation="vertical" data-testid="paper-monthly-panel">
      <MonthField months={months} month={month} onChange={setMonth} label={t('paper:month')} />
      <PaperPair
        request={{ kind: 'kpiMonthly', month, orgUnit, lang }}
        fileName={t('paper:monthlyFile', { unit: unitName, month })}
        printLabel={t('paper:print')}
        downloadLabel={t('paper:downloadMonthly')}
        testId="paper-monthly"
      />
    </Space>
  );
  return (
    <Popover
      content={content}
      trigger="click"
      open={open}
      onOpenChange={(next) => {
        if (next) setMonth(initialMonth);
        setOpen(next);
      }}
    >
      <Button icon={<FilePdfOutlined />} data-testid="paper-monthly">
        {t('paper:monthlyPdf')}
      </Button>
    </Popover>
  );
}

/** The last two years of months, newest first, as 'YYYY-MM' (Beijing). */
export function recentMonths(nowMs: number, count = 24): string[] {
  const beijing = new Date(nowMs + 8 * 3_600_000);
  const y = beijing.getUTCFullYear();
  const m = beijing.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

interface MonthFieldProps {
  readonly months: readonly string[];
  readonly month: string;
  onChange(month: string): void;
  readonly label: string;
}

function MonthField({ months, month, onChange, label }: MonthFieldProps) {
  const options = (months.includes(month) ? months : [month, ...months]).map((m) => ({ value: m, label: m }));
  return (
    <Select
      value={month}
      onChange={onChange}
      options={options}
      aria-label={label}
      style={{ width: 140 }}
      data-testid="paper-monthly-month"
    />
  );
}
