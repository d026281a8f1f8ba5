/**
 * Where the demo company sells: sales regions (大区) with branch offices (分公司) in the big
 * manufacturing provinces, and the cities customers sit in, with their telephone area codes and
 * administrative division codes (the 3rd–8th characters of a unified social credit code).
 */

export type City = { name: string; areaCode: string; division: string };
export type Province = { name: string; short: string; region: string; branch?: string; weight: number; cities: City[] };
export type Region = { code: string; name: string };
export type Branch = { code: string; name: string; region: string };

export const REGIONS: readonly Region[] = [
  { code: 'EAST', name: '华东大区' },
  { code: 'SOUTH', name: '华南大区' },
  { code: 'NORTH', name: '华北大区' },
  { code: 'CENTRAL', name: '华中大区' },
  { code: 'SOUTHWEST', name: '西南大区' },
  { code: 'NORTHWEST', name: '西北大区' },
  { code: 'NORTHEAST', name: '东北大区' },
];

export const BRANCHES: readonly Branch[] = [
  { code: 'EAST-SH', name: '上海分公司', region: 'EAST' },
  { code: 'EAST-JS', name: '江苏分公司', region: 'EAST' },
  { code: 'EAST-ZJ', name: '浙江分公司', region: 'EAST' },
  { code: 'EAST-SD', name: '山东分公司', region: 'EAST' },
  { code: 'SOUTH-GD', name: '广东分公司', region: 'SOUTH' },
  { code: 'SOUTH-FJ', name: '福建分公司', region: 'SOUTH' },
  { code: 'NORTH-BJ', name: '京津冀分公司', region: 'NORTH' },
  { code: 'CENTRAL-HB', name: '湖北分公司', region: 'CENTRAL' },
  { code: 'SOUTHWEST-SC', name: '川渝分公司', region: 'SOUTHWEST' },
];

const c = (name: string, areaCode: string, division: string): City => ({ name, areaCode, division });

