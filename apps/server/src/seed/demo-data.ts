import type { OrgUnitKind, Role } from '@qloop/contracts';

/**
 * The demo organisation: a provincial operator (省公司) with four city branches (地市分公司), each
 * with stores (营业厅) and a hotline team (班组), the head-office departments of the domain brief,
 * and a user for every role. Names are fictional.
 */
export const DEMO_PASSWORD = 'Qloop#2026';

export type DemoUnit = { code: string; name: string; nameEn: string; kind: OrgUnitKind; parent?: string; customers?: number };

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'JN', name: '江南省公司', nameEn: 'Jiangnan Provincial Company', kind: 'province' },
  { code: 'JN-DZ', name: '东州分公司', nameEn: 'Dongzhou Branch', kind: 'branch', parent: 'JN' },
  { code: 'JN-DZ-S01', name: '东州中山路营业厅', nameEn: 'Dongzhou Zhongshan Rd Store', kind: 'store', parent: 'JN-DZ', customers: 412_000 },
  { code: 'JN-DZ-S02', name: '东州人民路营业厅', nameEn: 'Dongzhou Renmin Rd Store', kind: 'store', parent: 'JN-DZ', customers: 356_000 },
  { code: 'JN-DZ-T01', name: '东州热线班组', nameEn: 'Dongzhou Hotline Team', kind: 'team', parent: 'JN-DZ', customers: 0 },
  { code: 'JN-XZ', name: '西州分公司', nameEn: 'Xizhou Branch', kind: 'branch', parent: 'JN' },
  { code: 'JN-XZ-S01', name: '西州解放路营业厅', nameEn: 'Xizhou Jiefang Rd Store', kind: 'store', parent: 'JN-XZ', customers: 298_000 },
  { code: 'JN-XZ-S02', name: '西州湖滨营业厅', nameEn: 'Xizhou Lakeside Store', kind: 'store', parent: 'JN-XZ', customers: 221_000 },
  { code: 'JN-XZ-T01', name: '西州装维班组', nameEn: 'Xizhou Field Service Team', kind: 'team', parent: 'JN-XZ', customers: 0 },
  { code: 'JN-NZ', name: '南州分公司', nameEn: 'Nanzhou Branch', kind: 'branch', parent: 'JN' },
  { code: 'JN-NZ-S01', name: '南州新城营业厅', nameEn: 'Nanzhou New Town Store', kind: 'store', parent: 'JN-NZ', customers: 187_000 },
  { code: 'JN-NZ-S02', name: '南州港口营业厅', nameEn: 'Nanzhou Harbour Store', kind: 'store', parent: 'JN-NZ', customers: 143_000 },
  { code: 'JN-BZ', name: '北州分公司', nameEn: 'Beizhou Branch', kind: 'branch', parent: 'JN' },
  { code: 'JN-BZ-S01', name: '北州站前营业厅', nameEn: 'Beizhou Station Store', kind: 'store', parent: 'JN-BZ', customers: 166_000 },
  { code: 'JN-BZ-T01', name: '北州热线班组', nameEn: 'Beizhou Hotline Team', kind: 'team', parent: 'JN-BZ', customers: 0 },
];

export const DEMO_DEPARTMENTS = [
  { code: 'QM', name: '品质管理部', nameEn: 'Quality Management' },
  { code: 'CS', name: '客户服务部', nameEn: 'Customer Service' },
  { code: 'MKT', name: '市场部', nameEn: 'Marketing' },
  { code: 'NET', name: '网络运维部', nameEn: 'Network Operations' },
  { code: 'IT', name: '业务支撑部', nameEn: 'Business Support (IT)' },
  { code: 'BILL', name: '计费结算部', nameEn: 'Billing' },
  { code: 'ENT', name: '政企客户部', nameEn: 'Enterprise Customers' },
];

export type DemoUser = { username: string; displayName: string; role: Role; unit: string; departments?: string[]; phone?: string };

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', unit: 'JN', departments: ['IT'] },
  { username: 'qm.li', displayName: '李品管', role: 'quality_manager', unit: 'JN', departments: ['QM'], phone: '13800010001' },
  { username: 'dept.wang', displayName: '王经理(网络运维部)', role: 'dept_manager', unit: 'JN', departments: ['NET'], phone: '13800010002' },
  { username: 'exec.zhao', displayName: '赵总', role: 'executive', unit: 'JN', phone: '13800010003' },
  { username: 'bm.dz', displayName: '陈经理(东州)', role: 'branch_manager', unit: 'JN-DZ', phone: '13900020001' },
  { username: 'bm.xz', displayName: '刘经理(西州)', role: 'branch_manager', unit: 'JN-XZ', phone: '13900020002' },
  { username: 'agent.dz1', displayName: '张晓(东州坐席)', role: 'agent', unit: 'JN-DZ-T01', phone: '13700030001' },
  { username: 'agent.dz2', displayName: '周敏(中山路营业员)', role: 'agent', unit: 'JN-DZ-S01', phone: '13700030002' },
  { username: 'agent.xz1', displayName: '吴磊(西州营业员)', role: 'agent', unit: 'JN-XZ-S01', phone: '13700030003' },
  { username: 'inspector.dz', displayName: '孙质检(东州)', role: 'inspector', unit: 'JN-DZ', departments: ['QM'], phone: '13600040001' },
];
