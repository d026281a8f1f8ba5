import { type Rng, weightedPicker } from './random.js';

/** Fictional people and companies, with the pinyin needed for e-mail addresses and web domains. */

type Syllable = readonly [han: string, pinyin: string];

/** Tables are written compactly as 'han:pinyin' words separated by spaces. */
function syllables(table: string): Syllable[] {
  return table.split(' ').map((word) => {
    const [han = '', pinyin = ''] = word.split(':');
    return [han, pinyin] as const;
  });
}

/** 'han:pinyin:weight' words. */
function weightedSyllables(table: string): { items: Syllable[]; weights: number[] } {
  const items: Syllable[] = [];
  const weights: number[] = [];
  for (const word of table.split(' ')) {
    const [han = '', pinyin = '', weight = '1'] = word.split(':');
    items.push([han, pinyin]);
    weights.push(Number(weight));
  }
  return { items, weights };
}

const SURNAMES = weightedSyllables(
  '王:wang:7.1 李:li:7 张:zhang:6.8 刘:liu:5.4 陈:chen:4.6 杨:yang:3.1 黄:huang:2.4 赵:zhao:2.3 吴:wu:2.1 ' +
    '周:zhou:2.1 徐:xu:1.6 孙:sun:1.5 马:ma:1.4 朱:zhu:1.3 胡:hu:1.3 郭:guo:1.1 何:he:1.1 林:lin:1 高:gao:1 ' +
    '罗:luo:0.9 郑:zheng:0.9 梁:liang:0.8 谢:xie:0.7 宋:song:0.7 唐:tang:0.7 许:xu:0.6 韩:han:0.6 冯:feng:0.6 ' +
    '邓:deng:0.6 曹:cao:0.6 彭:peng:0.6 曾:zeng:0.5 肖:xiao:0.5 田:tian:0.5 董:dong:0.5 潘:pan:0.4 ' +
    '袁:yuan:0.4 蔡:cai:0.4 蒋:jiang:0.4 余:yu:0.4 于:yu:0.4 杜:du:0.4 叶:ye:0.4 程:cheng:0.4 魏:wei:0.4 ' +
    '苏:su:0.3 吕:lv:0.3 丁:ding:0.3 任:ren:0.3 卢:lu:0.3 姚:yao:0.3 沈:shen:0.3 钟:zhong:0.3 姜:jiang:0.3 ' +
    '崔:cui:0.3 谭:tan:0.3 陆:lu:0.3 范:fan:0.2 汪:wang:0.2 廖:liao:0.2 石:shi:0.2 金:jin:0.2 贾:jia:0.2 ' +
    '夏:xia:0.2 方:fang:0.2 邹:zou:0.2 熊:xiong:0.2 白:bai:0.2 孟:meng:0.2 秦:qin:0.2 邱:qiu:0.2 侯:hou:0.2 ' +
    '江:jiang:0.2 尹:yin:0.2 薛:xue:0.2 段:duan:0.2 雷:lei:0.2 龙:long:0.1 史:shi:0.1 陶:tao:0.1 贺:he:0.1 ' +
    '顾:gu:0.1 龚:gong:0.1 邵:shao:0.1 钱:qian:0.1 严:yan:0.1 欧阳:ouyang:0.05 司马:sima:0.02',
);

const MALE = syllables(
  '伟:wei 强:qiang 磊:lei 军:jun 勇:yong 杰:jie 涛:tao 斌:bin 超:chao 明:ming 刚:gang 平:ping 辉:hui 鹏:peng ' +
    '华:hua 飞:fei 鑫:xin 波:bo 宁:ning 建:jian 国:guo 峰:feng 亮:liang 林:lin 东:dong 海:hai 文:wen 志:zhi 俊:jun ' +
    '浩:hao 宇:yu 轩:xuan 晨:chen 博:bo 凯:kai 龙:long 毅:yi 庆:qing 昊:hao 振:zhen 永:yong 德:de 荣:rong 成:cheng ' +
    '新:xin 立:li 春:chun 健:jian 锋:feng 宏:hong 坤:kun 晓:xiao 子:zi 思:si 嘉:jia 斐:fei',
);

const FEMALE = syllables(
  '芳:fang 娜:na 敏:min 静:jing 丽:li 艳:yan 娟:juan 霞:xia 燕:yan 玲:ling 婷:ting 雪:xue 慧:hui 颖:ying 琳:lin ' +
    '洁:jie 晶:jing 倩:qian 萍:ping 红:hong 梅:mei 莉:li 兰:lan 欣:xin 怡:yi 佳:jia 璐:lu 薇:wei 蕾:lei 晓:xiao ' +
    '雅:ya 婉:wan 秀:xiu 丹:dan 悦:yue 诗:shi 月:yue 彤:tong 玉:yu 梦:meng',
);

