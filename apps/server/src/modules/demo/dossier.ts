import { yearOfDay } from './calendar.js';
import { ESTATES } from './geography.js';
import { brand } from './names.js';
import type { AccountPlan } from './plan.js';
import type { Rng } from './random.js';

/**
 * The personal dossier of seed 002 (籍贯, birthplace, birthday, age band, education, career,
 * family, hobbies, dislikes, ethnicity, home address), written for the people who matter at key
 * accounts. Lunar birthdays are stored as the lunar month and day in a date of the birth year.
 */

const words = (text: string) => text.trim().split(/\s+/);

const NATIVE_PLACES = words(`浙江温州 江苏盐城 安徽安庆 河南信阳 湖北黄冈 山东临沂 湖南邵阳 江西赣州 四川南充 福建莆田
  广东潮州 河北邯郸 黑龙江齐齐哈尔 辽宁鞍山 陕西渭南 山西运城 重庆万州 江苏南通 浙江绍兴 安徽阜阳 河南周口 山东潍坊 湖北荆州`);
const UNIVERSITIES =
  words(`浙江大学 上海交通大学 华中科技大学 哈尔滨工业大学 东南大学 西安交通大学 同济大学 华南理工大学
  江南大学 合肥工业大学 南京理工大学 大连理工大学 四川大学 重庆大学 天津大学 北京科技大学 常州大学 苏州大学 武汉理工大学
  湖南大学 山东大学 江苏大学 燕山大学 河海大学`);
const COLLEGES = words(`无锡职业技术学院 深圳职业技术学院 常州机电职业技术学院 苏州工业职业技术学院 顺德职业技术学院
  金华职业技术学院`);
const TECH_MAJORS = words(`机械设计制造及其自动化 电气工程及其自动化 自动化 测控技术与仪器 机械电子工程
  材料成型及控制工程 计算机科学与技术`);
const BUSINESS_MAJORS = words('工商管理 会计学 市场营销 国际经济与贸易 物流管理 财务管理');
export const HOBBIES = words(`钓鱼 羽毛球 高尔夫 茶道 书法 摄影 马拉松 登山 象棋 自驾游 乒乓球 篮球 收藏紫砂壶 红酒 健身
  读历史书 京剧 骑行 网球 游泳 太极拳 围棋`);
const DISLIKES = words('饭局劝酒 迟到 过度推销 冗长的PPT 吸烟 临时改期 夸大宣传 频繁电话打扰 送贵重礼品 下班后谈工作');
const ETHNICITIES = words('汉族 回族 满族 壮族 蒙古族 土家族 朝鲜族');
const PREVIOUS_TITLES = words('技术员 电气工程师 采购员 设备主管 生产主管 销售工程师 项目经理 车间主任');
const FAMILY = [
  '已婚，育有一子，儿子在读高中',
  '已婚，女儿在国外读大学，每年暑假出国探亲',
  '爱人是中学老师，家庭观念重',
  '父母在老家，每年春节必回{native}过年',
  '二孩家庭，周末常陪孩子上兴趣班',
  '爱人在同一园区的外企工作',
  '孩子今年高考，近期下班后较忙',
  '母亲身体不好，常往返老家照顾',
  '刚当上爷爷，朋友圈常晒孙子',
];
const YOUNG_FAMILY = ['未婚，周末喜欢和朋友户外活动', '新婚不久，正在看学区房', '已婚，孩子刚上幼儿园'];

export type DossierPost = { title: string; dept: string; influence: [number, number]; age: [number, number] };

/** The 12 dossier cells, in the order of the contacts table (native_place … home_address). */
export function dossier(rng: Rng, account: AccountPlan, post: DossierPost, asOf: number, female: boolean): string[] {
  const age = rng.int(post.age[0], post.age[1]);
  const birthYear = yearOfDay(asOf) - age;
  const home = `${account.province.short}${account.city.name === account.province.short ? '' : account.city.name}`;
  const native = rng.chance(0.55) ? home : rng.pick(NATIVE_PLACES);
  const lunar = rng.chance(0.2);
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : lunar ? 29 : 30);
  const decade = Math.floor(age / 10) * 10;
  const technical = post.dept === '技术中心' || post.dept === '设备部' || post.dept === '生产部';
  const degree =
    post.influence[0] >= 4
      ? rng.pick(['本科', '硕士', 'MBA', 'EMBA', '本科'])
      : rng.pick(['大专', '本科', '本科', '硕士']);
  const school = degree === '大专' ? rng.pick(COLLEGES) : rng.pick(UNIVERSITIES);
  const major =
    degree === 'MBA' || degree === 'EMBA' ? '工商管理' : rng.pick(technical ? TECH_MAJORS : BUSINESS_MAJORS);
  const graduated = birthYear + (degree === '大专' ? 21 : degree === '硕士' ? 25 : 22);
  const joined = Math.min(yearOfDay(asOf) - 1, graduated + rng.int(2, 12));
  const previous = `${brand(rng).han}${rng.pick(['机电', '电子', '机械', '汽车部件'])}有限公司`;
  const family = age < 32 ? rng.pick(YOUNG_FAMILY) : rng.pick(FAMILY).replace('{native}', native);
  const ethnicity =
    account.province.short === '广西' && rng.chance(0.3) ? '壮族' : rng.chance(0.92) ? '汉族' : rng.pick(ETHNICITIES);
  return [
    native,
    rng.chance(0.7) ? native : home,
    `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    lunar ? 'lunar' : 'solar',
    `${decade}-${decade + 9}`,
    `${degree} · ${school} ${major}`,
    `${graduated}年毕业后进入${previous}任${rng.pick(PREVIOUS_TITLES)}；${joined}年加入${account.shortName}，现任${post.title}`,
    female && age >= 32 && rng.chance(0.3) ? '已婚，孩子在读初中，关注教育话题' : family,
    rng.sample(HOBBIES, rng.int(1, 3)).join('、'),
    rng.sample(DISLIKES, rng.int(1, 2)).join('、'),
    ethnicity,
    `${account.city.name}市${rng.pick(ESTATES)}${rng.int(1, 30)}幢${rng.int(1, 28)}0${rng.int(1, 4)}室`,
  ];
}
