import { Col, Form, Row, Select, TreeSelect } from 'antd';
import { CHANNELS, REQUEST_TYPES, TICKET_MEASURES } from '@qloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategoryTree, type CategoryOption } from '../tickets/categories';

/** Any level of the category tree narrows a formula (the top level too: 服务类 and all below). */
const selectableTree = (nodes: CategoryOption[]): CategoryOption[] =>
  nodes.map((n) => ({
    ...n,
    selectable: true,
    children: n.children ? selectableTree(n.children) : undefined,
  }));

/**
 * One part of a formula: a measure of the daily ticket rollups, narrowed to request types, channels
 * and categories (each with its subcategories). Empty narrowing = all.
 */
export function MeasureFilterFields({
  name,
  disabled,
}: {
  name: 'numerator' | 'denominator';
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const categories = useCategoryTree();
  const tree = useMemo(() => selectableTree(categories.tree), [categories.tree]);
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name={[name, 'measure']} label={t('indicatorLib.measure')} rules={[{ required: true }]}>
          <Select
            disabled={disabled}
            options={TICKET_MEASURES.map((m) => ({ value: m, label: t(`indicatorLib.measure_${m}`) }))}
            data-testid={`formula-${name}-measure`}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={[name, 'types']} label={t('indicatorLib.types')}>
          <Select
            mode="multiple"
            allowClear
            disabled={disabled}
            placeholder={t('indicatorLib.anyType')}
            options={REQUEST_TYPES.map((x) => ({ value: x, label: t(`ticketType.${x}`) }))}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={[name, 'channels']} label={t('indicatorLib.channels')}>
          <Select
            mode="multiple"
            allowClear
            disabled={disabled}
            placeholder={t('indicatorLib.anyChannel')}
            options={CHANNELS.map((x) => ({ value: x, label: t(`channel.${x}`) }))}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={[name, 'categoryIds']} label={t('indicatorLib.categories')}>
          <TreeSelect
            multiple
            allowClear
            disabled={disabled}
            treeData={tree}
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('indicatorLib.anyCategory')}
            maxTagCount="responsive"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
