/**
 * One import, dry run first: choose a file (read in the console with its progress shown), send it for a dry run,
 * read the report — every problem by feature or line — and only then import. The hub checks the file again on the
 * real run and refuses it whole if anything is wrong, so the button after a clean dry run cannot write half a file.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem, ImportReport } from '../../../../common/county-import.js';
import { CallError } from '../../bridge/index.js';
import { errorMessage } from '../../i18n/error-message.js';

type Stage =
  | { step: 'idle' }
  | { step: 'reading'; percent: number }
  | { step: 'checking' | 'writing' }
  | { step: 'report'; report: ImportReport }
  | { step: 'failed'; message: string };

export interface ImportPanelProps {
  readonly hint: string;
  readonly accept: string;
  /** 'feature' for GeoJSON (0-based index), 'line' for CSV / JSON items. */
  readonly position: 'feature' | 'line';
  readonly send: (text: string, fileName: string, dryRun: boolean) => Promise<ImportReport>;
  readonly onImported?: () => void;
  readonly testId: string;
}

function readText(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total));
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('file not readable'));
    reader.readAsText(file, 'utf-8');
  });
}

const kb = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);

export function ImportPanel({ hint, accept, position, send, onImported, testId }: ImportPanelProps) {
  const { t } = useTranslation(['countyAdmin']);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; size: number; text: string } | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [dryRunClean, setDryRunClean] = useState(false);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setDryRunClean(false);
    setStage({ step: 'reading', percent: 0 });
    try {
      const text = await readText(chosen, (percent) => setStage({ step: 'reading', percent }));
      setFile({ name: chosen.name, size: chosen.size, text });
      setStage({ step: 'idle' });
    } catch (err) {
      setStage({ step: 'failed', message: errorMessage(err) });
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setStage({ step: dryRun ? 'checking' : 'writing' });
    try {
      const report = await send(file.text, file.name, dryRun);
      setStage({ step: 'report', report });
      setDryRunClean(dryRun && report.problems.length === 0);
      if (!dryRun) onImported?.();
    } catch (err) {
      setDryRunClean(false);
      // The hub's own detail names the first problems; the translated code says what happened.
      const detail = err instanceof CallError ? ` ${err.message}` : '';
      setStage({ step: 'failed', message: `${errorMessage(err)}${detail}` });
    }
  };

  const busy = stage.step === 'reading' || stage.step === 'checking' || stage.step === 'writing';
  const report = stage.step === 'report' ? stage.report : null;
  const where = (p: ImportProblem) =>
    position === 'feature'
      ? t('countyAdmin:import.atFeature', { at: p.at })
      : t('countyAdmin:import.atLine', { at: p.at });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid={testId}>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Space wrap>
        <input
          ref={input}
          type="file"
          accept={accept}
          hidden
          data-testid={`${testId}-file`}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} disabled={busy}>
          {t('countyAdmin:import.choose')}
        </Button>
        {file && (
          <Typography.Text>{t('countyAdmin:import.chosen', { name: file.name, size: kb(file.size) })}</Typography.Text>
        )}
        <Button onClick={() => void run(true)} disabled={!file || busy} data-testid={`${testId}-dry-run`}>
          {t('countyAdmin:import.dryRun')}
        </Button>
        <Button
          type="primary"
          onClick={() => void run(false)}
          disabled={!dryRunClean || busy}
          data-testid={`${testId}-run`}
        >
          {t('countyAdmin:import.run')}
        </Button>
      </Space>
      {stage.step === 'reading' && <Progress percent={stage.percent} status="active" />}
      {(stage.step === 'checking' || stage.step === 'writing') && (
        <Progress
          percent={100}
          status="active"
          format={() => t(stage.step === 'checking' ? 'countyAdmin:import.checking' : 'countyAdmin:import.writing')}
        />
      )}
      {stage.step === 'failed' && <Alert type="error" showIcon message={stage.message} />}
      {report && (
        <>
          <Alert
            type={report.problems.length > 0 ? 'error' : 'success'}
            showIcon
            data-testid={`${testId}-report`}
            message={
              report.problems.length > 0
                ? t('countyAdmin:import.problemCount', { count: report.problems.length })
                : report.applied
                  ? t('countyAdmin:import.applied')
                  : t('countyAdmin:import.clean')
            }
            description={t('countyAdmin:import.counts', {
              ...report.counts,
              seconds: (report.tookMs / 1000).toFixed(1),
            })}
          />
          {report.problems.length > 0 && (
            <Table<ImportProblem>
              size="small"
              rowKey={(p) => `${p.at}-${p.kind}-${p.code ?? ''}-${p.message}`}
              dataSource={report.problems}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('countyAdmin:import.columns.at'), key: 'at', width: 120, render: (_, p) => where(p) },
                { title: t('countyAdmin:import.columns.code'), dataIndex: 'code', width: 180 },
                { title: t('countyAdmin:import.columns.kind'), dataIndex: 'kind', width: 160 },
                { title: t('countyAdmin:import.columns.message'), dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </Space>
  );
}
