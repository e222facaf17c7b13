import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  type CalendarDay,
  type DayOrigin,
  type DayReason,
  isDayOrigin,
  isDayReason,
} from '../../../api/calendar.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { fill } from '../../../i18n/language.js';
import { formatDate } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/useIsPhone.js';

const REASON_COLORS: Record<DayReason, string> = {
  holiday: 'red',
  compensation: 'volcano',
  day_off: 'orange',
  makeup_workday: 'blue',
  weekly_rest: 'default',
  working_day: 'blue',
};

const ORIGIN_COLORS: Record<DayOrigin, string> = {
  law: 'default',
  default: 'gold',
  builtin: 'cyan',
  stored: 'purple',
};

/** Localized day of the week, capitalised: “Thứ hai”, “Monday”. */
export function weekdayName(date: string): string {
  const text = dayjs(date).format('dddd');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ReasonTag({ reason }: { reason: string }) {
  const { t } = useI18n();
  if (!isDayReason(reason)) return <Tag>{reason}</Tag>;
  return <Tag color={REASON_COLORS[reason]}>{t.holidays.reasons[reason]}</Tag>;
}

function OriginTags({ day }: { day: CalendarDay }) {
  const { t } = useI18n();
  return (
    <span className="tag-group">
      {isDayOrigin(day.origin) && (
        <Tag color={ORIGIN_COLORS[day.origin]}>{t.holidays.origins[day.origin]}</Tag>
      )}
      {day.provisional && (
        <Tooltip title={t.holidays.provisionalHint}>
          <Tag color="gold" variant="outlined">
            {t.holidays.provisional}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

/** The day's own name, or the name of its reason when the server gave none. */
function dayName(day: CalendarDay, reasons: Record<DayReason, string>): string {
  return day.name ?? (isDayReason(day.reason) ? reasons[day.reason] : day.reason);
}

function NameWithBasis({ day }: { day: CalendarDay }) {
  const { t } = useI18n();
  return (
    <>
      <div>{dayName(day, t.holidays.reasons)}</div>
      {day.basis && (
        <Typography.Text type="secondary" className="day-basis">
          {t.holidays.basis}: {day.basis}
        </Typography.Text>
      )}
    </>
  );
}

/**
 * Columns of the non-working-day table. Overrides get a delete button when the
 * user may manage the calendar; phones get two stacked columns instead of six.
 */
export function useHolidayColumns(
  canManage: boolean,
  onDelete: (date: string) => Promise<unknown>,
): TableColumnsType<CalendarDay> {
  const { t } = useI18n();
  const isPhone = useIsPhone();

  const actions: TableColumnsType<CalendarDay> = canManage
    ? [
        {
          title: '',
          key: 'actions',
          width: 56,
          render: (_, d) =>
            d.origin === 'stored' && (
              <Popconfirm
                title={fill(t.holidays.deleteConfirm, { date: formatDate(d.date) })}
                okText={t.common.delete}
                cancelText={t.common.cancel}
                onConfirm={() => onDelete(d.date)}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t.common.delete}: ${formatDate(d.date)}`}
                />
              </Popconfirm>
            ),
        },
      ]
    : [];

  if (isPhone) {
    return [
      {
        title: t.holidays.date,
        dataIndex: 'date',
        width: 110,
        render: (d: string) => (
          <>
            <div>{formatDate(d)}</div>
            <Typography.Text type="secondary" className="day-basis">
              {weekdayName(d)}
            </Typography.Text>
          </>
        ),
      },
      {
        title: t.holidays.name,
        dataIndex: 'name',
        render: (_, d) => (
          <div className="day-summary-cell">
            <NameWithBasis day={d} />
            <span>
              <ReasonTag reason={d.reason} />
              <OriginTags day={d} />
            </span>
          </div>
        ),
      },
      ...actions,
    ];
  }

  return [
    { title: t.holidays.date, dataIndex: 'date', render: (d: string) => formatDate(d), width: 110 },
    { title: t.holidays.weekday, dataIndex: 'date', key: 'weekday', render: weekdayName, width: 100 },
    { title: t.holidays.name, dataIndex: 'name', render: (_, d) => <NameWithBasis day={d} /> },
    {
      title: t.holidays.kind,
      dataIndex: 'reason',
      render: (reason: string) => <ReasonTag reason={reason} />,
    },
    {
      title: t.holidays.source,
      key: 'origin',
      render: (_, d) => <OriginTags day={d} />,
    },
    ...actions,
  ];
}
