// Synthetic, realistic shared-catalog entries for the benchmark: Chinese names, valid codes and USCCs, 8 items each.
import { orgCodeCheckChar, usccCheckChar } from '../../dist/src/rules/helpers/uscc.js';

/** Items per entry (the "8 data items per entry"). */
export const ITEMS_PER_ENTRY = 8;

const DEPARTMENTS = [
  ['南宁市教育局', '基础教育科'],
  ['南宁市公安局', '人口管理支队'],
  ['南宁市民政局', '社会事务科'],
  ['南宁市人力资源和社会保障局', '就业促进科'],
  ['南宁市自然资源局', '不动产登记中心'],
  ['南宁市住房和城乡建设局', '建筑市场监管科'],
  ['南宁市卫生健康委员会', '医政医管科'],
  ['南宁市市场监督管理局', '食品经营监管科'],
  ['南宁市交通运输局', '运输管理科'],
  ['南宁市水利局', '水资源管理科'],
  ['南宁市农业农村局', '种植业管理科'],
  ['南宁市林业局', '资源管理科'],
  ['南宁市生态环境局', '环境影响评价科'],
  ['南宁市应急管理局', '安全生产基础科'],
  ['南宁市文化广电和旅游局', '市场管理科'],
  ['南宁市体育局', '群众体育科'],
  ['南宁市统计局', '综合科'],
  ['南宁市发展和改革委员会', '价格监测中心'],
  ['南宁市财政局', '政府采购监督管理科'],
  ['南宁市司法局', '公共法律服务管理科'],
  ['南宁市退役军人事务局', '优抚科'],
  ['南宁市商务局', '对外贸易科'],
  ['南宁市科学技术局', '高新技术科'],
  ['南宁市城市管理局', '市政设施管理科'],
];

const OBJECTS = [
  '中小学校',
  '幼儿园',
  '教师资格',
  '学生学籍',
  '民办学校',
  '校外培训机构',
  '流动人口',
  '户籍人口',
  '机动车',
  '驾驶人',
  '居民身份证',
  '婚姻登记',
  '社会组织',
  '低保对象',
  '特困人员',
  '养老机构',
  '殡葬服务',
  '社会保险参保',
  '就业失业',
  '职业技能',
  '失业保险金',
  '工伤认定',
  '劳动合同',
  '不动产',
  '建设用地',
  '土地出让',
  '测绘资质',
  '矿产资源',
  '建筑施工企业',
  '商品房预售',
  '施工许可',
  '住房公积金',
  '物业服务企业',
  '公共租赁住房',
  '执业医师',
  '医疗机构',
  '出生医学证明',
  '预防接种',
  '护士执业',
  '公共场所卫生',
  '食品经营',
  '食品生产',
  '市场主体',
  '行政处罚',
  '特种设备',
  '计量器具',
  '广告发布',
  '药品零售企业',
  '产品质量抽查',
  '消费投诉',
  '道路运输企业',
  '出租汽车',
  '公交线路',
  '港口经营',
  '水利工程',
  '河道采砂',
  '取水许可',
  '农村土地承包',
  '农业机械',
  '动物检疫',
  '农药经营',
  '林木采伐',
  '野生动物保护',
  '排污许可',
  '环境影响评价',
  '环境监测点位',
  '危险废物经营',
  '安全生产许可',
  '应急救援队伍',
  '消防安全重点单位',
  '旅行社',
  '文物保护单位',
  '公共图书馆',
  '体育场馆',
  '广播电视站',
  '统计调查单位',
  '价格监测点',
  '政府采购项目',
  '公共资源交易项目',
  '招标代理机构',
  '税务登记',
  '发票领用',
  '企业年报',
  '专利授权',
  '商标注册',
  '科技型中小企业',
  '高新技术企业',
  '法律援助',
  '人民调解组织',
  '律师事务所',
  '公证机构',
  '司法鉴定机构',
  '社区矫正对象',
  '退役军人',
  '优抚对象',
  '残疾人证',
  '慈善组织',
  '志愿服务组织',
  '道路照明设施',
  '园林绿地',
  '燃气经营企业',
  '供水企业',
  '污水处理厂',
  '垃圾处理设施',
  '停车场',
  '充电设施',
  '气象观测站',
  '地震监测台站',
  '地质灾害隐患点',
  '森林防火',
  '人防工程',
  '档案馆藏',
  '宗教活动场所',
  '外商投资企业',
  '进出口企业',
  '粮食储备库',
  '电力设施',
];

