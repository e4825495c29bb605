/**
 * The category tree seeded on first start: the 3 categories and 19 customer-perception elements of
 * the domain brief (三大类19个客户感知要素) as levels 1 and 2, with common complaint topics as level 3.
 * Administrators edit the tree afterwards; codes stay stable for imports.
 */
export type CategorySeed = { code: string; name: string; nameEn: string; children?: CategorySeed[] };

const leaf = (code: string, name: string, nameEn: string): CategorySeed => ({ code, name, nameEn });

export const CATEGORY_TREE: CategorySeed[] = [
  {
    code: 'N', name: '网络类', nameEn: 'Network',
    children: [
      { code: 'N01', name: '网络覆盖/信号', nameEn: 'Coverage and signal', children: [
        leaf('N01-01', '室内无信号', 'No indoor signal'), leaf('N01-02', '信号弱', 'Weak signal'), leaf('N01-03', '新建小区未覆盖', 'New estate not covered')] },
      { code: 'N02', name: '语音质量', nameEn: 'Voice quality', children: [
        leaf('N02-01', '通话掉话', 'Dropped calls'), leaf('N02-02', '通话杂音', 'Noise on calls'), leaf('N02-03', '无法接通', 'Calls fail to connect')] },
      { code: 'N03', name: '上网质量', nameEn: 'Internet quality', children: [
        leaf('N03-01', '网速慢', 'Slow data'), leaf('N03-02', '无法上网', 'No data service'), leaf('N03-03', '家庭宽带断网', 'Home broadband outage')] },
    ],
  },
  {
    code: 'B', name: '业务类', nameEn: 'Business',
    children: [
      { code: 'B01', name: '资费套餐', nameEn: 'Tariff packages', children: [
        leaf('B01-01', '套餐内容与宣传不符', 'Package differs from what was sold'), leaf('B01-02', '套餐变更受限', 'Package change restricted')] },
      { code: 'B02', name: '价格水平', nameEn: 'Price level', children: [leaf('B02-01', '资费过高', 'Prices too high')] },
      { code: 'B03', name: '促销活动', nameEn: 'Promotions', children: [
        leaf('B03-01', '优惠未兑现', 'Promised discount not given'), leaf('B03-02', '赠品未送达', 'Gift not delivered')] },
      { code: 'B04', name: '新业务', nameEn: 'New services', children: [leaf('B04-01', '新业务开通失败', 'New service activation failed')] },
      { code: 'B05', name: '业务宣传', nameEn: 'Publicity', children: [leaf('B05-01', '宣传误导', 'Misleading publicity')] },
      { code: 'B06', name: '定制终端', nameEn: 'Customised handsets', children: [
        leaf('B06-01', '终端质量问题', 'Handset defect'), leaf('B06-02', '合约机纠纷', 'Contract handset dispute')] },
    ],
  },
  {
    code: 'S', name: '服务类', nameEn: 'Service',
    children: [
      { code: 'S01', name: '计费', nameEn: 'Billing', children: [
        leaf('S01-01', '误收费', 'Wrong charge'), leaf('S01-02', '账单疑问', 'Bill query'), leaf('S01-03', '增值业务扣费', 'Value-added service charge')] },
      { code: 'S02', name: '业务办理', nameEn: 'Business handling', children: [
        leaf('S02-01', '办理不成功', 'Request not completed'), leaf('S02-02', '未经同意开通业务', 'Service opened without consent')] },
      { code: 'S03', name: '提醒服务', nameEn: 'Reminders', children: [leaf('S03-01', '停机未提醒', 'Suspended without reminder')] },
      { code: 'S04', name: '服务人员', nameEn: 'Service staff', children: [
        leaf('S04-01', '服务态度', 'Staff attitude'), leaf('S04-02', '业务不熟练', 'Staff lack knowledge')] },
      { code: 'S05', name: '信息安全', nameEn: 'Information security', children: [
        leaf('S05-01', '个人信息泄露', 'Personal data leak'), leaf('S05-02', '骚扰电话/短信', 'Nuisance calls or SMS')] },
      { code: 'S06', name: '客服热线', nameEn: 'Hotline', children: [
        leaf('S06-01', '热线难接通', 'Hotline hard to reach'), leaf('S06-02', '等待时间长', 'Long waiting time')] },
      { code: 'S07', name: '营业厅服务', nameEn: 'Store service', children: [
        leaf('S07-01', '排队时间长', 'Long queues'), leaf('S07-02', '营业厅环境', 'Store environment')] },
      { code: 'S08', name: '电子渠道服务', nameEn: 'E-channel service', children: [
        leaf('S08-01', 'APP 无法登录', 'App sign-in fails'), leaf('S08-02', '网上营业厅办理失败', 'Online store request failed')] },
      { code: 'S09', name: '充值缴费', nameEn: 'Recharge and payment', children: [
        leaf('S09-01', '充值未到账', 'Top-up not credited'), leaf('S09-02', '缴费失败', 'Payment failed')] },
      { code: 'S10', name: '咨询投诉服务', nameEn: 'Consultation and complaint service', children: [
        leaf('S10-01', '投诉处理不及时', 'Complaint handled late'), leaf('S10-02', '处理结果不满意', 'Unhappy with the result')] },
    ],
  },
];