export type PersonName = { name: string; surname: string; surnamePinyin: string; givenPinyin: string; female: boolean };

const pickSurname = weightedPicker(SURNAMES.items, SURNAMES.weights);

export function personName(rng: Rng, femaleShare = 0.3): PersonName {
  const [surname, surnamePinyin] = pickSurname(rng);
  const female = rng.chance(femaleShare);
  const pool = female ? FEMALE : MALE;
  const first = rng.pick(pool);
  let given: Syllable[] = [first];
  if (rng.chance(0.65)) {
    let second = rng.pick(pool);
    while (second[0] === first[0]) second = rng.pick(pool);
    given = [first, second];
  }
  return {
    name: surname + given.map((g) => g[0]).join(''),
    surname,
    surnamePinyin,
    givenPinyin: given.map((g) => g[1]).join(''),
    female,
  };
}

const BRAND_FIRST = syllables(
  '恒:heng 华:hua 金:jin 宏:hong 鑫:xin 永:yong 瑞:rui 德:de 天:tian 海:hai 中:zhong 凯:kai 博:bo 联:lian 精:jing ' +
    '汇:hui 同:tong 万:wan 宝:bao 新:xin 东:dong 隆:long 长:chang 振:zhen 昌:chang 兴:xing 泰:tai 嘉:jia 亿:yi ' +
    '佳:jia 众:zhong 远:yuan 铭:ming 创:chuang 锦:jin 晟:sheng 盛:sheng 安:an 和:he 宇:yu 航:hang 荣:rong 信:xin ' +
    '润:run 奥:ao 卓:zhuo 鼎:ding 顺:shun',
);

const BRAND_SECOND = syllables(
  '立:li 达:da 鼎:ding 远:yuan 盛:sheng 泰:tai 丰:feng 隆:long 成:cheng 川:chuan 源:yuan 通:tong 诚:cheng ' +
    '创:chuang 宝:bao 峰:feng 辉:hui 科:ke 信:xin 华:hua 德:de 阳:yang 星:xing 锐:rui 威:wei 邦:bang 润:run 能:neng ' +
    '业:ye 腾:teng 驰:chi 恒:heng 凯:kai 力:li 祥:xiang 光:guang 海:hai 拓:tuo',
);

/** Pairs that are (or read like) well-known real companies are skipped. */
const REAL_BRANDS = new Set([
  '恒立',
  '汇川',
  '安川',
  '宏发',
  '科远',
  '海立',
  '正泰',
  '中通',
  '顺丰',
  '万达',
  '宝信',
  '华通',
  '远大',
]);

export type Brand = { han: string; pinyin: string };

export function brand(rng: Rng): Brand {
  for (;;) {
    const a = rng.pick(BRAND_FIRST);
    const b = rng.pick(BRAND_SECOND);
    const han = a[0] + b[0];
    if (a[0] !== b[0] && !REAL_BRANDS.has(han)) return { han, pinyin: a[1] + b[1] };
  }
}

/** Which of our product categories an industry buys, strongest first (weights over category codes). */
export type BuyingProfile = Record<string, number>;

const PROFILES = {
  motion: { SERVO: 5, MOTION: 4, PLC: 4, HMI: 2, SENSOR: 3, SOFT: 1, VFD: 1, SVC: 1 },
  discrete: { PLC: 5, SERVO: 4, SENSOR: 4, SOFT: 2, HMI: 2, MOTION: 2, VFD: 1, SVC: 1 },
  process: { PLC: 5, VFD: 4, SOFT: 3, SVC: 3, SENSOR: 2, HMI: 2, SERVO: 0.5, MOTION: 0.2 },
  general: { VFD: 5, PLC: 4, HMI: 2, SERVO: 2, SENSOR: 2, SVC: 1, SOFT: 0.5, MOTION: 0.5 },
  utility: { VFD: 5, SOFT: 4, SVC: 4, PLC: 3, SENSOR: 1, HMI: 1 },
  install: { VFD: 5, PLC: 4, HMI: 3, SVC: 2, SENSOR: 1 },
  integrator: { SOFT: 5, HMI: 4, PLC: 4, SENSOR: 2, SERVO: 1, SVC: 1 },
  logistics: { SERVO: 4, PLC: 4, SENSOR: 4, SOFT: 3, MOTION: 2, HMI: 1 },
} satisfies Record<string, BuyingProfile>;

