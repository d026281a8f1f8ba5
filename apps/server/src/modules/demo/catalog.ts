/**
 * The demo company, 科迈自动化 (KM), and what it sells: a two-level category tree and about 60
 * products with list prices and standard costs in fen. Hardware earns 30–45 % gross margin,
 * software 70–85 %, services about half.
 */

export type CategoryDef = {
  code: string;
  name: string;
  nameEn: string;
  children: { code: string; name: string; nameEn: string }[];
};

export const CATEGORIES: readonly CategoryDef[] = [
  {
    code: 'PLC',
    name: '可编程控制器',
    nameEn: 'PLC',
    children: [
      { code: 'PLC-S', name: '小型PLC', nameEn: 'Compact PLC' },
      { code: 'PLC-M', name: '中大型PLC', nameEn: 'Modular PLC' },
      { code: 'PLC-IO', name: 'IO与通讯模块', nameEn: 'I/O and communication modules' },
    ],
  },
  {
    code: 'SERVO',
    name: '伺服系统',
    nameEn: 'Servo systems',
    children: [
      { code: 'SERVO-D', name: '伺服驱动器', nameEn: 'Servo drives' },
      { code: 'SERVO-M', name: '伺服电机', nameEn: 'Servo motors' },
    ],
  },
  {
    code: 'VFD',
    name: '变频器',
    nameEn: 'Inverters (VFD)',
    children: [
      { code: 'VFD-G', name: '通用变频器', nameEn: 'General-purpose VFD' },
      { code: 'VFD-V', name: '高性能矢量变频器', nameEn: 'Vector-control VFD' },
      { code: 'VFD-H', name: '中高压变频器', nameEn: 'Medium-voltage VFD' },
    ],
  },
  {
    code: 'SENSOR',
    name: '传感器',
    nameEn: 'Sensors',
    children: [
      { code: 'SENSOR-P', name: '光电与接近传感器', nameEn: 'Photoelectric and proximity sensors' },
      { code: 'SENSOR-E', name: '编码器', nameEn: 'Encoders' },
      { code: 'SENSOR-V', name: '机器视觉', nameEn: 'Machine vision' },
    ],
  },
  {
    code: 'HMI',
    name: '人机界面',
    nameEn: 'HMI',
    children: [
      { code: 'HMI-T', name: '触摸屏', nameEn: 'Touch panels' },
      { code: 'HMI-PC', name: '工业计算机', nameEn: 'Industrial PCs' },
    ],
  },
  {
    code: 'MOTION',
    name: '运动控制与机器人',
    nameEn: 'Motion control and robots',
    children: [
      { code: 'MOTION-C', name: '运动控制器', nameEn: 'Motion controllers' },
      { code: 'MOTION-S', name: '步进系统', nameEn: 'Stepper systems' },
      { code: 'MOTION-R', name: '工业机器人', nameEn: 'Industrial robots' },
    ],
  },
  {
    code: 'SOFT',
    name: '工业软件',
    nameEn: 'Industrial software',
    children: [
      { code: 'SOFT-SCADA', name: 'SCADA组态软件', nameEn: 'SCADA' },
      { code: 'SOFT-MES', name: 'MES制造执行系统', nameEn: 'MES' },
      { code: 'SOFT-CLOUD', name: '设备云与能源管理', nameEn: 'Device cloud and energy management' },
    ],
  },
  {
    code: 'SVC',
    name: '维保与技术服务',
    nameEn: 'Maintenance and services',
    children: [
      { code: 'SVC-MC', name: '维保合同', nameEn: 'Maintenance contracts' },
      { code: 'SVC-TS', name: '技术服务与培训', nameEn: 'Engineering services and training' },
      { code: 'SVC-SP', name: '备件服务', nameEn: 'Spare parts' },
    ],
  },
];

export type ProductDef = { sub: string; code: string; name: string; unit: string; listYuan: number; costRatio: number };

