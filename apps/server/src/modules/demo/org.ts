import type { Role } from '@kamap/contracts';
import type { Session } from '../../platform/db/session.js';
import { insertOrgUnit } from '../org/index.js';
import { insertUser } from '../users/index.js';
import type { Sink } from './bulk.js';
import { OUR_COMPANY } from './catalog.js';
import { BRANCHES, type Province, REGIONS } from './geography.js';
import { personName } from './names.js';
import { createRng } from './random.js';

export const DEMO_PASSWORD = 'kamap-demo';

/** Staff without a login get a hash no password can match (verifyPassword only accepts scrypt$…). */
const NO_LOGIN = 'disabled$';

/** Portfolio size a KAM carries; a branch gets as many KAMs as its accounts need. */
const PORTFOLIO = 70;

export type Staff = {
  id: string;
  username: string;
  name: string;
  role: Role;
  unit: string;
  region: string;
  login: boolean;
};
export type LoginName = 'admin' | 'director' | 'kam' | 'kam2' | 'service' | 'agent' | 'analyst';

export type OrgPlan = {
  unitIds: Map<string, string>;
  units: { code: string; name: string; parent: string | null }[];
  staff: Staff[];
  login: Record<LoginName, Staff>;
  /** KAMs who own accounts, per org unit. */
  owners: Map<string, Staff[]>;
  /** Sales reps per org unit, team members of bigger accounts. */
  sales: Map<string, Staff[]>;
  service: Map<string, Staff[]>;
  technical: Map<string, Staff[]>;
  directors: Map<string, Staff>;
};

export const unitOfProvince = (p: Province): string => p.branch ?? p.region;

export function regionOfUnit(unit: string): string {
  return BRANCHES.find((b) => b.code === unit)?.region ?? unit;
}

/** Org units 总部 → 大区 → 分公司, and the people who work there, sized by where the accounts are. */
export function planOrg(seed: number, accountsPerUnit: Map<string, number>): OrgPlan {
  const rng = createRng(seed, 'org');
  const units: OrgPlan['units'] = [
    { code: 'HQ', name: '总部', parent: null },
    ...REGIONS.map((r) => ({ code: r.code, name: r.name, parent: 'HQ' })),
    ...BRANCHES.map((b) => ({ code: b.code, name: b.name, parent: b.region })),
  ];
  const unitIds = new Map(units.map((u) => [u.code, rng.uuid()]));
  const staff: Staff[] = [];
  const usernames = new Set<string>();

  const hire = (role: Role, unit: string, opts: { username?: string; name?: string } = {}): Staff => {
    const person = personName(rng, 0.3);
    let username = opts.username ?? `${person.surnamePinyin}.${person.givenPinyin}`;
    for (let n = 2; usernames.has(username); n++) username = `${person.surnamePinyin}.${person.givenPinyin}${n}`;
    usernames.add(username);
    const member: Staff = {
      id: rng.uuid(),
      username,
      name: opts.name ?? person.name,
      role,
      unit,
      region: unit === 'HQ' ? 'HQ' : regionOfUnit(unit),
      login: opts.username !== undefined,
    };
    staff.push(member);
    return member;
  };

  const login: Record<LoginName, Staff> = {
    admin: hire('admin', 'HQ', { username: 'admin', name: '系统管理员' }),
    director: hire('director', 'EAST', { username: 'director', name: '周建华' }),
    kam: hire('kam', 'EAST-SH', { username: 'kam', name: '李明轩' }),
    kam2: hire('kam', 'SOUTH-GD', { username: 'kam2', name: '陈思远' }),
    service: hire('service', 'EAST', { username: 'service', name: '王晓燕' }),
    agent: hire('agent', 'EAST-JS', { username: 'agent', name: '赵立新' }),
    analyst: hire('analyst', 'HQ', { username: 'analyst', name: '孙雨桐' }),
  };

  const owners = new Map<string, Staff[]>();
  const sales = new Map<string, Staff[]>();
  const service = new Map<string, Staff[]>();
  const technical = new Map<string, Staff[]>();
  const directors = new Map<string, Staff>([['EAST', login.director]]);
  const perRegion = new Map<string, number>();

  for (const unit of units) {
    const count = accountsPerUnit.get(unit.code) ?? 0;
    if (count > 0) {
      const region = regionOfUnit(unit.code);
      perRegion.set(region, (perRegion.get(region) ?? 0) + count);
      const wanted = Math.max(1, Math.round(count / PORTFOLIO));
      const list: Staff[] = [];
      if (unit.code === 'EAST-SH') list.push(login.kam);
      if (unit.code === 'SOUTH-GD') list.push(login.kam2);
      while (list.length < wanted) list.push(hire('kam', unit.code));
      owners.set(unit.code, list);
      const reps: Staff[] = [];
      const wantedReps = Math.round(count / (PORTFOLIO * 3));
      while (reps.length < wantedReps) reps.push(hire('kam', unit.code));
      sales.set(unit.code, reps);
    }
  }
  for (const region of REGIONS) {
    const count = perRegion.get(region.code) ?? 0;
    if (count === 0) continue;
    if (!directors.has(region.code)) directors.set(region.code, hire('director', region.code));
    const engineers = Math.round(count / 500);
    const svc: Staff[] = region.code === 'EAST' ? [login.service] : [];
    while (svc.length < Math.max(1, engineers)) svc.push(hire('service', region.code));
    service.set(region.code, svc);
    const tech: Staff[] = [];
    while (tech.length < engineers) tech.push(hire('service', region.code));
    technical.set(region.code, tech);
  }
  return { unitIds, units, staff, login, owners, sales, service, technical, directors };
}

export const USER_COLUMNS = {
  table: 'users',
  columns: [
    ['id', 'uuid'],
    ['username', 'text'],
    ['display_name', 'text'],
    ['email', 'text'],
    ['password_hash', 'text'],
    ['role', 'text'],
    ['org_unit_id', 'uuid'],
    ['is_demo', 'bool'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
} as const;

/** Org units and the 7 login users through their services (paths, scrypt); other staff in bulk. */
export async function writeOrg(
  session: Session,
  sink: Sink,
  plan: OrgPlan,
  agentId: string,
  createdAt: string,
): Promise<void> {
  for (const unit of plan.units) {
    const id = plan.unitIds.get(unit.code) as string;
    const parentId = unit.parent ? (plan.unitIds.get(unit.parent) as string) : null;
    await insertOrgUnit(session.db, { id, parentId, code: unit.code, name: unit.name });
    sink.note('org_units', [id, parentId, unit.code, unit.name]);
  }
  for (const member of plan.staff.filter((s) => s.login)) {
    const orgUnitId = plan.unitIds.get(member.unit) as string;
    const memberAgent = member.role === 'agent' ? agentId : null;
    await insertUser(session.db, {
      id: member.id,
      username: member.username,
      displayName: member.name,
      role: member.role,
      orgUnitId,
      agentId: memberAgent,
      password: DEMO_PASSWORD,
      isDemo: true,
    });
    sink.note('users', [member.id, member.username, member.name, member.role, orgUnitId, memberAgent]);
  }
  const users = sink.table(USER_COLUMNS);
  for (const member of plan.staff.filter((s) => !s.login)) {
    users.add([
      member.id,
      member.username,
      member.name,
      `${member.username}@${OUR_COMPANY.domain}`,
      NO_LOGIN,
      member.role,
      plan.unitIds.get(member.unit) as string,
      'true',
      createdAt,
      createdAt,
    ]);
  }
  await sink.flush();
}
