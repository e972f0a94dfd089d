/**
 * The hotline / video-patrol desk's report form (`cases.report`). The point is typed as lon/lat for now (the map
 * issue will let one click it); the hub finds the grid. The receipt shows the new case and any open case nearby
 * that may be the same event, each of which can be opened.
 */
import {
  Alert,
  Button,
  Cascader,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventReceipt } from '../../../common/case-api.js';
import type { OutboxMark } from '../../../common/outbox.js';
import { CASE_GRADES, CASE_SOURCES, type CaseGrade, type CaseSource } from '../../../common/cases.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { formatDateTime } from '../base/format.js';
import { gradeLabel, sourceLabel, statusLabel, unitPath, type UnitIndex } from '../base/labels.js';
import { categoryOptions } from '../base/taxonomy-options.js';

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

interface ReportValues {
  source: CaseSource;
  category: string[];
  grade: CaseGrade;
  lon: number;
  lat: number;
  description: string;
  reporterName?: string;
  reporterPhone?: string;
}

interface NewReportModalProps {
  open: boolean;
  onClose(): void;
  units: UnitIndex;
  /** Where the form's point starts: the centre of the user's unit. */
  defaultCenter: readonly [number, number] | null;
}

export function NewReportModal({ open, onClose, units, defaultCenter }: NewReportModalProps) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  const [form] = Form.useForm<ReportValues>();
  const [receipt, setReceipt] = useState<EventReceipt | null>(null);
  /** The hub was unreachable: the report waits in the console's outbox (no case number until it is sent). */
  const [queued, setQueued] = useState<OutboxMark | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // One key per report being typed: a retry after a lost answer returns the first receipt, never a second case.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const openCase = useBoardStore((s) => s.openCase);
  // Until the map lets one click the spot: the township or village the caller names, at its centre.
  const places = useMemo(
    () =>
      [...units.values()]
        .filter((unit) => unit.level === 'township' || unit.level === 'village')
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((unit) => ({ value: unit.code, label: unitPath(unit.code, units) })),
    [units],
  );

  const reset = () => {
    form.resetFields();
    setReceipt(null);
    setQueued(null);
    setError(null);
    setIdempotencyKey(crypto.randomUUID());
  };
  const close = () => {
    reset();
    onClose();
  };

  const submit = async (values: ReportValues) => {
    setSubmitting(true);
    setError(null);
    const name = values.reporterName?.trim();
    const phone = values.reporterPhone?.trim();
    try {
      const answer = await call('cases.report', {
        idempotencyKey,
        report: {
          source: values.source,
          categoryCode: values.category[1],
          grade: values.grade,
          location: { lon: values.lon, lat: values.lat },
          description: values.description.trim(),
          ...(name || phone ? { reporter: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
        },
      });
      if ('queued' in answer) setQueued(answer.queued);
      else setReceipt(answer);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSubmitting(false);
    }
  };

  const openAndClose = (caseId: string) => {
    close();
    openCase(caseId);
  };

  return (
    <Modal
      open={open}
      title={t('dispatch:report.title')}
      onCancel={close}
      footer={null}
      width={640}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {queued ? (
        <div data-testid="report-queued" data-outbox-id={queued.outboxId}>
          <Result status="warning" title={t('dispatch:report.queued')} subTitle={t('dispatch:report.queuedDetail')} />
          <Space className="report-receipt-actions">
            <Button onClick={reset} data-testid="report-another">
              {t('dispatch:report.another')}
            </Button>
            <Button onClick={close}>{t('dispatch:report.close')}</Button>
          </Space>
        </div>
      ) : receipt ? (
        <div data-testid="report-receipt" data-case-id={receipt.caseId}>
          <Result
            status="success"
            title={t('dispatch:report.received', { caseNo: receipt.caseNo })}
            subTitle={[
              statusLabel(receipt.status, language),
              unitPath(receipt.gridCode, units) || receipt.gridCode,
              receipt.dueAt !== undefined
                ? t('dispatch:report.due', { time: formatDateTime(receipt.dueAt, language) })
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
          {receipt.duplicates.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('dispatch:report.duplicates', { count: receipt.duplicates.length })}
              description={
                <ul className="report-duplicates">
                  {receipt.duplicates.map((dup) => (
                    <li key={dup.caseId} data-testid="report-duplicate" data-case-id={dup.caseId}>
                      <span>
                        {t('dispatch:report.duplicate', {
                          caseId: dup.caseId,
                          distance: Math.round(dup.distanceM),
                          time: formatDateTime(dup.reportedAt, language),
                          status: statusLabel(dup.status, language),
                        })}
                      </span>
                      <Button size="small" onClick={() => openAndClose(dup.caseId)}>
                        {t('dispatch:report.openDuplicate')}
                      </Button>
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Space className="report-receipt-actions">
            <Button type="primary" onClick={() => openAndClose(receipt.caseId)} data-testid="report-open">
              {t('dispatch:report.openNew')}
            </Button>
            <Button onClick={reset} data-testid="report-another">
              {t('dispatch:report.another')}
            </Button>
            <Button onClick={close}>{t('dispatch:report.close')}</Button>
          </Space>
        </div>
      ) : (
        <Form<ReportValues>
          form={form}
          layout="vertical"
          data-testid="report-form"
          requiredMark={false}
          initialValues={{
            source: 'hotline',
            grade: 'routine',
            lon: defaultCenter ? round6(defaultCenter[0]) : undefined,
            lat: defaultCenter ? round6(defaultCenter[1]) : undefined,
          }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item name="source" label={t('dispatch:report.source')} rules={[{ required: true }]}>
            <Select
              data-testid="report-source"
              options={CASE_SOURCES.map((source) => ({ value: source, label: sourceLabel(source, language) }))}
            />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('dispatch:report.category')}
            rules={[{ required: true, type: 'array', len: 2, message: t('dispatch:report.categoryRequired') }]}
          >
            <Cascader
              options={categoryOptions(language)}
              showSearch
              placeholder={t('dispatch:report.categoryPlaceholder')}
              data-testid="report-category"
            />
          </Form.Item>
          <Form.Item name="grade" label={t('dispatch:report.grade')}>
            <Radio.Group optionType="button" data-testid="report-grade">
              {CASE_GRADES.map((grade) => (
                <Radio key={grade} value={grade} data-testid={`report-grade-${grade}`}>
                  {gradeLabel(grade, language)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('dispatch:report.place')} extra={t('dispatch:report.placeHint')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              placeholder={t('dispatch:report.placePlaceholder')}
              options={places}
              onChange={(code: string | undefined) => {
                const unit = code ? units.get(code) : undefined;
                if (unit) form.setFieldsValue({ lon: round6(unit.center[0]), lat: round6(unit.center[1]) });
              }}
              data-testid="report-place"
            />
          </Form.Item>
          <Space.Compact block className="report-point">
            <Form.Item
              name="lon"
              label={t('dispatch:report.lon')}
              rules={[
                { required: true, type: 'number', min: -180, max: 180, message: t('dispatch:report.lonInvalid') },
              ]}
            >
              <InputNumber step={0.0001} precision={6} data-testid="report-lon" />
            </Form.Item>
            <Form.Item
              name="lat"
              label={t('dispatch:report.lat')}
              rules={[{ required: true, type: 'number', min: -90, max: 90, message: t('dispatch:report.latInvalid') }]}
            >
              <InputNumber step={0.0001} precision={6} data-testid="report-lat" />
            </Form.Item>
          </Space.Compact>
          <Form.Item
            name="description"
            label={t('dispatch:report.description')}
            rules={[{ required: true, whitespace: true, message: t('dispatch:report.descriptionRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="report-description" />
          </Form.Item>
          <Space size={12} className="report-reporter">
            <Form.Item name="reporterName" label={t('dispatch:report.reporterName')}>
              <Input maxLength={64} data-testid="report-reporter-name" />
            </Form.Item>
            <Form.Item name="reporterPhone" label={t('dispatch:report.reporterPhone')}>
              <Input maxLength={32} data-testid="report-reporter-phone" />
            </Form.Item>
          </Space>
          {error ? (
            <Alert type="error" showIcon title={error} data-testid="report-error" className="report-error" />
          ) : null}
          <Typography.Paragraph type="secondary">{t('dispatch:report.hint')}</Typography.Paragraph>
          <Space>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="report-submit">
              {t('dispatch:report.submit')}
            </Button>
            <Button onClick={close}>{t('dispatch:report.cancel')}</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
