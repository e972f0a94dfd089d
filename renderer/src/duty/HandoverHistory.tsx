/** The handover history: period, officer and words of the note; each row opens with its case list. */
import { SearchOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Table, Tag, type GetProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handover, HandoverQuery, HandoverSummary } from '../../../common/shift-schemas.js';
import { call } from '../bridge/index.js';
import { formatDateTime } from '../base/format.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { HandoverCases } from './HandoverCases.js';

type Range = GetProps<typeof DatePicker.RangePicker>['value'];

export function HandoverHistory() {
  const { t } = useTranslation(['duty']);
  const { message } = App.useApp();
  const language = useLanguage();
  const [range, setRange] = useState<Range>(null);
  const [officer, setOfficer] = useState('');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<HandoverSummary[]>([]);
  const [loading, setLoading] = useState(false);

  const run = useCallback(
    (query: HandoverQuery) =>
      call('duty.handovers', query).then(
        ({ items }) => {
          setRows(items);
          setLoading(false);
        },
        (err: unknown) => {
          setLoading(false);
          message.error(errorMessage(err));
        },
      ),
    [message],
  );
  // The latest handovers on opening; later searches are the officer's.
  useEffect(() => void run({ limit: 200 }), [run]);

  const search = () => {
    const query: HandoverQuery = { limit: 200 };
    if (range?.[0]) query.from = range[0].startOf('day').toISOString();
    if (range?.[1]) query.to = range[1].add(1, 'day').startOf('day').toISOString();
    if (officer.trim()) query.officer = officer.trim();
    if (text.trim()) query.text = text.trim();
    setLoading(true);
    void run(query);
  };

  return (
    <div className="duty-history" data-testid="handover-history">
      <Form layout="inline" className="duty-history-filters" onFinish={search}>
        <Form.Item label={t('duty:history.period')}>
          <DatePicker.RangePicker value={range} onChange={setRange} />
        </Form.Item>
        <Form.Item label={t('duty:history.officer')}>
          <Input
            value={officer}
            onChange={(e) => setOfficer(e.target.value)}
            placeholder={t('duty:history.officerPlaceholder')}
            data-testid="history-officer"
            allowClear
          />
        </Form.Item>
        <Form.Item label={t('duty:history.text')}>
          <Input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('duty:history.textPlaceholder')}
            data-testid="history-text"
            allowClear
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="history-search">
          {t('duty:history.search')}
        </Button>
      </Form>
      <Table<HandoverSummary>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: t('duty:history.empty') }}
        pagination={{ pageSize: 20 }}
        onRow={(h) => ({ 'data-testid': 'history-row', 'data-handover-id': h.id }) as never}
        expandable={{ expandedRowRender: (h) => <HistoryCases id={h.id} /> }}
        columns={[
          {
            title: t('duty:history.writtenAt'),
            dataIndex: 'writtenAt',
            render: (at: number) => formatDateTime(at, language),
          },
          { title: t('duty:history.writer'), key: 'writer', render: (_, h) => h.writtenBy.displayName },
          {
            title: t('duty:history.acknowledger'),
            key: 'ack',
            render: (_, h) =>
              h.acknowledgedBy && h.acknowledgedAt ? (
                <span data-testid="history-ack">
                  {t('duty:handover.ackBy', {
                    name: h.acknowledgedBy.displayName,
                    time: formatDateTime(h.acknowledgedAt, language),
                  })}
                </span>
              ) : (
                <Tag color="orange">{t('duty:handover.unacknowledged')}</Tag>
              ),
          },
          { title: t('duty:history.note'), dataIndex: 'note', ellipsis: true },
          { title: t('duty:history.caseCount'), dataIndex: 'caseCount', width: 80 },
        ]}
      />
    </div>
  );
}

function HistoryCases({ id }: { id: string }) {
  const { message } = App.useApp();
  const [handover, setHandover] = useState<Handover | null>(null);
  useEffect(() => {
    void call('duty.handover', { id }).then(setHandover, (err: unknown) => message.error(errorMessage(err)));
  }, [id, message]);
  return handover ? <HandoverCases handover={handover} /> : null;
}