const ASPECTS = [
  '基本信息',
  '登记信息',
  '许可信息',
  '备案信息',
  '变更信息',
  '注销信息',
  '年检信息',
  '监督检查信息',
  '统计信息',
  '资质信息',
  '审批信息',
  '评价信息',
  '奖惩信息',
  '补贴发放信息',
  '服务信息',
  '名录信息',
  '台账信息',
  '核查信息',
  '预警信息',
  '投诉处理信息',
  '档案信息',
  '培训信息',
  '考核信息',
  '验收信息',
  '整改信息',
  '信用评价信息',
  '运行监测信息',
  '巡查信息',
  '设施信息',
  '人员信息',
];

const QUALIFIERS = [
  '',
  '城镇',
  '农村',
  '个人',
  '单位',
  '从业人员',
  '重点',
  '专项',
  '日常',
  '联合',
  '网上',
  '在册',
  '新增',
  '涉企',
  '涉农',
  '跨部门',
  '直报',
  '基层',
  '社区',
  '园区',
  '公益',
  '经营性',
  '非营利',
  '集体',
  '国有',
  '民营',
  '外资',
  '小微',
  '规模以上',
  '行业',
];

/** [name, base type, length, scale]; names are the 数据项名称 column. */
const ITEMS = [
  ['统一社会信用代码', 'C', 18],
  ['单位名称', 'C', 200],
  ['法定代表人', 'C', 50],
  ['公民身份号码', 'C', 18],
  ['姓名', 'C', 50],
  ['性别', 'C', 2],
  ['出生日期', 'D'],
  ['联系电话', 'C', 20],
  ['住所', 'C', 200],
  ['登记日期', 'D'],
  ['登记机关', 'C', 100],
  ['证书编号', 'C', 30],
  ['发证日期', 'D'],
  ['有效期至', 'D'],
  ['许可范围', 'C', 500],
  ['经营地址', 'C', 200],
  ['行政区划代码', 'C', 12],
  ['所属街道', 'C', 50],
  ['项目名称', 'C', 200],
  ['项目编号', 'C', 30],
  ['金额', 'N', 14, 2],
  ['面积', 'N', 12, 2],
  ['数量', 'N', 10],
  ['状态', 'C', 10],
  ['类别', 'C', 50],
  ['等级', 'C', 10],
  ['备注', 'C', 500],
  ['审批结果', 'C', 20],
  ['审批日期', 'D'],
  ['检查日期', 'D'],
  ['检查结果', 'C', 100],
  ['处理意见', 'C', 500],
  ['经度', 'N', 10, 6],
  ['纬度', 'N', 10, 6],
  ['从业人数', 'N', 8],
  ['注册资本', 'N', 16, 2],
  ['成立日期', 'D'],
  ['变更事项', 'C', 200],
  ['变更日期', 'D'],
  ['注销日期', 'D'],
  ['注销原因', 'C', 200],
  ['负责人', 'C', 50],
  ['联系人', 'C', 50],
  ['信用等级', 'C', 10],
  ['评价得分', 'N', 5, 1],
  ['评价日期', 'D'],
  ['补贴金额', 'N', 12, 2],
  ['发放日期', 'D'],
  ['培训课时', 'N', 6],
  ['考核结果', 'C', 20],
  ['设施编号', 'C', 30],
  ['设施类型', 'C', 50],
  ['建成日期', 'D'],
  ['监测值', 'N', 12, 4],
  ['监测时间', 'T'],
  ['预警级别', 'C', 10],
  ['整改期限', 'D'],
  ['整改情况', 'C', 500],
  ['档案编号', 'C', 30],
  ['归档日期', 'D'],
];

const CYCLES = ['每日', '每月', '每季度', '每年', '实时', '每周'];
const FORMATS = [['数据库'], ['电子表格', 'xlsx'], ['数据库', '接口'], ['库表']];
const SHARE = [
  { type: 1, condition: '作为行政依据，用于业务协同和数据校核', method: '共享平台（服务接口）' },
  { type: 2, condition: '仅向公安、民政部门共享，用于身份核验', method: '共享平台（库表交换）' },
  { type: 3, condition: '依据《中华人民共和国个人信息保护法》不予共享', method: '' },
];

/** Entries per 细目 classification code (sequence codes 1…10 under each). */
const PER_CLASS = 10;

function uscc(deptIndex) {
  const orgBase = String(792112 + deptIndex * 8).padStart(8, '0');
  const first17 = `11450100${orgBase}${orgCodeCheckChar(orgBase)}`;
  return `${first17}${usccCheckChar(first17)}`;
}