export type Industry = {
  letter: string;
  word: string;
  /** A short pinyin tag for web domains. */
  tag: string;
  profile: BuyingProfile;
  weight: number;
  tags?: string[];
};

const ind = (
  letter: string,
  word: string,
  tag: string,
  profile: BuyingProfile,
  weight: number,
  tags?: string[],
): Industry => ({
  letter,
  word,
  tag,
  profile,
  weight,
  ...(tags ? { tags } : {}),
});

/** GB/T 4754 sections: mostly C (manufacturing), some D, E, I, a few B and G. */
export const INDUSTRIES: readonly Industry[] = [
  ind('C', '精密机械', 'jm', PROFILES.motion, 5),
  ind('C', '汽车零部件', 'auto', PROFILES.discrete, 7, ['汽车产业链']),
  ind('C', '电子科技', 'tech', PROFILES.discrete, 6),
  ind('C', '新能源科技', 'ne', PROFILES.discrete, 4, ['新能源']),
  ind('C', '包装机械', 'pack', PROFILES.motion, 3),
  ind('C', '塑胶制品', 'plastic', PROFILES.general, 3),
  ind('C', '金属制品', 'metal', PROFILES.general, 3),
  ind('C', '食品', 'food', PROFILES.process, 3),
  ind('C', '饮料', 'bev', PROFILES.process, 1.5),
  ind('C', '制药', 'pharma', PROFILES.process, 2.5),
  ind('C', '化工', 'chem', PROFILES.process, 4),
  ind('C', '纺织', 'tex', PROFILES.general, 2.5),
  ind('C', '家电', 'ha', PROFILES.discrete, 2.5),
  ind('C', '五金', 'hw', PROFILES.general, 2),
  ind('C', '模具', 'mould', PROFILES.motion, 2),
  ind('C', '橡胶', 'rubber', PROFILES.general, 1.5),
  ind('C', '特钢', 'steel', PROFILES.process, 2),
  ind('C', '铝业', 'alu', PROFILES.process, 1.5),
  ind('C', '建材', 'bm', PROFILES.process, 2),
  ind('C', '玻璃', 'glass', PROFILES.process, 1),
  ind('C', '纸业', 'paper', PROFILES.process, 1.2),
  ind('C', '光伏科技', 'pv', PROFILES.discrete, 2, ['新能源']),
  ind('C', '锂电科技', 'li', PROFILES.discrete, 2.5, ['新能源']),
  ind('C', '半导体', 'semi', PROFILES.discrete, 1.5),
  ind('C', '电机', 'motor', PROFILES.general, 2),
  ind('C', '阀门', 'valve', PROFILES.general, 1.5),
  ind('C', '泵业', 'pump', PROFILES.general, 1.5),
  ind('C', '工程机械', 'cm', PROFILES.motion, 2),
  ind('C', '智能装备', 'ie', PROFILES.motion, 3.5),
  ind('C', '轴承', 'bearing', PROFILES.general, 1.5),
  ind('C', '线缆', 'cable', PROFILES.general, 1.5),
  ind('C', '液压', 'hyd', PROFILES.motion, 1.5),
  ind('C', '机器人', 'robot', PROFILES.motion, 1.5),
  ind('C', '重工', 'hi', PROFILES.process, 1.5),
  ind('C', '纺织机械', 'tm', PROFILES.motion, 1.2),
  ind('C', '医疗器械', 'med', PROFILES.discrete, 1.5),
  ind('D', '热电', 'power', PROFILES.utility, 1.5),
  ind('D', '水务', 'water', PROFILES.utility, 1.5),
  ind('D', '燃气', 'gas', PROFILES.utility, 1),
  ind('D', '新能源发电', 'green', PROFILES.utility, 1, ['新能源']),
  ind('E', '机电安装工程', 'mep', PROFILES.install, 2),
  ind('E', '建设工程', 'build', PROFILES.install, 2),
  ind('I', '信息技术', 'it', PROFILES.integrator, 2.5),
  ind('I', '智能科技', 'ai', PROFILES.integrator, 2.5),
  ind('B', '矿业', 'mining', PROFILES.process, 1.2),
  ind('G', '智能物流', 'logis', PROFILES.logistics, 1.2),
];

export const pickIndustry = weightedPicker(
  INDUSTRIES,
  INDUSTRIES.map((i) => i.weight),
);

export const LEGAL_FORMS = ['有限公司', '股份有限公司', '有限责任公司'] as const;
export const pickLegalForm = weightedPicker(LEGAL_FORMS, [72, 17, 11]);
