import { Col, Descriptions, Row, Table, Typography } from 'antd';
import type { AuditEntry } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../components/format';
import { diffSnapshots, showValue, type FieldChange } from './json-diff';

/** Expanded audit row: the hash-chain link, the changed fields, and both snapshots side by side. */
export function AuditEntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = diffSnapshots(entry.before, entry.after);
  const hasSnapshots = entry.before != null || entry.after != null;

  return (
    <div style={{ padding: '4px 8px' }}>
      <Descriptions
        size="small"
        column={3}
        bordered
        items={[
          { key: 'chain', label: t('audit.chain'), children: entry.chain },
          { key: 'seq', label: t('audit.seq'), children: entry.seq },
          { key: 'at', label: t('audit.at'), children: formatDateTimeSeconds(entry.at) },
          { key: 'hash', label: t('audit.hash'), span: 3, children: <Typography.Text code copyable>{entry.hash}</Typography.Text> },
          { key: 'prev', label: t('audit.prevHash'), span: 3, children: <Typography.Text code>{entry.prevHash}</Typography.Text> },
          { key: 'req', label: t('audit.requestId'), children: entry.requestId ?? '—' },
          { key: 'ip', label: t('audit.ip'), children: entry.ip ?? '—' },
          { key: 'entity', label: t('audit.entityId'), children: entry.entityId ?? '—' },
        ]}
      />
      {hasSnapshots && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('audit.changes')}
          </Typography.Title>
          <Table<FieldChange>
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={changes}
            rowClassName={(r) => (r.changed ? 'qloop-diff-changed' : '')}
            locale={{ emptyText: t('audit.noChanges') }}
            columns={[
              { title: t('audit.field'), dataIndex: 'field', width: 180, render: (f: string) => <code>{f}</code> },
              { title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => <Cell v={v} /> },
              { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => <Cell v={v} /> },
            ]}
          />
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={12}>
              <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
              <pre className="qloop-json">{entry.before == null ? 'null' : JSON.stringify(entry.before, null, 2)}</pre>
            </Col>
            <Col span={12}>
              <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
              <pre className="qloop-json">{entry.after == null ? 'null' : JSON.stringify(entry.after, null, 2)}</pre>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}

function Cell({ v }: { v: unknown }) {
  return (
    <Typography.Text style={{ wordBreak: 'break-all', fontSize: 12 }} type={v === undefined ? 'secondary' : undefined}>
      {showValue(v)}
    </Typography.Text>
  );
}
