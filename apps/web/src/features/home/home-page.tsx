import { Card, Col, Descriptions, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, ClusterOutlined, TeamOutlined } from '@ant-design/icons';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAudit } from '../../api/audit';
import { useDepartments } from '../../api/departments';
import { useOrgUnits } from '../../api/org-units';
import { useMe } from '../../api/session';
import { useUsers } from '../../api/users';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { useOrgName } from '../../components/org-tree';
import { useCan } from '../../components/require-permission';
import { OrgKindChart, UsersByRoleChart } from './home-charts';
import { LatestAudit } from './latest-audit';

/** One headline figure of the dashboard, in its own card. */
function StatCard(props: { span: number; title: string; value: number; loading: boolean; icon: ReactNode }) {
  return (
    <Col span={props.span}>
      <Card>
        <Statistic title={props.title} value={props.value} loading={props.loading} prefix={props.icon} />
      </Card>
    </Col>
  );
}

/** 工作台: who I am, and the size of what I look after — every figure is a live API answer. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const orgName = useOrgName();
  const { orgUnitId, orgUnit } = useOrgUnitScope();
  const units = useOrgUnits();
  const departments = useDepartments(can('org:read'));
  const users = useUsers({ page: 1, pageSize: 1, orgUnitId }, can('users:read'));
  const activeUsers = useUsers({ page: 1, pageSize: 1, orgUnitId, active: true }, can('users:read'));
  const audit = useAudit({ page: 1, pageSize: 6 }, can('audit:read'));
  const unitName = orgUnit ? orgName(orgUnit) : me.orgUnitName;

  const unitsInScope = useMemo(() => {
    // the selected unit and everything under it
    const all = units.data ?? [];
    return all.filter((u) => u.path.includes(orgUnitId));
  }, [units.data, orgUnitId]);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="welcome">
              {t('home.greeting', { name: me.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('home.intro', { unit: unitName })}</Typography.Text>
          </div>
          <Descriptions
            size="small"
            column={3}
            style={{ maxWidth: 620 }}
            items={[
              { key: 'role', label: t('home.role'), children: <Tag color="blue">{t(`role.${me.role}`)}</Tag> },
              { key: 'org', label: t('home.orgUnit'), children: me.orgUnitName },
              {
                key: 'scope',
                label: t('home.scope'),
                children: me.provinceWide ? t('home.provinceWide') : t('home.subtree'),
              },
            ]}
          />
        </Flex>
      </Card>

      <Row gutter={16}>
        <StatCard
          span={can('users:read') ? 6 : 12}
          title={t('home.orgUnits')}
          value={unitsInScope.length}
          loading={units.isPending}
          icon={<ApartmentOutlined />}
        />
        <StatCard
          span={can('users:read') ? 6 : 12}
          title={t('home.departments')}
          value={departments.data?.length ?? 0}
          loading={departments.isPending}
          icon={<ClusterOutlined />}
        />
        {can('users:read') && (
          <>
            <StatCard
              span={6}
              title={t('home.users')}
              value={users.data?.total ?? 0}
              loading={users.isPending}
              icon={<TeamOutlined />}
            />
            <StatCard
              span={6}
              title={t('home.activeUsers')}
              value={activeUsers.data?.total ?? 0}
              loading={activeUsers.isPending}
              icon={<TeamOutlined />}
            />
          </>
        )}
      </Row>

      <Row gutter={16}>
        {can('users:read') && (
          <Col span={can('audit:read') ? 14 : 24}>
            <Card title={t('home.usersByRole')}>
              <UsersByRoleChart orgUnitId={orgUnitId} />
            </Card>
          </Col>
        )}
        {!can('users:read') && (
          <Col span={can('audit:read') ? 14 : 24}>
            <Card title={t('home.orgUnitsByKind')}>
              <OrgKindChart units={unitsInScope} />
            </Card>
          </Col>
        )}
        {can('audit:read') && (
          <Col span={10}>
            <Card title={t('home.latestAudit')} extra={<Link to="/audit">{t('common.viewAll')}</Link>}>
              <LatestAudit entries={audit.data?.items} loading={audit.isPending} />
            </Card>
          </Col>
        )}
      </Row>

      <Card title={t('home.permissions')} size="small">
        <Flex wrap gap={8}>
          {me.permissions.map((p) => (
            <Tag key={p} color="geekblue">
              {t(`permission.${p}`)}
            </Tag>
          ))}
        </Flex>
      </Card>
    </Flex>
  );
}
