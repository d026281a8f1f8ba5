import type { PlanTemplate, Strategy } from '@kamap/contracts';
import type { z } from 'zod';

type Tier = 'strategic' | 'core' | 'general';
type Template = z.infer<typeof PlanTemplate>;

/**
 * The starting point of a plan by tier (seed 000/004: the four strategies; seed 001: strategic accounts
 * get executive contact, joint work and a director's eye). Targets start from last year's figures when the
 * plan is created; actions get due dates in the plan year from `monthOfYear` (end of that month).
 */
const ACTIONS: Record<Tier, { strategy: Strategy; title: string; monthOfYear: number; resources: string | null }[]> = {
  strategic: [
    {
      strategy: 'product',
      title: '联合客户技术部门梳理产线升级需求，输出定制化解决方案',
      monthOfYear: 3,
      resources: '方案工程师 2 人',
    },
    { strategy: 'product', title: '新品样机试用与现场验证', monthOfYear: 6, resources: '样机 2 套' },
    { strategy: 'price', title: '签订年度框架价格协议，按采购量阶梯返利', monthOfYear: 2, resources: null },
    { strategy: 'price', title: '半年度价格回顾：对比竞品报价与折扣执行情况', monthOfYear: 7, resources: null },
    {
      strategy: 'promotion',
      title: '邀请客户高层参加大客户俱乐部年度峰会',
      monthOfYear: 5,
      resources: '峰会名额 3 个',
    },
    {
      strategy: 'promotion',
      title: '为客户设备团队提供一次技术培训（增值服务）',
      monthOfYear: 9,
      resources: '讲师 1 人',
    },
    { strategy: 'channel', title: '明确直销覆盖：客户经理 + 技术支持 + 高层对接人', monthOfYear: 1, resources: null },
    { strategy: 'channel', title: '高层互访：我方分管副总拜访客户总经理', monthOfYear: 10, resources: '差旅预算' },
  ],
  core: [
    { strategy: 'product', title: '推荐适配产品组合并提交选型建议', monthOfYear: 4, resources: null },
    { strategy: 'price', title: '按价格敏感度确定折扣策略并报批', monthOfYear: 3, resources: null },
    { strategy: 'promotion', title: '邀请参加区域技术沙龙', monthOfYear: 6, resources: null },
    { strategy: 'channel', title: '确认直销或代理商覆盖方式', monthOfYear: 2, resources: null },
  ],
  general: [
    { strategy: 'product', title: '推送标准产品目录与选型手册', monthOfYear: 3, resources: null },
    { strategy: 'channel', title: '确认由代理商或电话销售覆盖', monthOfYear: 2, resources: null },
  ],
};

const STRATEGIES: Record<Tier, Template['strategies']> = {
  strategic: {
    product: '以解决方案代替单品销售：围绕客户产线升级提供定制化产品和联合研发',
    price: '框架协议锁定年度价格，按量返利；不打价格战，以总拥有成本说服',
    promotion: '俱乐部峰会、技术培训、市场报告等增值服务，加深高层与技术层关系',
    channel: '直销为主，客户经理牵头的客户团队覆盖决策链各角色',
  },
  core: {
    product: '标准产品组合加少量定制',
    price: '依据价格敏感度给予阶梯折扣',
    promotion: '区域沙龙与技术交流',
    channel: '直销或授权代理商覆盖',
  },
  general: {
    product: '标准产品',
    price: '目录价与标准折扣',
    promotion: '线上资料与公开活动',
    channel: '代理商或电话销售',
  },
};

export function planTemplate(tier: Tier): Template {
  const relationship: Template['goals'] =
    tier === 'general'
      ? []
      : [
          { kind: 'relationship', label: '覆盖经济决策者', target: null, role: 'economic_buyer', note: null },
          ...(tier === 'strategic'
            ? [
                {
                  kind: 'relationship' as const,
                  label: '覆盖决策者',
                  target: null,
                  role: 'decision_maker' as const,
                  note: null,
                },
              ]
            : []),
        ];
  return {
    tier,
    goals: [
      { kind: 'revenue', label: '年度销售额', target: null, role: null, note: null },
      ...(tier === 'general'
        ? []
        : [{ kind: 'margin' as const, label: '年度毛利', target: null, role: null, note: null }]),
      ...(tier === 'strategic'
        ? [{ kind: 'share_of_wallet' as const, label: '钱包份额', target: null, role: null, note: null }]
        : []),
      ...relationship,
    ],
    strategies: STRATEGIES[tier],
    actions: ACTIONS[tier],
  };
}

/** The last day of a month of the plan year, as YYYY-MM-DD. */
export function endOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
