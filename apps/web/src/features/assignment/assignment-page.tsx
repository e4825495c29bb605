import { Card, Tabs } from 'antd';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { RefreshButton } from '../../components/refresh-button';
import { GroupsTab } from './groups-tab';
import { RulesTab } from './rules-tab';

type Tab = 'groups' | 'rules';

/**
 * 分派规则: the handling groups (queues) and the ordered rules that route new tickets to them.
 * The tab lives in the address, so a reload or a shared link opens the same one.
 */
export default function AssignmentPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'rules' ? 'rules' : 'groups';
  const qc = useQueryClient();
  const fetching = useIsFetching({ predicate: (q) => ['groups', 'assignment-rules'].includes(String(q.queryKey[0])) }) > 0;

  return (
    <>
      <PageHeader
        title={t('assignment.title')}
        subtitle={t('assignment.subtitle')}
        extra={
          <RefreshButton
            fetching={fetching}
            refetch={() => Promise.all([qc.refetchQueries({ queryKey: ['groups'] }), qc.refetchQueries({ queryKey: ['assignment-rules'] })])}
          />
        }
      />
      <Card styles={{ body: { padding: '0 0 8px' } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'groups' ? {} : { tab: k }, { replace: true })}
          tabBarStyle={{ padding: '0 16px' }}
          items={[
            { key: 'groups', label: <span data-testid="tab-groups">{t('assignment.tabGroups')}</span>, children: <GroupsTab /> },
            { key: 'rules', label: <span data-testid="tab-rules">{t('assignment.tabRules')}</span>, children: <RulesTab /> },
          ]}
        />
      </Card>
    </>
  );
}
