import type { ReactNode } from 'react';
import type { Permission } from '@qloop/contracts';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BranchesOutlined,
  CalendarOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  FormOutlined,
  FundOutlined,
  KeyOutlined,
  PartitionOutlined,
  PieChartOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  SendOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ParseKeys } from 'i18next';

/** One entry of the left menu; the same list drives the routes' permission guards. */
export interface NavItem {
  path: string;
  label: ParseKeys;
  icon: ReactNode;
  /** undefined = every signed-in user */
  permission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'menu.home', icon: <DashboardOutlined /> },
  { path: '/dashboard', label: 'menu.dashboard', icon: <FundOutlined />, permission: 'indicators:read' },
  { path: '/warnings', label: 'menu.warnings', icon: <AlertOutlined />, permission: 'warnings:read' },
  { path: '/survey-analysis', label: 'menu.surveyAnalysis', icon: <PieChartOutlined />, permission: 'surveys:read' },
  // the recovery tickets low scores opened: worked by whoever handles tickets, agents included
  { path: '/survey-recoveries', label: 'menu.surveyRecoveries', icon: <CustomerServiceOutlined />, permission: 'tickets:read' },
  // read by everyone with surveys:read; building and publishing needs surveys:manage
  { path: '/surveys', label: 'menu.surveys', icon: <FormOutlined />, permission: 'surveys:read' },
  { path: '/survey-scan-points', label: 'menu.scanPoints', icon: <QrcodeOutlined />, permission: 'surveys:manage' },
  // periodic sampled surveys: followed by everyone who reads surveys, set up by surveys:manage
  { path: '/survey-campaigns', label: 'menu.surveyCampaigns', icon: <SendOutlined />, permission: 'surveys:read' },
  { path: '/tickets', label: 'menu.tickets', icon: <ProfileOutlined />, permission: 'tickets:read' },
  { path: '/tickets/new', label: 'menu.newTicket', icon: <FileAddOutlined />, permission: 'tickets:create' },
  { path: '/org-units', label: 'menu.orgUnits', icon: <ApartmentOutlined />, permission: 'org:read' },
  { path: '/departments', label: 'menu.departments', icon: <ClusterOutlined />, permission: 'org:read' },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'users:read' },
  { path: '/categories', label: 'menu.categories', icon: <PartitionOutlined />, permission: 'categories:manage' },
  { path: '/assignment', label: 'menu.assignment', icon: <BranchesOutlined />, permission: 'assignment:manage' },
  // read by everyone with sla:read (the deadline calculator too); editing needs sla:manage
  { path: '/sla-policies', label: 'menu.slaPolicies', icon: <FieldTimeOutlined />, permission: 'sla:read' },
  { path: '/calendars', label: 'menu.calendars', icon: <CalendarOutlined />, permission: 'sla:read' },
  // read by everyone with indicators:read; editing needs indicators:manage
  { path: '/indicator-library', label: 'menu.indicatorLibrary', icon: <DatabaseOutlined />, permission: 'indicators:read' },
  // read by everyone with warnings:read; editing needs warnings:manage
  { path: '/warning-rules', label: 'menu.warningRules', icon: <ControlOutlined />, permission: 'warnings:read' },
  { path: '/customer-base', label: 'menu.customerBase', icon: <UsergroupAddOutlined />, permission: 'customer_base:read' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit:read' },
  { path: '/api-tokens', label: 'menu.tokens', icon: <KeyOutlined />, permission: 'tokens:manage' },
];
