// A realistic 40-entry Nanning catalog for reader tests: departments, USCCs with valid check characters, items.
import { orgCodeCheckChar, usccCheckChar } from '../../src/rules/helpers/uscc.js';

/** One data item as the fixture knows it (canonical values). */
export interface FixtureItem {
  name: string;
  fieldName: string;
  /** Canonical type, e.g. C(18), N(10,2), D. */
  type: string;
  /** Base letter and length, for layouts that write them in separate columns. */
  base: string;
  length?: number;
  scale?: number;
}

/** One shared-catalog entry in canonical form. */
export interface FixtureEntry {
  classification: string;
  name: string;
  code: string;
  provider: string;
  providerCode: string;
  summary: string;
  format: string[];
  items: FixtureItem[];
  share: { type: 1 | 2 | 3; condition: string; method?: string };
  open: { open: 0 | 1; condition?: string };
  updateCycle: string;
  publishDate: string;
  relatedCodes?: string[];
}

/** A USCC for a Nanning government organ (11 = 机关, 450100 = 南宁市) with valid check characters. */
export function nanningUscc(orgBase: string): string {
  const org = `${orgBase}${orgCodeCheckChar(orgBase)}`;
  const first17 = `11450100${org}`;
  return `${first17}${usccCheckChar(first17)}`;
}

const DEPARTMENTS: { name: string; unit: string; org: string; item: string }[] = [
  { name: '南宁市教育局', unit: '基础教育科', org: '00792112', item: '028' },
  { name: '南宁市公安局', unit: '人口管理支队', org: '00792120', item: '030' },
  { name: '南宁市民政局', unit: '社会事务科', org: '00792139', item: '031' },
  { name: '南宁市人力资源和社会保障局', unit: '就业促进科', org: '00792147', item: '034' },
  { name: '南宁市自然资源局', unit: '不动产登记中心', org: '00792155', item: '035' },
  { name: '南宁市住房和城乡建设局', unit: '建筑市场监管科', org: '00792163', item: '037' },
  { name: '南宁市卫生健康委员会', unit: '医政医管科', org: '00792171', item: '041' },
  { name: '南宁市市场监督管理局', unit: '食品经营监管科', org: '00792180', item: '018' },
];

type ItemSpec = [name: string, fieldName: string, base: string, length?: number, scale?: number];

