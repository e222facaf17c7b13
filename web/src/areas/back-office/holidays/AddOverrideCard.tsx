import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { addCalendarOverride, type CalendarOverride } from '../../../api/calendar.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { DATE_FORMAT } from '../../../lib/format.js';

interface OverrideForm {
  date: Dayjs;
  kind: CalendarOverride['kind'];
  holidayId?: NonNullable<CalendarOverride['holidayId']>;
  name: string;
  basis: string;
}

const HOLIDAY_GROUPS = ['tet_am_lich', 'quoc_khanh'] as const;

/** Form adding a day off or a make-up workday for one date. */
export function AddOverrideCard({ onAdded }: { onAdded: (year: number) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideForm>();
  const add = useMutation({
    mutationFn: (body: CalendarOverride) => addCalendarOverride(body),
    onSuccess: (_, body) => {
      message.success(t.holidays.added);
      form.resetFields();
      onAdded(Number(body.date.slice(0, 4)));
    },
  });
  return (
    <Card title={t.holidays.addTitle} className="add-override-card">
      <ApiErrorAlert error={add.error} className="form-alert" />
      <Form<OverrideForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'day_off' }}
        disabled={add.isPending}
        onFinish={(v) =>
          add.mutate({
            date: v.date.format('YYYY-MM-DD'),
            kind: v.kind,
            name: v.name.trim(),
            basis: v.basis.trim(),
            ...(v.kind === 'day_off' && v.holidayId ? { holidayId: v.holidayId } : {}),
          })
        }
      >
        <Form.Item
          name="date"
          label={t.holidays.date}
          rules={[{ required: true, message: t.common.required }]}
        >
          <DatePicker format={DATE_FORMAT} className="full-width" />
        </Form.Item>
        <Form.Item name="kind" label={t.holidays.kind}>
          <Radio.Group
            options={[
              { value: 'day_off', label: t.holidays.kindDayOff },
              { value: 'workday', label: t.holidays.kindWorkday },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'day_off' && (
              <Form.Item name="holidayId" label={t.holidays.holidayGroup} extra={t.holidays.holidayGroupHelp}>
                <Select
                  allowClear
                  options={HOLIDAY_GROUPS.map((id) => ({ value: id, label: t.holidays.holidayGroups[id] }))}
                />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item
          name="name"
          label={t.holidays.name}
          rules={[{ required: true, whitespace: true, message: t.common.required }]}
        >
          <Input maxLength={200} placeholder={t.holidays.namePlaceholder} />
        </Form.Item>
        <Form.Item
          name="basis"
          label={t.holidays.basis}
          rules={[{ required: true, whitespace: true, message: t.common.required }]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t.holidays.basisPlaceholder}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
          {t.holidays.add}
        </Button>
      </Form>
    </Card>
  );
}