/** sub|code|name|unit|list price in yuan|standard cost as a share of list */
const PRODUCT_TABLE = `
PLC-S|KM-S200-14|KM-S200 紧凑型PLC CPU 14点|台|1280|0.58
PLC-S|KM-S200-24|KM-S200 紧凑型PLC CPU 24点|台|1880|0.57
PLC-S|KM-S300-40|KM-S300 小型PLC CPU 40点 以太网|台|3200|0.56
PLC-M|KM-M500-CPU|KM-M500 中型PLC CPU 模块|台|12800|0.52
PLC-M|KM-M500-RACK|KM-M500 12槽机架与电源|套|2100|0.6
PLC-M|KM-L700-CPU|KM-L700 大型冗余PLC CPU|台|68000|0.48
PLC-IO|KM-DI16|16点数字量输入模块|块|680|0.6
PLC-IO|KM-DO16|16点数字量输出模块|块|720|0.6
PLC-IO|KM-AI8|8通道模拟量输入模块|块|2350|0.55
PLC-IO|KM-PN-CM|PROFINET 通讯模块|块|3600|0.5
PLC-IO|KM-EC-CPL|EtherCAT 远程IO耦合器|块|1950|0.55
SERVO-D|KS-D1-04|KS-D1 伺服驱动器 400W|台|2150|0.62
SERVO-D|KS-D1-07|KS-D1 伺服驱动器 750W|台|2680|0.61
SERVO-D|KS-D1-20|KS-D1 伺服驱动器 2kW|台|4900|0.6
SERVO-D|KS-D3-75|KS-D3 伺服驱动器 7.5kW 总线型|台|12600|0.57
SERVO-M|KS-M-04|KS-M 低惯量伺服电机 400W|台|1550|0.64
SERVO-M|KS-M-07|KS-M 低惯量伺服电机 750W|台|1920|0.63
SERVO-M|KS-M-20|KS-M 中惯量伺服电机 2kW|台|3850|0.62
SERVO-M|KS-M-75|KS-M 大功率伺服电机 7.5kW|台|9800|0.6
VFD-G|KV-300-2R2|KV-300 通用变频器 2.2kW|台|1650|0.63
VFD-G|KV-300-7R5|KV-300 通用变频器 7.5kW|台|3350|0.62
VFD-G|KV-300-022|KV-300 通用变频器 22kW|台|8600|0.6
VFD-V|KV-700-055|KV-700 矢量变频器 55kW|台|21800|0.56
VFD-V|KV-700-160|KV-700 矢量变频器 160kW|台|56000|0.55
VFD-H|KV-H10-1000|KV-H 10kV 高压变频器 1000kW|套|680000|0.58
VFD-H|KV-H6-500|KV-H 6kV 高压变频器 500kW|套|420000|0.6
SENSOR-P|KP-PE-M18|M18 漫反射光电开关|个|168|0.5
SENSOR-P|KP-IP-M12|M12 电感式接近开关|个|125|0.48
SENSOR-P|KP-LR-10|激光测距传感器 10m|个|2680|0.52
SENSOR-E|KE-INC-1024|增量式编码器 1024线|个|680|0.55
SENSOR-E|KE-ABS-23|23位多圈绝对值编码器|个|2150|0.52
SENSOR-V|KV-CAM-5M|智能视觉相机 500万像素|台|18500|0.45
SENSOR-V|KV-SW-VIS|视觉检测软件授权|套|8000|0.15
HMI-T|KH-T07|7英寸触摸屏|台|1380|0.6
HMI-T|KH-T10|10.1英寸触摸屏|台|2480|0.58
HMI-T|KH-T15|15英寸触摸屏 以太网|台|5600|0.56
HMI-PC|KH-IPC-215|21.5英寸工业平板电脑|台|9800|0.62
HMI-PC|KH-BOX-I7|无风扇嵌入式工控机|台|7600|0.64
MOTION-C|KM-MC4|4轴脉冲型运动控制器|台|6800|0.5
MOTION-C|KM-MC16-EC|16轴 EtherCAT 运动控制器|台|22000|0.46
MOTION-S|KM-SD-2M|两相步进驱动器|台|420|0.62
MOTION-S|KM-SM-57|57系列步进电机|台|260|0.65
MOTION-R|KR-SCARA-6|SCARA 机器人 负载6kg|台|68000|0.63
MOTION-R|KR-COBOT-10|协作机器人 负载10kg|台|118000|0.6
SOFT-SCADA|KS-SCADA-DEV|KM-SCADA 组态软件 开发版|套|28000|0.18
SOFT-SCADA|KS-SCADA-RT|KM-SCADA 组态软件 运行版|套|9800|0.15
SOFT-MES|KS-MES-BASE|KM-MES 制造执行系统 基础版|套|380000|0.3
SOFT-MES|KS-MES-EXT|KM-MES 质量追溯扩展模块|套|120000|0.25
SOFT-CLOUD|KS-CLOUD-Y|设备管理云平台 年度订阅|年|36000|0.2
SOFT-CLOUD|KS-EMS|能源管理系统|套|160000|0.28
SVC-MC|SV-MC-STD|年度维保合同 标准级|年|48000|0.5
SVC-MC|SV-MC-GOLD|年度维保合同 金牌级|年|128000|0.48
SVC-TS|SV-FIELD-DAY|现场技术服务|人天|2400|0.45
SVC-TS|SV-TRAIN|自动化技术培训|期|12000|0.4
SVC-TS|SV-RETROFIT|产线自动化改造工程服务|项|260000|0.62
SVC-SP|SV-SPARE-KIT|常用备件包|套|8800|0.55
SVC-SP|SV-REPAIR|驱动器返厂维修|次|1800|0.5
`;

export const PRODUCTS: readonly ProductDef[] = PRODUCT_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [sub = '', code = '', name = '', unit = '', list = '0', cost = '0'] = line.split('|');
    return { sub, code, name, unit, listYuan: Number(list), costRatio: Number(cost) };
  });

