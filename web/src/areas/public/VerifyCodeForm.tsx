import { Button, Form, Input, Space } from 'antd';
import { useId } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/LanguageProvider.js';

/** Code box that opens /xac-minh/:code. */
export function VerifyCodeForm({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const inputId = useId();
  const [form] = Form.useForm<{ code: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ code: initialCode }}
      onFinish={({ code }) => navigate(`/xac-minh/${encodeURIComponent(code.trim())}`)}
      className="verify-form"
    >
      <Form.Item label={t.verify.codeLabel} htmlFor={inputId} className="verify-form-item">
        <Space.Compact block>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, whitespace: true, message: t.common.required }]}
          >
            <Input id={inputId} placeholder={t.verify.codePlaceholder} autoComplete="off" maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t.verify.submit}
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}
