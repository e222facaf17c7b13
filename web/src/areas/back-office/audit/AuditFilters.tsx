import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Space } from 'antd';
import type { AuditFilter } from '../../../api/audit.js';
import { useI18n } from '../../../i18n/LanguageProvider.js';
import { UnitPicker } from '../units/UnitPicker.js';

type FilterValues = Required<Pick<AuditFilter, 'unitId' | 'action' | 'objectType' | 'objectId'>>;

/** Only the filled-in fields, trimmed: empty ones must not narrow the search. */
function cleanFilter(values: Partial<FilterValues>): AuditFilter {
  const out: AuditFilter = {};
  for (const key of ['unitId', 'action', 'objectType', 'objectId'] as const) {
    const value = values[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** The audit filters: unit (within the user's scope), action and object, applied on submit. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      className="audit-filters"
      onFinish={(values) => onApply(cleanFilter(values))}
      onReset={() => onApply({})}
    >
      <Row gutter={[16, 0]}>
        <Col xs={24} sm={12} xl={6}>
          <Form.Item name="unitId" label={t.audit.unit}>
            <UnitPicker />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Form.Item name="action" label={t.audit.action}>
            <Input allowClear placeholder={t.audit.actionPlaceholder} maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Form.Item name="objectType" label={t.audit.objectType}>
            <Input allowClear placeholder={t.audit.objectTypePlaceholder} maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Form.Item name="objectId" label={t.audit.objectId}>
            <Input allowClear placeholder={t.audit.objectIdPlaceholder} maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<FilterOutlined />}>
          {t.audit.filter}
        </Button>
        <Button htmlType="reset" icon={<ClearOutlined />}>
          {t.audit.clearFilter}
        </Button>
      </Space>
    </Form>
  );
}