export const OUR_COMPANY = { name: '科迈自动化股份有限公司', domain: 'kemai-auto.cn' };

export type CompetitorDef = {
  name: string;
  country: string;
  strengths: string;
  weaknesses: string;
  categories: string[];
};

export const COMPETITORS: readonly CompetitorDef[] = [
  {
    name: '德控自动化',
    country: 'DE',
    strengths: '品牌认可度高，大型项目和冗余系统经验丰富',
    weaknesses: '价格高，交期长，本地服务响应慢',
    categories: ['PLC', 'HMI', 'SOFT', 'VFD'],
  },
  {
    name: '川控技术',
    country: 'CN',
    strengths: '性价比高，伺服与变频产品线完整，行业方案多',
    weaknesses: '高端冗余与过程控制案例较少',
    categories: ['SERVO', 'VFD', 'PLC', 'MOTION'],
  },
  {
    name: '东洋精机',
    country: 'JP',
    strengths: '伺服精度高，质量稳定，机器人产品成熟',
    weaknesses: '价格偏高，定制化意愿低',
    categories: ['SERVO', 'MOTION', 'SENSOR'],
  },
  {
    name: '美联控制系统',
    country: 'US',
    strengths: '过程控制与工业软件实力强，跨国客户认可',
    weaknesses: '服务费用高，中小项目不重视',
    categories: ['PLC', 'SOFT', 'SVC'],
  },
  {
    name: '瑞安电气',
    country: 'CH',
    strengths: '变频器与中高压驱动领先，能效方案成熟',
    weaknesses: '小功率产品线价格缺乏竞争力',
    categories: ['VFD', 'SVC'],
  },
  {
    name: '华工智控',
    country: 'CN',
    strengths: '本地化服务快，价格灵活，愿意驻场',
    weaknesses: '产品稳定性一般，软件生态薄弱',
    categories: ['PLC', 'HMI', 'VFD', 'SVC'],
  },
  {
    name: '北辰驱动',
    country: 'CN',
    strengths: '低价策略，通用变频器出货量大',
    weaknesses: '技术支持薄弱，高性能场景表现差',
    categories: ['VFD', 'MOTION'],
  },
  {
    name: '禾田传感',
    country: 'CN',
    strengths: '传感器品类齐全，交期短，价格低',
    weaknesses: '高端视觉与编码器精度不足',
    categories: ['SENSOR'],
  },
];

export type AgentDef = {
  code: string;
  name: string;
  provinces: string[];
  lines: string[];
  tier: 'gold' | 'silver' | 'bronze';
  division: string;
};

/** The first agent is the one the demo `agent` user works for. */
export const AGENTS: readonly AgentDef[] = [
  {
    code: 'AG-SZ01',
    name: '苏州智联工控设备有限公司',
    provinces: ['江苏', '上海'],
    lines: ['PLC', 'SERVO', 'HMI', 'SENSOR'],
    tier: 'gold',
    division: '320500',
  },
  {
    code: 'AG-HZ01',
    name: '杭州钱塘自动化技术有限公司',
    provinces: ['浙江'],
    lines: ['PLC', 'VFD', 'HMI'],
    tier: 'silver',
    division: '330100',
  },
  {
    code: 'AG-GZ01',
    name: '广州粤控机电设备有限公司',
    provinces: ['广东', '广西', '海南'],
    lines: ['SERVO', 'VFD', 'MOTION', 'SENSOR'],
    tier: 'gold',
    division: '440100',
  },
  {
    code: 'AG-QD01',
    name: '青岛鲁信自动化工程有限公司',
    provinces: ['山东'],
    lines: ['VFD', 'PLC', 'SVC'],
    tier: 'silver',
    division: '370200',
  },
  {
    code: 'AG-WH01',
    name: '武汉楚工自动化有限公司',
    provinces: ['湖北', '湖南', '河南'],
    lines: ['PLC', 'VFD', 'HMI'],
    tier: 'silver',
    division: '420100',
  },
  {
    code: 'AG-CD01',
    name: '成都天府智造科技有限公司',
    provinces: ['四川', '重庆', '云南', '贵州'],
    lines: ['PLC', 'VFD', 'SOFT'],
    tier: 'bronze',
    division: '510100',
  },
  {
    code: 'AG-SY01',
    name: '沈阳北创工控设备有限公司',
    provinces: ['辽宁', '吉林', '黑龙江'],
    lines: ['VFD', 'PLC'],
    tier: 'bronze',
    division: '210100',
  },
  {
    code: 'AG-XA01',
    name: '西安秦控机电有限公司',
    provinces: ['陕西', '甘肃', '宁夏', '青海', '新疆'],
    lines: ['VFD', 'PLC', 'SVC'],
    tier: 'bronze',
    division: '610100',
  },
  {
    code: 'AG-TJ01',
    name: '天津津北自动化设备有限公司',
    provinces: ['天津', '河北', '北京'],
    lines: ['PLC', 'SERVO', 'VFD'],
    tier: 'silver',
    division: '120116',
  },
];
