import { Form, Input } from 'antd';
import { Code, LIMITS } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { zodRule } from './zod-rule';

/**
 * Code, name and optional English name: the identity of a department and of an org unit, which
 * the contracts limit and check the same way. Only the labels differ; the field names are the
 * request body's (`code`, `name`, `nameEn`).
 */
export function CodeNameFields({ labels }: { labels: { code: string; name: string; nameEn: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="code"
        label={labels.code}
        rules={[{ required: true }, zodRule(Code, t('validation.code', { max: LIMITS.codeMax }))]}
      >
        <Input maxLength={LIMITS.codeMax} />
      </Form.Item>
      <Form.Item name="name" label={labels.name} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={LIMITS.nameMax} />
      </Form.Item>
      <Form.Item name="nameEn" label={labels.nameEn}>
        <Input maxLength={LIMITS.nameMax} placeholder={t('common.optional')} />
      </Form.Item>
    </>
  );
}