/** Weights follow the provinces' share of manufacturing, not population. */
export const PROVINCES: readonly Province[] = [
  {
    name: '上海市',
    short: '上海',
    region: 'EAST',
    branch: 'EAST-SH',
    weight: 6.5,
    cities: [
      c('上海', '21', '310115'),
      c('上海', '21', '310114'),
      c('上海', '21', '310117'),
      c('上海', '21', '310112'),
    ],
  },
  {
    name: '江苏省',
    short: '江苏',
    region: 'EAST',
    branch: 'EAST-JS',
    weight: 14,
    cities: [
      c('苏州', '512', '320500'),
      c('无锡', '510', '320200'),
      c('常州', '519', '320400'),
      c('南京', '25', '320100'),
      c('南通', '513', '320600'),
      c('扬州', '514', '321000'),
      c('徐州', '516', '320300'),
      c('泰州', '523', '321200'),
    ],
  },
  {
    name: '浙江省',
    short: '浙江',
    region: 'EAST',
    branch: 'EAST-ZJ',
    weight: 11,
    cities: [
      c('杭州', '571', '330100'),
      c('宁波', '574', '330200'),
      c('温州', '577', '330300'),
      c('台州', '576', '331000'),
      c('嘉兴', '573', '330400'),
      c('绍兴', '575', '330600'),
      c('金华', '579', '330700'),
    ],
  },
  {
    name: '山东省',
    short: '山东',
    region: 'EAST',
    branch: 'EAST-SD',
    weight: 8,
    cities: [
      c('济南', '531', '370100'),
      c('青岛', '532', '370200'),
      c('烟台', '535', '370600'),
      c('潍坊', '536', '370700'),
      c('淄博', '533', '370300'),
    ],
  },
  {
    name: '安徽省',
    short: '安徽',
    region: 'EAST',
    weight: 4,
    cities: [c('合肥', '551', '340100'), c('芜湖', '553', '340200'), c('滁州', '550', '341100')],
  },
  {
    name: '江西省',
    short: '江西',
    region: 'EAST',
    weight: 2,
    cities: [c('南昌', '791', '360100'), c('赣州', '797', '360700')],
  },
  {
    name: '广东省',
    short: '广东',
    region: 'SOUTH',
    branch: 'SOUTH-GD',
    weight: 15,
    cities: [
      c('深圳', '755', '440300'),
      c('东莞', '769', '441900'),
      c('佛山', '757', '440600'),
      c('广州', '20', '440100'),
      c('中山', '760', '442000'),
      c('惠州', '752', '441300'),
      c('珠海', '756', '440400'),
    ],
  },
  {
    name: '福建省',
    short: '福建',
    region: 'SOUTH',
    branch: 'SOUTH-FJ',
    weight: 4,
    cities: [c('厦门', '592', '350200'), c('福州', '591', '350100'), c('泉州', '595', '350500')],
  },
  {
    name: '广西壮族自治区',
    short: '广西',
    region: 'SOUTH',
    weight: 1.5,
    cities: [c('柳州', '772', '450200'), c('南宁', '771', '450100')],
  },
  { name: '海南省', short: '海南', region: 'SOUTH', weight: 0.2, cities: [c('海口', '898', '460100')] },
  {
    name: '北京市',
    short: '北京',
    region: 'NORTH',
    branch: 'NORTH-BJ',
    weight: 2,
    cities: [c('北京', '10', '110108'), c('北京', '10', '110115')],
  },
  {
    name: '天津市',
    short: '天津',
    region: 'NORTH',
    branch: 'NORTH-BJ',
    weight: 2.2,
    cities: [c('天津', '22', '120116')],
  },
  {
    name: '河北省',
    short: '河北',
    region: 'NORTH',
    branch: 'NORTH-BJ',
    weight: 3,
    cities: [
      c('石家庄', '311', '130100'),
      c('唐山', '315', '130200'),
      c('保定', '312', '130600'),
      c('廊坊', '316', '131000'),
    ],
  },
  { name: '山西省', short: '山西', region: 'NORTH', weight: 1, cities: [c('太原', '351', '140100')] },
  { name: '内蒙古自治区', short: '内蒙古', region: 'NORTH', weight: 0.6, cities: [c('包头', '472', '150200')] },
  {
    name: '河南省',
    short: '河南',
    region: 'CENTRAL',
    weight: 4,
    cities: [c('郑州', '371', '410100'), c('洛阳', '379', '410300'), c('新乡', '373', '410700')],
  },
  {
    name: '湖北省',
    short: '湖北',
    region: 'CENTRAL',
    branch: 'CENTRAL-HB',
    weight: 4,
    cities: [
      c('武汉', '27', '420100'),
      c('襄阳', '710', '420600'),
      c('宜昌', '717', '420500'),
      c('十堰', '719', '420300'),
    ],
  },
  {
    name: '湖南省',
    short: '湖南',
    region: 'CENTRAL',
    weight: 3,
    cities: [c('长沙', '731', '430100'), c('株洲', '731', '430200')],
  },
  {
    name: '四川省',
    short: '四川',
    region: 'SOUTHWEST',
    branch: 'SOUTHWEST-SC',
    weight: 3.5,
    cities: [c('成都', '28', '510100'), c('绵阳', '816', '510700'), c('德阳', '838', '510600')],
  },
  {
    name: '重庆市',
    short: '重庆',
    region: 'SOUTHWEST',
    branch: 'SOUTHWEST-SC',
    weight: 2.5,
    cities: [c('重庆', '23', '500112'), c('重庆', '23', '500113')],
  },
  { name: '云南省', short: '云南', region: 'SOUTHWEST', weight: 0.8, cities: [c('昆明', '871', '530100')] },
  { name: '贵州省', short: '贵州', region: 'SOUTHWEST', weight: 0.6, cities: [c('贵阳', '851', '520100')] },
  {
    name: '陕西省',
    short: '陕西',
    region: 'NORTHWEST',
    weight: 2,
    cities: [c('西安', '29', '610100'), c('宝鸡', '917', '610300')],
  },
  { name: '甘肃省', short: '甘肃', region: 'NORTHWEST', weight: 0.4, cities: [c('兰州', '931', '620100')] },
  { name: '宁夏回族自治区', short: '宁夏', region: 'NORTHWEST', weight: 0.2, cities: [c('银川', '951', '640100')] },
  {
    name: '新疆维吾尔自治区',
    short: '新疆',
    region: 'NORTHWEST',
    weight: 0.5,
    cities: [c('乌鲁木齐', '991', '650100')],
  },
  {
    name: '辽宁省',
    short: '辽宁',
    region: 'NORTHEAST',
    weight: 2.5,
    cities: [c('沈阳', '24', '210100'), c('大连', '411', '210200')],
  },
  { name: '吉林省', short: '吉林', region: 'NORTHEAST', weight: 1, cities: [c('长春', '431', '220100')] },
  { name: '黑龙江省', short: '黑龙江', region: 'NORTHEAST', weight: 0.8, cities: [c('哈尔滨', '451', '230100')] },
];

export function provinceByShort(short: string): Province {
  const p = PROVINCES.find((x) => x.short === short);
  if (!p) throw new Error(`unknown province ${short}`);
  return p;
}

/** The parks and districts industrial customers sit in; enough variety for addresses. */
export const INDUSTRIAL_ZONES = [
  '经济技术开发区',
  '高新技术产业开发区',
  '工业园区',
  '新区',
  '综合保税区',
  '先进制造业产业园',
  '临港产业区',
];
export const STREET_WORDS = [
  '兴业',
  '创新',
  '科技',
  '工业',
  '长江',
  '黄河',
  '振兴',
  '富民',
  '金桥',
  '东环',
  '春晖',
  '星湖',
  '锦绣',
  '华山',
  '泰山',
  '凤凰',
  '青年',
  '建设',
  '和平',
  '民生',
];
export const STREET_KINDS = ['路', '大道', '街'];
export const ESTATES = [
  '滨江华府',
  '翡翠湾',
  '香樟苑',
  '阳光花园',
  '御景园',
  '时代公寓',
  '金色家园',
  '湖畔名邸',
  '紫薇苑',
  '万科城',
  '绿地世纪城',
  '锦华苑',
];
