import type { CareConfig, Tier } from '@kamap/contracts';
import { eq, sql } from 'drizzle-orm';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDate, isoDateOrNull, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { insertTasks } from '../tasks/index.js';
import { careConfig } from './care.table.js';
import { nextOccurrence } from './lunar.js';

export const defaultCareConfig: CareConfig = {
  revisitDays: { strategic: 14, core: 30, general: 90 },
  leadDays: 7,
  festivalTiers: ['strategic', 'core'],
  festivals: [
    { key: 'new_year', name: '元旦', calendar: 'solar', month: 1, day: 1, enabled: true },
    { key: 'spring_festival', name: '春节', calendar: 'lunar', month: 1, day: 1, enabled: true },
    { key: 'lantern', name: '元宵节', calendar: 'lunar', month: 1, day: 15, enabled: true },
    { key: 'dragon_boat', name: '端午节', calendar: 'lunar', month: 5, day: 5, enabled: true },
    { key: 'mid_autumn', name: '中秋节', calendar: 'lunar', month: 8, day: 15, enabled: true },
    { key: 'national_day', name: '国庆节', calendar: 'solar', month: 10, day: 1, enabled: true },
  ],
  anniversaries: true,
};

export async function loadCareConfig(db: Db): Promise<{ config: CareConfig; version: number }> {
  const [row] = await db.select().from(careConfig).where(eq(careConfig.key, 'default'));
  return row ? { config: row.config as CareConfig, version: row.version } : { config: defaultCareConfig, version: 1 };
}

export async function getCareConfig(ctx: Ctx) {
  return loadCareConfig(ctx.db);
}

export async function updateCareConfig(ctx: Ctx, input: { config: CareConfig; version: number }) {
  assertCan(ctx.user, 'care.configure');
  const keys = input.config.festivals.map((f) => f.key);
  const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (dup >= 0) throw AppError.invalid(`body.config.festivals.${dup}.key`, 'used twice');
  input.config.festivals.forEach((f, i) => {
    const max = f.calendar === 'lunar' ? 30 : new Date(Date.UTC(2024, f.month, 0)).getUTCDate();
    if (f.day > max)
      throw AppError.invalid(`body.config.festivals.${i}.day`, `month ${f.month} has at most ${max} days`);
  });
  await ctx.db.transaction(async (tx) => {
    const current = await loadCareConfig(tx);
    if (current.version !== input.version) throw AppError.staleVersion('Care configuration');
    await tx
      .insert(careConfig)
      .values({ key: 'default', config: input.config, version: input.version + 1, updatedBy: ctx.user.id })
      .onConflictDoUpdate({
        target: careConfig.key,
        set: { config: input.config, version: input.version + 1, updatedBy: ctx.user.id, updatedAt: new Date() },
      });
    await audit(withDb(ctx, tx), 'care.configure', 'care_config', null, { version: input.version + 1 });
  });
  return loadCareConfig(ctx.db);
}

const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
const CHINA_DAY = sql`'Asia/Shanghai'`;

type AccountRow = {
  id: string;
  name: string;
  owner_id: string;
  tier: Tier | null;
  last_touch: unknown;
  first_order: unknown;
  key_contact_id: string | null;
  key_contact_name: string | null;
};

type Source = 'revisit' | 'birthday' | 'festival' | 'anniversary';
type NewTask = Parameters<typeof insertTasks>[1][number];

/**
 * The daily care job (DOMAIN.md, care): for every active account with an owner, a revisit task when
 * the tier's cadence has passed since the last interaction or done care task; and, `leadDays` ahead,
 * birthdays (lunar ones converted to this year's date), festivals for the configured tiers, and
 * first-order anniversaries (contracts do not exist yet). Each task has a reason key, and a reason
 * and day never get two tasks, so the job can run any number of times a day.
 */