function typeOf([, base, length, scale]) {
  if (length === undefined) return base;
  return scale === undefined ? `${base}(${length})` : `${base}(${length},${scale})`;
}

/**
 * The i-th entry of an n-entry catalog, canonical form plus how the template writes it. About 4 % of
 * entries carry a realistic defect (a year in the name, a bad check character, a type without length,
 * a blank summary), so the report has findings of several rules as real catalogs do.
 */
export function entryAt(i) {
  const total = OBJECTS.length * ASPECTS.length * QUALIFIERS.length;
  // A fixed stride coprime to `total` walks every name combination once, well mixed.
  const k = (i * 7919) % total;
  const object = OBJECTS[k % OBJECTS.length];
  const aspect = ASPECTS[Math.floor(k / OBJECTS.length) % ASPECTS.length];
  const qualifier = QUALIFIERS[Math.floor(k / (OBJECTS.length * ASPECTS.length))];
  const block = Math.floor(i / PER_CLASS);
  const deptIndex = block % DEPARTMENTS.length;
  const [dept, unit] = DEPARTMENTS[deptIndex];
  const mu = String(Math.floor(block / DEPARTMENTS.length) + 1).padStart(4, '0');
  const classification = `315${String(10 + deptIndex).padStart(3, '0')}${mu}`;
  const seq = (i % PER_CLASS) + 1;
  const code = `${classification}/${seq}`;
  const items = [];
  const start = (i * 13) % ITEMS.length;
  for (let j = 0; j < ITEMS_PER_ENTRY; j++) {
    const spec = ITEMS[(start + j * 7) % ITEMS.length];
    items.push({ name: spec[0], type: typeOf(spec) });
  }
  let name = `${qualifier}${object}${aspect}`;
  const share = SHARE[i % 3];
  let providerCode = uscc(deptIndex);
  let summary = `${name}，包括${items[0].name}、${items[1].name}、${items[2].name}等${ITEMS_PER_ENTRY}项数据。`;
  if (i % 97 === 41) name = `2020年${name}`;
  if (i % 101 === 17) providerCode = `${providerCode.slice(0, 17)}${providerCode[17] === '0' ? '1' : '0'}`;
  if (i % 89 === 5) items[3] = { name: items[3].name, type: items[3].type.replace(/\(.*\)$/, '') || 'C' };
  if (i % 113 === 29) summary = '';
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  const entry = {
    classification,
    name,
    code,
    provider: `${dept}${unit}`,
    providerCode,
    summary,
    format: FORMATS[i % FORMATS.length],
    items,
    share,
    open: share.type === 1 ? { open: 1, condition: '社会公众可在开放平台下载' } : { open: 0, condition: '' },
    updateCycle: CYCLES[i % CYCLES.length],
    publishDate: { y: 2021, m: month, d: day },
    relatedCodes: i % 10 === 7 ? [`${classification}/${seq - 1}`] : [],
  };
  return entry;
}

/** The template's header rows (Appendix 2 of the guide): a title, group labels, then item and attribute labels. */
export const TITLE = '南宁市政务数据资源目录（基准测试）';
export const HEADER_TOP = [
  '数据资源分类',
  '数据资源名称',
  '数据资源代码',
  '数据资源提供方',
  '数据提供方代码',
  '数据资源摘要',
  '数据资源格式',
  '数据项信息',
  '',
  '共享属性',
  '',
  '',
  '开放属性',
  '',
  '更新周期',
  '发布日期',
  '关联资源代码',
];
export const HEADER_SUB = [
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '数据项名称',
  '数据类型',
  '共享类型',
  '共享条件',
  '共享方式',
  '是否向社会开放',
  '开放条件',
];
/** Columns that hold resource-level values (merged or left blank over an entry's item rows). */
export const RESOURCE_COLUMNS = [0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16];

/** The 17 template cells of an entry's first row (item cells filled per row by the writer). */
export function resourceCells(e) {
  return [
    e.classification,
    e.name,
    e.code,
    e.provider,
    e.providerCode,
    e.summary,
    e.format.join('、'),
    undefined,
    undefined,
    e.share.type,
    e.share.condition,
    e.share.method,
    e.open.open,
    e.open.condition,
    e.updateCycle,
    e.publishDate,
    e.relatedCodes.join('、'),
  ];
}

/** CCYY-MM-DD of a date object. */
export function isoDate({ y, m, d }) {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel serial (1900 system) of a date object. */
export function excelSerial({ y, m, d }) {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