const RESOURCES: { name: string; summary: string; items: ItemSpec[] }[] = [
  {
    name: '中小学校基本信息',
    summary: '全市中小学校的学校名称、办学类型、地址、在校生数和教职工数。',
    items: [
      ['学校名称', 'XXMC', 'C', 100],
      ['办学类型', 'BXLX', 'C', 20],
      ['学校地址', 'XXDZ', 'C', 200],
      ['在校生数', 'ZXSS', 'N', 8],
    ],
  },
  {
    name: '教师资格认定信息',
    summary: '教师资格认定的证书编号、姓名、资格种类、任教学科和认定日期。',
    items: [
      ['证书编号', 'ZSBH', 'C', 17],
      ['姓名', 'XM', 'C', 50],
      ['资格种类', 'ZGZL', 'C', 30],
      ['认定日期', 'RDRQ', 'D'],
    ],
  },
  {
    name: '民办学校办学许可信息',
    summary: '民办学校办学许可证号、举办者、办学地址和有效期。',
    items: [
      ['许可证号', 'XKZH', 'C', 30],
      ['学校名称', 'XXMC', 'C', 100],
      ['有效期至', 'YXQZ', 'D'],
    ],
  },
  {
    name: '学生资助发放信息',
    summary: '学生资助项目、资助金额、发放日期和发放学校。',
    items: [
      ['资助项目', 'ZZXM', 'C', 50],
      ['资助金额', 'ZZJE', 'N', 10, 2],
      ['发放日期', 'FFRQ', 'D'],
    ],
  },
  {
    name: '流动人口居住登记信息',
    summary: '流动人口居住登记的姓名、公民身份号码、居住地址和登记日期。',
    items: [
      ['姓名', 'XM', 'C', 50],
      ['公民身份号码', 'GMSFHM', 'C', 18],
      ['居住地址', 'JZDZ', 'C', 200],
      ['登记日期', 'DJRQ', 'D'],
    ],
  },
  {
    name: '机动车驾驶人信息',
    summary: '驾驶人姓名、准驾车型、初次领证日期和驾驶证状态。',
    items: [
      ['姓名', 'XM', 'C', 50],
      ['准驾车型', 'ZJCX', 'C', 10],
      ['初次领证日期', 'CCLZRQ', 'D'],
      ['驾驶证状态', 'JSZZT', 'C', 2],
    ],
  },
  {
    name: '居民身份证办理信息',
    summary: '居民身份证受理编号、申领原因、受理日期和领取方式。',
    items: [
      ['受理编号', 'SLBH', 'C', 30],
      ['申领原因', 'SLYY', 'C', 20],
      ['受理日期', 'SLRQ', 'D'],
    ],
  },
  {
    name: '婚姻登记信息',
    summary: '结婚、离婚登记的登记类型、登记日期和登记机关。',
    items: [
      ['登记类型', 'DJLX', 'C', 10],
      ['登记日期', 'DJRQ', 'D'],
      ['登记机关', 'DJJG', 'C', 100],
    ],
  },
  {
    name: '社会组织登记信息',
    summary: '社会组织名称、统一社会信用代码、类型、业务主管单位和成立日期。',
    items: [
      ['社会组织名称', 'SHZZMC', 'C', 200],
      ['统一社会信用代码', 'TYSHXYDM', 'C', 18],
      ['组织类型', 'ZZLX', 'C', 20],
      ['成立日期', 'CLRQ', 'D'],
    ],
  },
  {
    name: '最低生活保障对象信息',
    summary: '低保对象户主姓名、保障人数、保障金额和所属街道。',
    items: [
      ['户主姓名', 'HZXM', 'C', 50],
      ['保障人数', 'BZRS', 'N', 3],
      ['保障金额', 'BZJE', 'N', 10, 2],
    ],
  },
  {
    name: '养老机构备案信息',
    summary: '养老机构名称、床位数、地址和备案日期。',
    items: [
      ['机构名称', 'JGMC', 'C', 200],
      ['床位数', 'CWS', 'N', 6],
      ['备案日期', 'BARQ', 'D'],
    ],
  },
  {
    name: '社会保险参保信息',
    summary: '参保人员险种、参保状态、缴费基数和参保日期。',
    items: [
      ['公民身份号码', 'GMSFHM', 'C', 18],
      ['险种类型', 'XZLX', 'C', 10],
      ['参保状态', 'CBZT', 'C', 2],
      ['缴费基数', 'JFJS', 'N', 12, 2],
    ],
  },
  {
    name: '就业登记信息',
    summary: '劳动者就业登记的用人单位、岗位、登记日期。',
    items: [
      ['姓名', 'XM', 'C', 50],
      ['用人单位名称', 'YRDWMC', 'C', 200],
      ['登记日期', 'DJRQ', 'D'],
    ],
  },
  {
    name: '职业技能等级证书信息',
    summary: '职业技能等级证书编号、职业名称、等级和发证日期。',
    items: [
      ['证书编号', 'ZSBH', 'C', 30],
      ['职业名称', 'ZYMC', 'C', 100],
      ['技能等级', 'JNDJ', 'C', 10],
      ['发证日期', 'FZRQ', 'D'],
    ],
  },
  {
    name: '失业保险金发放信息',
    summary: '失业保险金领取人、发放月份和发放金额。',
    items: [
      ['姓名', 'XM', 'C', 50],
      ['发放月份', 'FFYF', 'C', 6],
      ['发放金额', 'FFJE', 'N', 10, 2],
    ],
  },
  {
    name: '不动产登记信息',
    summary: '不动产单元号、权利人、坐落、用途和登记日期。',
    items: [
      ['不动产单元号', 'BDCDYH', 'C', 28],
      ['权利人', 'QLR', 'C', 200],
      ['坐落', 'ZL', 'C', 300],
      ['登记日期', 'DJRQ', 'D'],
    ],
  },
  {
    name: '建设用地规划许可信息',
    summary: '用地单位、用地位置、用地面积和许可证号。',
    items: [
      ['许可证号', 'XKZH', 'C', 30],
      ['用地单位', 'YDDW', 'C', 200],
      ['用地面积', 'YDMJ', 'N', 12, 2],
    ],
  },
  {
    name: '土地出让信息',
    summary: '地块编号、出让面积、成交价格和成交日期。',
    items: [
      ['地块编号', 'DKBH', 'C', 30],
      ['出让面积', 'CRMJ', 'N', 12, 2],
      ['成交价格', 'CJJG', 'N', 14, 2],
      ['成交日期', 'CJRQ', 'D'],
    ],
  },
  {
    name: '测绘资质信息',
    summary: '测绘单位名称、资质等级、证书编号和有效期。',
    items: [
      ['单位名称', 'DWMC', 'C', 200],
      ['资质等级', 'ZZDJ', 'C', 10],
      ['证书编号', 'ZSBH', 'C', 30],
    ],
  },
  {
    name: '建筑施工企业资质信息',
    summary: '企业名称、资质类别、资质等级和证书有效期。',
    items: [
      ['企业名称', 'QYMC', 'C', 200],
      ['资质类别', 'ZZLB', 'C', 50],
      ['资质等级', 'ZZDJ', 'C', 10],
      ['有效期至', 'YXQZ', 'D'],
    ],
  },
  {
    name: '商品房预售许可信息',
    summary: '项目名称、预售许可证号、预售面积和发证日期。',
    items: [
      ['项目名称', 'XMMC', 'C', 200],
      ['预售许可证号', 'YSXKZH', 'C', 30],
      ['预售面积', 'YSMJ', 'N', 12, 2],
    ],
  },
  {
    name: '建筑工程施工许可信息',
    summary: '工程名称、建设单位、施工单位、合同价格和发证日期。',
    items: [
      ['工程名称', 'GCMC', 'C', 200],
      ['建设单位', 'JSDW', 'C', 200],
      ['施工单位', 'SGDW', 'C', 200],
      ['合同价格', 'HTJG', 'N', 14, 2],
    ],
  },
  {
    name: '住房公积金缴存信息',
    summary: '缴存单位、缴存人数、月缴存额和缴存状态。',
    items: [
      ['单位名称', 'DWMC', 'C', 200],
      ['缴存人数', 'JCRS', 'N', 8],
      ['月缴存额', 'YJCE', 'N', 12, 2],
    ],
  },
  {
    name: '物业服务企业信息',
    summary: '物业服务企业名称、负责人、在管项目数和注册地址。',
    items: [
      ['企业名称', 'QYMC', 'C', 200],
      ['负责人', 'FZR', 'C', 50],
      ['在管项目数', 'ZGXMS', 'N', 6],
    ],
  },
  {
    name: '执业医师注册信息',
    summary: '医师姓名、执业类别、执业范围、执业地点和注册日期。',
    items: [
      ['姓名', 'XM', 'C', 50],
      ['执业类别', 'ZYLB', 'C', 20],
      ['执业范围', 'ZYFW', 'C', 50],
      ['注册日期', 'ZCRQ', 'D'],
    ],
  },
  {
    name: '医疗机构执业许可信息',
    summary: '医疗机构名称、类别、诊疗科目和许可证有效期。',
    items: [
      ['机构名称', 'JGMC', 'C', 200],
      ['机构类别', 'JGLB', 'C', 50],
      ['诊疗科目', 'ZLKM', 'C', 500],
      ['有效期至', 'YXQZ', 'D'],
    ],
  },
  {
    name: '出生医学证明信息',
    summary: '出生医学证明编号、新生儿姓名、出生日期和签发机构。',
    items: [
      ['证明编号', 'ZMBH', 'C', 10],
      ['新生儿姓名', 'XSEXM', 'C', 50],
      ['出生日期', 'CSRQ', 'D'],
    ],
  },
  {
    name: '预防接种信息',
    summary: '受种者、疫苗名称、接种日期和接种单位。',
    items: [
      ['受种者姓名', 'SZZXM', 'C', 50],
      ['疫苗名称', 'YMMC', 'C', 100],
      ['接种日期', 'JZRQ', 'D'],
    ],
  },
  {
    name: '护士执业注册信息',
    summary: '护士姓名、执业地点和注册有效期。',
    items: [
      ['姓名', 'XM', 'C', 50],
      ['执业地点', 'ZYDD', 'C', 200],
      ['有效期至', 'YXQZ', 'D'],
    ],
  },
  {
    name: '公共场所卫生许可信息',
    summary: '单位名称、经营项目、许可证号和有效期。',
    items: [
      ['单位名称', 'DWMC', 'C', 200],
      ['经营项目', 'JYXM', 'C', 100],
      ['许可证号', 'XKZH', 'C', 30],
    ],
  },
  {
    name: '食品经营许可信息',
    summary: '食品经营许可证编号、经营者名称、经营场所、主体业态和有效期。',
    items: [
      ['许可证编号', 'XKZBH', 'C', 20],
      ['经营者名称', 'JYZMC', 'C', 200],
      ['经营场所', 'JYCS', 'C', 300],
      ['主体业态', 'ZTYT', 'C', 50],
      ['有效期至', 'YXQZ', 'D'],
    ],
  },
  {
    name: '食品生产许可信息',
    summary: '食品生产许可证编号、生产者名称、食品类别和有效期。',
    items: [
      ['许可证编号', 'XKZBH', 'C', 20],
      ['生产者名称', 'SCZMC', 'C', 200],
      ['食品类别', 'SPLB', 'C', 100],
    ],
  },
  {
    name: '市场主体登记信息',
    summary: '市场主体名称、统一社会信用代码、类型、法定代表人和成立日期。',
    items: [
      ['主体名称', 'ZTMC', 'C', 200],
      ['统一社会信用代码', 'TYSHXYDM', 'C', 18],
      ['主体类型', 'ZTLX', 'C', 50],
      ['法定代表人', 'FDDBR', 'C', 50],
      ['成立日期', 'CLRQ', 'D'],
    ],
  },
  {
    name: '行政处罚信息',
    summary: '行政处罚决定书文号、当事人、违法行为类型和处罚日期。',
    items: [
      ['决定书文号', 'JDSWH', 'C', 100],
      ['当事人名称', 'DSRMC', 'C', 200],
      ['处罚日期', 'CFRQ', 'D'],
    ],
  },
  {
    name: '特种设备使用登记信息',
    summary: '设备类别、使用单位、登记证编号和检验日期。',
    items: [
      ['设备类别', 'SBLB', 'C', 50],
      ['使用单位', 'SYDW', 'C', 200],
      ['登记证编号', 'DJZBH', 'C', 30],
    ],
  },
  {
    name: '计量器具检定信息',
    summary: '器具名称、检定结论、检定日期和有效期。',
    items: [
      ['器具名称', 'QJMC', 'C', 100],
      ['检定结论', 'JDJL', 'C', 20],
      ['检定日期', 'JDRQ', 'D'],
    ],
  },
  {
    name: '广告发布登记信息',
    summary: '广告发布单位、登记证号和有效期。',
    items: [
      ['单位名称', 'DWMC', 'C', 200],
      ['登记证号', 'DJZH', 'C', 30],
      ['有效期至', 'YXQZ', 'D'],
    ],
  },
  {
    name: '药品零售企业许可信息',
    summary: '企业名称、许可证编号、经营范围和有效期。',
    items: [
      ['企业名称', 'QYMC', 'C', 200],
      ['许可证编号', 'XKZBH', 'C', 30],
      ['经营范围', 'JYFW', 'C', 500],
    ],
  },
  {
    name: '产品质量监督抽查信息',
    summary: '抽查产品名称、被抽查企业、抽查结果和抽查日期。',
    items: [
      ['产品名称', 'CPMC', 'C', 100],
      ['被抽查企业', 'BCCQY', 'C', 200],
      ['抽查结果', 'CCJG', 'C', 20],
      ['抽查日期', 'CCRQ', 'D'],
    ],
  },
  {
    name: '消费投诉举报信息',
    summary: '投诉举报编号、被投诉对象、问题类别和处理结果。',
    items: [
      ['投诉编号', 'TSBH', 'C', 30],
      ['被投诉对象', 'BTSDX', 'C', 200],
      ['处理结果', 'CLJG', 'C', 500],
    ],
  },
];

