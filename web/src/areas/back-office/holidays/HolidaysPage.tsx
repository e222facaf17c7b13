import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, DatePicker, Row, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type CalendarDay, deleteCalendarOverride, fetchCalendarYear } from '../../../api/calendar.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { fill } from '../../../i18n/language.js';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions.js';
import { useStaffUser } from '../StaffSession.js';
import { AddOverrideCard } from './AddOverrideCard.js';
import { useHolidayColumns } from './holidayColumns.js';

const calendarKey = (year: number) => ['calendar', year] as const;

export function HolidaysPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useStaffUser();
  const canManage = hasPermission(user.permissions, PERMISSIONS.calendarManage);
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => dayjs().year());

  const calendar = useQuery({
    queryKey: calendarKey(year),
    queryFn: ({ signal }) => fetchCalendarYear(year, signal),
  });
  const remove = useMutation({
    mutationFn: (date: string) => deleteCalendarOverride(date),
    onSuccess: () => {
      message.success(t.holidays.deleted);
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });

  const days = [...(calendar.data?.days ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const workdays = days.filter((d) => d.working).length;
  const columns = useHolidayColumns(canManage, (date) => remove.mutateAsync(date));

  const table = (
    <Card
      title={
        <span className="year-picker">
          <label htmlFor="calendar-year">{t.holidays.year}</label>
          <DatePicker
            id="calendar-year"
            picker="year"
            allowClear={false}
            value={dayjs().year(year)}
            onChange={(value) => value && setYear(value.year())}
          />
        </span>
      }
    >
      <ApiErrorAlert error={calendar.error ?? remove.error} className="form-alert" />
      {calendar.data && (
        <Typography.Paragraph type="secondary">
          {fill(t.holidays.countSummary, { off: days.length - workdays, work: workdays })}
        </Typography.Paragraph>
      )}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        loading={calendar.isFetching}
        dataSource={days}
        pagination={false}
        locale={{ emptyText: t.holidays.empty }}
        rowClassName={(d) => (d.working ? 'row-workday' : '')}
        columns={columns}
      />
    </Card>
  );

  return (
    <div className="back-office-page">
      <Typography.Title level={1} className="page-title">
        {t.holidays.title}
      </Typography.Title>
      {canManage ? (
        <Row gutter={[20, 20]}>
          <Col xs={24} xxl={17}>
            {table}
          </Col>
          <Col xs={24} xxl={7}>
            <AddOverrideCard
              onAdded={(addedYear) => {
                setYear(addedYear);
                void queryClient.invalidateQueries({ queryKey: ['calendar'] });
              }}
            />
          </Col>
        </Row>
      ) : (
        <>
          <Alert type="info" showIcon title={t.holidays.readOnly} className="form-alert" />
          {table}
        </>
      )}
    </div>
  );
}
