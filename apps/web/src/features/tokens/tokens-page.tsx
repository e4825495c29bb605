import { App, Badge, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { ApiToken } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useRevokeApiToken } from '../../api/tokens';
import { useApiError } from '../../api/use-api-error';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { CreateTokenModal } from './create-token-modal';
import { TokenSecretModal } from './token-secret-modal';

type TokenState = 'valid' | 'revoked' | 'expired';

function stateOf(tok: ApiToken, now: number): TokenState {
  if (tok.revokedAt) return 'revoked';
  if (tok.expiresAt && Date.parse(tok.expiresAt) <= now) return 'expired';
  return 'valid';
}

/** API 令牌: personal tokens for integrations; the secret is shown once, revoking is immediate. */
export default function TokensPage() {
  const { t } = useTranslation();
  const { data, isPending, isFetching, refetch } = useApiTokens();
  const revoke = useRevokeApiToken();
  const showError = useApiError();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [now] = useState(() => Date.now());

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
          <>
            <RefreshButton refetch={refetch} fetching={isFetching} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('tokens.create')}
            </Button>
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ApiToken>
          rowKey="id"
          size="middle"
          loading={isPending}
          dataSource={data ?? []}
          pagination={false}
          scroll={{ x: 1010 }}
          columns={[
            { title: t('tokens.name'), dataIndex: 'name', width: 140, ellipsis: true },
            { title: t('tokens.prefix'), dataIndex: 'prefix', width: 140, render: (p: string) => <code>{p}…</code> },
            {
              title: t('tokens.scopes'),
              dataIndex: 'scopes',
              render: (scopes: ApiToken['scopes']) =>
                scopes.map((s) => (
                  <Tag key={s} style={{ marginBottom: 4 }}>
                    {t(`permission.${s}`)}
                  </Tag>
                )),
            },
            {
              title: t('tokens.status'),
              key: 'state',
              width: 90,
              render: (_, tok) => {
                const s = stateOf(tok, now);
                return (
                  <Badge
                    status={s === 'valid' ? 'success' : s === 'revoked' ? 'error' : 'default'}
                    text={t(`tokens.${s}`)}
                  />
                );
              },
            },
            { title: t('tokens.createdAt'), dataIndex: 'createdAt', width: 135, render: formatDateTime },
            {
              title: t('tokens.expiresAt'),
              dataIndex: 'expiresAt',
              width: 135,
              render: (v: string | null) => (v ? formatDateTime(v) : t('common.never')),
            },
            { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', width: 135, render: formatDateTime },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_, tok) =>
                stateOf(tok, now) === 'revoked' ? null : (
                  <Popconfirm
                    title={t('tokens.revokeConfirm', { name: tok.name })}
                    okText={t('tokens.revoke')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      revoke.mutateAsync(tok.id).then(
                        () => void message.success(t('tokens.revoked')),
                        (e: unknown) => showError(e),
                      )
                    }
                  >
                    <Button type="link" size="small" danger icon={<StopOutlined />}>
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tok) => {
          setCreating(false);
          setSecret(tok.token);
        }}
      />
      <TokenSecretModal secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
