import type { Channel, Outcome, Priority, RequestType, TicketState } from '@qloop/contracts';

/** Spreadsheet headings and enum labels for exports, in the two languages of the product. */
type Labels = {
  columns: string[];
  type: Record<RequestType, string>;
  state: Record<TicketState, string>;
  priority: Record<Priority, string>;
  channel: Record<Channel, string>;
  outcome: Record<Outcome, string>;
  yes: string;
};

export const EXPORT_LABELS: Record<'zh-CN' | 'en-US', Labels> = {
  'zh-CN': {
    columns: ['工单编号', '标题', '类型', '状态', '优先级', '渠道', '分类', '组织', '客户', '客户电话', '处理人', '首问负责人', '升级投诉', '重复投诉', '申诉', '受理时间', '关闭时间', '处理结果'],
    type: { consultation: '咨询', business: '业务办理', fault: '故障报修', complaint: '投诉', suggestion: '建议', praise: '表扬' },
    state: { accepted: '受理', assigned: '已分派', in_progress: '处理中', pending: '挂起', answered: '已答复', follow_up: '回访', closed: '已关闭', archived: '已归档', cancelled: '已取消', merged: '已合并' },
    priority: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
    channel: { hotline: '热线', store: '营业厅', web: '网站', app_api: 'APP/接口', e_channel: '电子渠道', social_media: '社交媒体', regulator: '监管转办' },
    outcome: { resolved: '已解决', partly_resolved: '部分解决', not_resolved: '未解决', unreachable: '客户联系不上' },
    yes: '是',
  },
  'en-US': {
    columns: ['Ticket no', 'Title', 'Type', 'State', 'Priority', 'Channel', 'Category', 'Org unit', 'Customer', 'Customer phone', 'Assignee', 'First-contact owner', 'Escalated', 'Repeat', 'Regulator appeal', 'Accepted at', 'Closed at', 'Outcome'],
    type: { consultation: 'Consultation', business: 'Business request', fault: 'Fault repair', complaint: 'Complaint', suggestion: 'Suggestion', praise: 'Praise' },
    state: { accepted: 'Accepted', assigned: 'Assigned', in_progress: 'In progress', pending: 'Pending', answered: 'Answered', follow_up: 'Follow-up', closed: 'Closed', archived: 'Archived', cancelled: 'Cancelled', merged: 'Merged' },
    priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
    channel: { hotline: 'Hotline', store: 'Store', web: 'Web', app_api: 'App/API', e_channel: 'E-channel', social_media: 'Social media', regulator: 'Regulator transfer' },
    outcome: { resolved: 'Resolved', partly_resolved: 'Partly resolved', not_resolved: 'Not resolved', unreachable: 'Customer unreachable' },
    yes: 'yes',
  },
};
