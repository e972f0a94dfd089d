/**
 * The working calendar's years: where each comes from (the chinese-days package, an administrator's import, or
 * missing — said in a warning, because deadlines crossing a missing year are only provisional), and a year import
 * from a CSV or JSON file.
 */
import { Alert, App, Button, Form, Input, InputNumber, Select, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarYearInfo } from '../../../../common/reference-versions.js';
import { call } from '../../bridge/index.js';
import { formatDateTime } from '../../base/format.js';
import { useLanguage } from '../../i18n/use-language.js';
import { refusalText } from './refusal-text.js';

const SOURCE_COLOURS = { package: 'green', imported: 'blue', missing: 'red' } as const;

interface ImportForm {
  year: number;
  format: 'csv' | 'json';
  content: string;
  note?: string;
}

export function CalendarYears(props: { years: readonly CalendarYearInfo[]; onImported: () => Promise<void> }) {
  const { t } = useTranslation(['referenceData']);
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<ImportForm>();
  const [busy, setBusy] = useState(false);
  const missing = props.years.filter((y) => y.source === 'missing').map((y) => y.year);

  const submit = async (values: ImportForm) => {
    setBusy(true);
    try {
      await call('reference.importCalendarYear', {
        year: values.year,
        format: values.format,
        content: values.content,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      message.success(t('referenceData:calendar.imported_ok', { year: values.year }));
      form.resetFields(['content', 'note']);
      await props.onImported();
    } catch (err) {
      message.error(refusalText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('referenceData:calendar.missingAlert', { years: missing.join('、') })}
          data-testid="calendar-missing"
        />
      )}
      <Table<CalendarYearInfo>
        size="small"
        rowKey="year"
        dataSource={[...props.years].reverse()}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { title: t('referenceData:calendar.year'), dataIndex: 'year', width: 80 },
          {
            title: t('referenceData:calendar.source'),
            dataIndex: 'source',
            render: (source: CalendarYearInfo['source'], y) => (
              <Tag color={SOURCE_COLOURS[source]} data-testid={`calendar-source-${y.year}`}>
                {t(`referenceData:calendar.sources.${source}`)}
              </Tag>
            ),
          },
          { title: t('referenceData:calendar.holidays'), dataIndex: 'holidays', width: 110 },
          { title: t('referenceData:calendar.makeupWorkdays'), dataIndex: 'makeupWorkdays', width: 130 },
          {
            title: t('referenceData:calendar.imported'),
            key: 'imported',
            render: (_: unknown, y) =>
              y.importedAt !== undefined ? `${formatDateTime(y.importedAt, language)} / ${y.importedBy ?? ''}` : '',
          },
          { title: t('referenceData:calendar.note'), dataIndex: 'note' },
        ]}
      />
      <Form<ImportForm>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640, marginTop: 16 }}
        initialValues={{ year: missing[0] ?? new Date().getFullYear() + 1, format: 'csv' }}
        onFinish={(values) => void submit(values)}
      >
        <h4>{t('referenceData:calendar.importTitle')}</h4>
        <Form.Item name="year" label={t('referenceData:calendar.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2099} data-testid="calendar-year" />
        </Form.Item>
        <Form.Item name="format" label={t('referenceData:calendar.format')}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'csv', label: 'CSV' },
              { value: 'json', label: 'JSON' },
            ]}
          />
        </Form.Item>
        <Upload
          accept=".csv,.json,.txt"
          showUploadList={false}
          beforeUpload={(file) => {
            // Read here, never uploaded anywhere: the text goes to the hub with the import call.
            void file.text().then((content) => {
              form.setFieldsValue({ content, format: file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv' });
            });
            return false;
          }}
        >
          <Button>{t('referenceData:calendar.file')}</Button>
        </Upload>
        <Form.Item
          name="content"
          label={t('referenceData:calendar.content')}
          extra={t('referenceData:calendar.contentHelp')}
          rules={[{ required: true }]}
          style={{ marginTop: 8 }}
        >
          <Input.TextArea rows={6} data-testid="calendar-content" />
        </Form.Item>
        <Form.Item name="note" label={t('referenceData:calendar.note')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="calendar-import">
          {t('referenceData:calendar.importButton')}
        </Button>
      </Form>
    </>
  );
}
