import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title row of a page: title, an optional one-line explanation, and the page's main actions. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {title}
        </Typography.Title>
        {subtitle && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {subtitle}
          </Typography.Text>
        )}
      </div>
      {extra && (
        // Actions keep one row and the explanation wraps instead: a split button row looks broken.
        <Flex gap={8} justify="flex-end" style={{ flexShrink: 0 }}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
