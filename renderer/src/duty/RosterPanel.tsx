/** The room's roster as a week grid (Beijing days), with the add-shift form for the room's lead. */
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyRoster } from '../../../common/shift-schemas.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { DAY_MS, beijingClock, beijingDate, beijingWeekStart, shiftTimes, shiftsOfDay, weekDays } from './duty-time.js';
import { useDutyNowStore } from './duty-now-store.js';

const WEEK = 7 * DAY_MS;

interface ShiftForm {
  officerUserId: string;
  date: Dayjs;
  start: Dayjs;
  hours: number;
  note?: string;
}

export function RosterPanel() {
  const { t } = useTranslation(['duty']);
  const { message } = App.useApp();
  const [weekStart, setWeekStart] = useState(() => beijingWeekStart(Date.now()));
  const [roster, setRoster] = useState<DutyRoster | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<ShiftForm>();

  const load = useCallback(
    () =>
      call('duty.roster', {
        from: new Date(weekStart).toISOString(),
        to: new Date(weekStart + WEEK).toISOString(),
      }).then(
        (answer) => {
          setRoster(answer);
          setError(null);
        },
        (err: unknown) => setError(err),
      ),
    [weekStart],
  );
  useEffect(() => void load(), [load]);

  const changed = async () => {
    await load();
    void useDutyNowStore.getState().refresh();
  };

  const add = async (values: ShiftForm) => {
    setSaving(true);
    try {
      const times = shiftTimes(values.date.format('YYYY-MM-DD'), values.start.format('HH:mm'), values.hours);
      await call('duty.addShift', { officerUserId: values.officerUserId, ...times, note: values.note ?? '' });
      message.success(t('duty:roster.saved'));
      form.resetFields(['note']);
      await changed();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (id: string) => {
    try {
      await call('duty.removeShift', { id });
      message.success(t('duty:roster.removed'));
      await changed();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const days = weekDays(weekStart);
  return (
    <div className="duty-roster" data-testid="duty-roster">
      <Space className="duty-roster-nav">
        <Button onClick={() => setWeekStart(weekStart - WEEK)}>{t('duty:roster.prev')}</Button>
        <Button onClick={() => setWeekStart(beijingWeekStart(Date.now()))}>{t('duty:roster.thisWeek')}</Button>
        <Button onClick={() => setWeekStart(weekStart + WEEK)}>{t('duty:roster.next')}</Button>
        <strong>
          {t('duty:roster.week', { from: beijingDate(weekStart), to: beijingDate(weekStart + WEEK - DAY_MS) })}
        </strong>
        {roster ? <span>{roster.roomName}</span> : null}
      </Space>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      <div className="duty-week">
        {days.map((day) => {
          const shifts = roster ? shiftsOfDay(roster.shifts, day) : [];
          return (
            <div key={day} className="duty-day" data-testid="duty-day" data-date={beijingDate(day)}>
              <div className="duty-day-head">{beijingDate(day).slice(5)}</div>
              {shifts.length === 0 ? <div className="duty-day-empty">{t('duty:roster.empty')}</div> : null}
              {shifts.map((s) => (
                <div key={s.id} className="duty-shift" data-testid="duty-shift" data-officer={s.officer.userId}>
                  <div className="duty-shift-time">
                    {t('duty:roster.span', { from: beijingClock(s.startsAt), to: beijingClock(s.endsAt) })}
                  </div>
                  <div className="duty-shift-officer">{s.officer.displayName}</div>
                  {s.note ? <div className="duty-shift-note">{s.note}</div> : null}
                  {roster?.editable ? (
                    <Popconfirm title={t('duty:roster.removeConfirm')} onConfirm={() => void remove(s.id)}>
                      <Button size="small" type="link" danger>
                        {t('duty:roster.remove')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {roster && !roster.editable ? <Alert type="info" showIcon title={t('duty:roster.readOnly')} /> : null}
      {roster?.editable ? (
        <Form
          form={form}
          layout="inline"
          className="duty-shift-form"
          data-testid="duty-shift-form"
          initialValues={{ hours: 12 }}
          onFinish={(values) => void add(values)}
        >
          <Form.Item name="officerUserId" label={t('duty:roster.officer')} rules={[{ required: true }]}>
            <Select
              style={{ minWidth: 140 }}
              data-testid="duty-shift-officer"
              options={roster.officers.map((o) => ({ value: o.userId, label: o.displayName }))}
            />
          </Form.Item>
          <Form.Item name="date" label={t('duty:roster.date')} rules={[{ required: true }]}>
            <DatePicker data-testid="duty-shift-date" />
          </Form.Item>
          <Form.Item name="start" label={t('duty:roster.start')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={15} data-testid="duty-shift-start" />
          </Form.Item>
          <Form.Item name="hours" label={t('duty:roster.hours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={36} data-testid="duty-shift-hours" />
          </Form.Item>
          <Form.Item name="note" label={t('duty:roster.note')}>
            <Input maxLength={200} placeholder={t('duty:roster.notePlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="duty-shift-save">
            {t('duty:roster.save')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