const CYCLES = ['每日', '每月', '每季度', '每年', '实时', '每周'];
const FORMATS = [['数据库'], ['电子表格', 'xlsx'], ['数据库', '接口'], ['库表']];
const SHARE: FixtureEntry['share'][] = [
  { type: 1, condition: '作为行政依据，用于业务协同和数据校核', method: '共享平台（服务接口）' },
  { type: 2, condition: '仅向公安、民政部门共享，用于身份核验', method: '共享平台（库表交换）' },
  { type: 3, condition: '依据《中华人民共和国个人信息保护法》不予共享' },
];

function item(spec: ItemSpec): FixtureItem {
  const [name, fieldName, base, length, scale] = spec;
  const out: FixtureItem = { name, fieldName, base, type: base };
  if (length !== undefined) {
    out.length = length;
    out.type = scale === undefined ? `${base}(${length})` : `${base}(${length},${scale})`;
  }
  if (scale !== undefined) out.scale = scale;
  return out;
}

/** The 40 shared-catalog entries, five per department, in canonical form. */
export function sharedFixture(): FixtureEntry[] {
  return RESOURCES.map((r, i) => {
    const dept = DEPARTMENTS[Math.floor(i / 5)]!;
    const classification = `315${dept.item}${String((i % 5) + 1).padStart(3, '0')}`;
    const share = SHARE[i % 3]!;
    const entry: FixtureEntry = {
      classification,
      name: r.name,
      code: `${classification}/${(i % 2) + 1}`,
      provider: `${dept.name}${dept.unit}`,
      providerCode: nanningUscc(dept.org),
      summary: r.summary,
      format: FORMATS[i % FORMATS.length]!,
      items: r.items.map(item),
      share: { ...share },
      open: share.type === 1 ? { open: 1, condition: '社会公众可在开放平台下载' } : { open: 0 },
      updateCycle: CYCLES[i % CYCLES.length]!,
      publishDate: `2021-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    };
    // Every tenth entry also lists its neighbour (same department) as the same resource elsewhere.
    if (i % 10 === 7) {
      const j = i - 1;
      entry.relatedCodes = [`315${dept.item}${String((j % 5) + 1).padStart(3, '0')}/${(j % 2) + 1}`];
    }
    return entry;
  });
}

/** One open-portal entry in canonical form. */
export interface OpenFixtureEntry {
  name: string;
  provider: string;
  summary: string;
  format: string[];
  updateCycle: string;
  mode: string;
  recordCount: number;
  publishDate: string;
  updateDate: string;
  domain: string;
  tags: string[];
}

const DOMAINS = ['教育文化', '社会保障', '城建住房', '医疗卫生', '市场监管', '交通出行'];

/** The 40 open-catalog entries a portal export would list. */
export function openFixture(): OpenFixtureEntry[] {
  return RESOURCES.map((r, i) => {
    const dept = DEPARTMENTS[Math.floor(i / 5)]!;
    return {
      name: r.name,
      provider: dept.name,
      summary: r.summary,
      format: i % 8 === 5 ? [] : i % 2 === 0 ? ['xls', 'json'] : ['csv', 'xlsx', 'json'],
      updateCycle: CYCLES[i % CYCLES.length]!,
      mode: i % 4 === 3 ? '有条件开放' : '无条件开放',
      recordCount: 1000 + i * 137,
      publishDate: `2020-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      updateDate: `2021-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 20) + 5).padStart(2, '0')}`,
      domain: DOMAINS[i % DOMAINS.length]!,
      tags: [r.name.slice(0, 2), DOMAINS[i % DOMAINS.length]!.slice(0, 2)],
    };
  });
}
