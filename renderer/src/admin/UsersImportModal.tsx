/**
 * The users CSV import: pick a file, check it (the hub's dry run lists every bad line), then import it whole. The
 * one-time passwords of the new users are shown once and can be downloaded as CSV; the console keeps no copy once
 * the dialog is closed.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsersImportReport } from '../../../common/admin-schemas.js';
import { toCsv } from '../../../common/csv.js';
import { fileStamp } from '../base/format.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { downloadText } from '../kpi/download.js';
import i18next from 'i18next';

type Problem = UsersImportReport['problems'][number];

/** A problem in words: the error code's text, with the detail the hub sent. */
function problemText(problem: Problem): string {
  const params = problem.params ?? {};
  const text = i18next.t(`errors:code.${problem.code}`);
  const extra = Object.entries(params)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return extra ? `${text} (${extra})` : text;
}

export function UsersImportModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation(['admin']);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<UsersImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await call('admin.importUsers', { csv: file.text, dryRun }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const downloadPasswords = () => {
    if (!report) return;
    const rows = report.created.map((u) => [u.username, u.displayName, u.role, u.orgUnitCode, u.oneTimePassword]);
    const header = ['username', 'display_name', 'role', 'unit_code', 'one_time_password'];
    downloadText(`${t('admin:import.passwordsFile')}-${fileStamp(Date.now())}.csv`, toCsv([header, ...rows]));
  };

  const checkedOk = report?.dryRun === true && report.problems.length === 0 && report.rows > 0;
  return (
    <Modal open width={760} title={t('admin:import.title')} onCancel={onClose} footer={null} maskClosable={false}>
      <Typography.Paragraph type="secondary">{t('admin:import.format')}</Typography.Paragraph>
      {report && !report.dryRun ? (
        <>
          <Alert
            type="warning"
            showIcon
            className="admin-gap"
            title={t('admin:import.done', { count: report.created.length })}
          />
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            onClick={downloadPasswords}
            className="admin-gap"
            data-testid="import-download"
          >
            {t('admin:import.download')}
          </Button>
          <Table
            rowKey="username"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={report.created}
            columns={[
              { title: 'username', dataIndex: 'username' },
              { title: 'display_name', dataIndex: 'displayName' },
              { title: 'one_time_password', dataIndex: 'oneTimePassword', className: 'admin-detail' },
            ]}
          />
        </>
      ) : (
        <>
          <Space className="admin-gap" wrap>
            <Upload
              accept=".csv,text/csv"
              maxCount={1}
              showUploadList={false}
              beforeUpload={async (picked) => {
                setFile({ name: picked.name, text: await picked.text() });
                setReport(null);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="import-choose">
                {t('admin:import.choose')}
              </Button>
            </Upload>
            {file ? <Typography.Text>{file.name}</Typography.Text> : null}
            <Button disabled={!file} loading={busy} onClick={() => void run(true)} data-testid="import-check">
              {t('admin:import.check')}
            </Button>
            <Button
              type="primary"
              disabled={!checkedOk}
              loading={busy}
              onClick={() => void run(false)}
              data-testid="import-run"
            >
              {t('admin:import.run', { count: report?.rows ?? 0 })}
            </Button>
          </Space>
          {error ? <Alert type="error" showIcon className="admin-gap" title={errorMessage(error)} /> : null}
          {report ? (
            report.problems.length === 0 ? (
              <Alert
                type="success"
                showIcon
                title={t('admin:import.ok', { rows: report.rows })}
                data-testid="import-ok"
              />
            ) : (
              <>
                <Alert
                  type="error"
                  showIcon
                  className="admin-gap"
                  title={t('admin:import.problems', { count: report.problems.length })}
                />
                <Table<Problem>
                  rowKey={(p) => `${p.line}-${p.field ?? ''}-${p.code}`}
                  size="small"
                  pagination={{ pageSize: 10 }}
                  dataSource={report.problems}
                  data-testid="import-problems"
                  columns={[
                    { title: t('admin:import.line'), dataIndex: 'line', width: 70 },
                    { title: t('admin:import.field'), dataIndex: 'field', width: 120 },
                    { title: t('admin:import.problem'), key: 'p', render: (_, p) => problemText(p) },
                  ]}
                />
              </>
            )
          ) : null}
        </>
      )}
    </Modal>
  );
}