export async function runCare(db: Db, asOf: string) {
  const { config } = await loadCareConfig(db);
  const horizon = addDays(asOf, config.leadDays);
  const accounts = await rows<AccountRow>(
    db,
    sql`with latest as (select id from analysis_runs where status = 'done' order by finished_at desc nulls last, started_at desc limit 1)
        select a.id, a.name, a.owner_id, ar.tier,
          greatest(
            (select max((i.occurred_at at time zone ${CHINA_DAY})::date) from interactions i where i.account_id = a.id and i.archived_at is null),
            (select max((coalesce(t.done_at, t.updated_at) at time zone ${CHINA_DAY})::date) from tasks t
              where t.account_id = a.id and t.source_kind = 'revisit' and t.status in ('done', 'skipped')),
            coalesce(a.first_contact_date, (a.created_at at time zone ${CHINA_DAY})::date)
          ) as last_touch,
          (select min(o.order_date) from orders o where o.account_id = a.id and o.archived_at is null and o.status <> 'cancelled') as first_order,
          kc.id as key_contact_id, kc.name as key_contact_name
        from accounts a
        left join analysis_results ar on ar.run_id = (select id from latest) and ar.account_id = a.id
        left join lateral (select c.id, c.name from contacts c where c.account_id = a.id and c.archived_at is null
                           order by c.influence desc nulls last, c.id limit 1) kc on true
        where a.owner_id is not null and a.archived_at is null and a.lifecycle = 'active'`,
  );
  const open = new Set(
    (
      await rows<{ reason_key: string }>(
        db,
        sql`select distinct reason_key from tasks where reason_key like 'revisit:%' and status in ('open', 'snoozed')`,
      )
    ).map((r) => r.reason_key),
  );
  const planned: (NewTask & { sourceKind: Source })[] = [];
  const byAccount = new Map(accounts.map((a) => [a.id, a]));

  for (const a of accounts) {
    const tier = a.tier ?? 'general';
    const cadence = config.revisitDays[tier] ?? 90;
    const lastTouch = isoDateOrNull(a.last_touch);
    const due = lastTouch ? addDays(lastTouch, cadence) : asOf;
    const key = `revisit:${a.id}`;
    if (due <= horizon && !open.has(key)) {
      planned.push({
        accountId: a.id,
        ownerId: a.owner_id,
        kind: 'care',
        title: '定期回访',
        templateKey: lastTouch ? 'revisit' : 'revisit_first',
        templateParams: { tier, cadence, lastTouch },
        suggestedAction: lastTouch
          ? `按${tierName[tier]}客户${cadence}天的回访节奏，上次联系是 ${lastTouch}；安排拜访或电话，了解近况与新需求`
          : `尚无联系记录；安排首次拜访`,
        dueDate: due < asOf ? asOf : due,
        sourceKind: 'revisit',
        sourceId: a.id,
        contactId: a.key_contact_id,
        reasonKey: key,
      });
    }
    if (config.anniversaries && a.first_order) {
      const first = isoDate(a.first_order);
      const next = nextOccurrence('solar', Number(first.slice(5, 7)), Number(first.slice(8, 10)), asOf);
      const years = Number(next.slice(0, 4)) - Number(first.slice(0, 4));
      if (years >= 1 && next <= horizon)
        planned.push({
          accountId: a.id,
          ownerId: a.owner_id,
          kind: 'care',
          title: `合作 ${years} 周年`,
          templateKey: 'anniversary',
          templateParams: { years, firstOrder: first },
          suggestedAction: `首单日期 ${first}（合同模块上线前以首单为合作起点）；致信感谢合作，回顾一年成果`,
          dueDate: next,
          sourceKind: 'anniversary',
          sourceId: a.id,
          contactId: a.key_contact_id,
          reasonKey: `anniversary:${a.id}`,
        });
    }
    if (config.festivalTiers.includes(tier)) {
      for (const f of config.festivals.filter((x) => x.enabled)) {
        const day = nextOccurrence(f.calendar, f.month, f.day, asOf);
        if (day > horizon) continue;
        planned.push({
          accountId: a.id,
          ownerId: a.owner_id,
          kind: 'care',
          title: `${f.name}问候`,
          templateKey: a.key_contact_name ? 'festival' : 'festival_no_contact',
          templateParams: { festival: f.key, festivalName: f.name, contact: a.key_contact_name },
          suggestedAction: a.key_contact_name
            ? `向${a.key_contact_name}等关键联系人致${f.name}祝福；按公司礼品政策安排礼品`
            : `向客户关键联系人致${f.name}祝福`,
          dueDate: day,
          sourceKind: 'festival',
          sourceId: a.id,
          contactId: a.key_contact_id,
          reasonKey: `festival:${f.key}:${a.id}`,
        });
      }
    }
  }

  const people = await rows<{
    id: string;
    name: string;
    account_id: string;
    owner_id: string | null;
    birthday: unknown;
    birthday_calendar: 'solar' | 'lunar' | null;
  }>(
    db,
    sql`select c.id, c.name, c.account_id, c.relationship_owner_id as owner_id, c.birthday, c.birthday_calendar
        from contacts c where c.birthday is not null and c.archived_at is null`,
  );
  for (const p of people) {
    const account = byAccount.get(p.account_id);
    if (!account) continue;
    const born = isoDate(p.birthday);
    const calendar = p.birthday_calendar ?? 'solar';
    const day = nextOccurrence(calendar, Number(born.slice(5, 7)), Number(born.slice(8, 10)), asOf);
    if (day > horizon) continue;
    planned.push({
      accountId: p.account_id,
      ownerId: p.owner_id ?? account.owner_id,
      kind: 'care',
      title: `${p.name}生日${calendar === 'lunar' ? `（农历${lunarLabel(born)}）` : ''}`,
      templateKey: calendar === 'lunar' ? 'birthday_lunar' : 'birthday',
      templateParams: {
        contact: p.name,
        day,
        lunarMonth: Number(born.slice(5, 7)),
        lunarDay: Number(born.slice(8, 10)),
        lunarLabel: lunarLabel(born),
      },
      suggestedAction: `${day} 是${p.name}的生日；发送祝福，按其喜好准备小礼物`,
      dueDate: day,
      sourceKind: 'birthday',
      sourceId: p.id,
      contactId: p.id,
      reasonKey: `birthday:${p.id}`,
    });
  }

  const created: Record<string, number> = { revisit: 0, birthday: 0, festival: 0, anniversary: 0 };
  for (let i = 0; i < planned.length; i += 500) {
    const batch = planned.slice(i, i + 500);
    const ids = new Set(await insertTasks(db, batch));
    if (!ids.size) continue;
    const made = await rows<{ source_kind: string; n: number }>(
      db,
      sql`select source_kind, count(*)::int as n from tasks where id in (${sql.join(
        [...ids].map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) group by source_kind`,
    );
    for (const m of made) created[m.source_kind] = (created[m.source_kind] ?? 0) + m.n;
  }
  return { asOf, created };
}

const tierName: Record<Tier, string> = { strategic: '战略', core: '核心', general: '一般' };
const lunarMonths = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const lunarDays = ['初', '十', '廿', '三'];
const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 八月十五, 正月初一, 腊月廿三: a lunar month and day as people say them. */
export function lunarLabel(born: string): string {
  const month = Number(born.slice(5, 7));
  const day = Number(born.slice(8, 10));
  const name =
    day === 10
      ? '初十'
      : day === 20
        ? '二十'
        : day === 30
          ? '三十'
          : `${lunarDays[Math.floor(day / 10)]}${digits[day % 10]}`;
  return `${lunarMonths[month - 1]}月${name}`;
}

export async function runCareNow(ctx: Ctx, asOf: string) {
  assertCan(ctx.user, 'care.configure');
  const result = await runCare(ctx.db, asOf);
  await audit(ctx, 'care.run', 'care_config', null, { asOf, created: result.created });
  return result;
}
