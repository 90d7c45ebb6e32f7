import { expect } from 'chai';
import { exclusionOf } from '../../../src/domain/publication/exclusion.ts';
import { buildFields, PENALTY_FIELDS, PERMIT_FIELDS, yuanToWan } from '../../../src/domain/publication/fields.ts';
import { addCalendarPeriod, publicationEnd } from '../../../src/domain/publication/periods.ts';
import { checkRedactionLists, pseudonym, redactParts, redactText } from '../../../src/domain/publication/redaction.ts';

const AGENCY = { name: '湘西土家族苗族自治州生态环境局', creditCode: '11433100MB1234567A' };

describe('domain: publication redaction (脱敏)', () => {
  it('masks an 18-digit ID number (with an X check digit too) but not dates, amounts or document numbers', () => {
    expect(redactText('当事人王五（身份证号433101198805061232）于2026年3月2日')).to.equal('当事人王五（身份证号4****************2）于2026年3月2日');
    expect(redactText('身份证号码：43310119900101008X。')).to.equal('身份证号码：4****************X。');
    expect(redactText('罚款300000元，湘西环罚〔2026〕12号，20260302')).to.equal('罚款300000元，湘西环罚〔2026〕12号，20260302');
  });

  it('masks mobile and landline numbers', () => {
    expect(redactText('联系电话13812345678、+86 13912345678')).to.equal('联系电话138****5678、+86 139****5678');
    expect(redactText('办公电话0743-8221234')).to.equal('办公电话0743-*******');
  });

  it('masks bank account numbers, grouped or not, leaving the last four digits', () => {
    expect(redactText('开户行账号6222021234567890123')).to.equal('开户行账号***************0123');
    expect(redactText('对公账户 1234 5678 9012 3456')).to.equal('对公账户 ************3456');
  });

  it('masks labelled addresses and house numbers, keeping the road', () => {
    expect(redactText('住址：湖南省吉首市乾州街道人民北路12号3栋，')).to.equal('住址：***，');
    expect(redactText('在人民北路12号3栋经营')).to.equal('在人民北路***经营');
    expect(redactText('家住吉首市某村')).to.equal('家住***');
  });

  it('names other natural persons only by surname; the longest name first', () => {
    expect(pseudonym('张三')).to.equal('张某');
    expect(pseudonym('欧阳娜娜')).to.equal('欧阳某');
    expect(redactText('员工张三、张三丰证实', { names: ['张三', '张三丰'] })).to.equal('员工张某、张某证实');
  });

  it('hides the terms the reviewer lists (***) before the names, and names what each redacted part replaced and why, the parts joining to the published text', () => {
    const text = '员工张三（电话13812345678）驾驶湘A12345，住址：吉首市人民北路12号';
    const parts = redactParts(text, { names: ['张三'], texts: ['湘A12345'] });
    expect(parts).to.deep.equal([
      { text: '员工' },
      { text: '张某', redacted: { original: '张三', reason: 'name' } },
      { text: '（电话' },
      { text: '138****5678', redacted: { original: '13812345678', reason: 'mobile' } },
      { text: '）驾驶' },
      { text: '***', redacted: { original: '湘A12345', reason: 'text' } },
      { text: '，住址：' },
      { text: '***', redacted: { original: '吉首市人民北路12号', reason: 'address' } },
    ]);
    expect(parts.map((p) => p.text).join('')).to.equal(redactText(text, { names: ['张三'], texts: ['湘A12345'] }));
    expect(redactText('王某某的车湘A12345', { names: ['王某某'], texts: ['王某某的车'] }), 'a listed term that holds a name is hidden whole').to.equal('***湘A12345');
  });

  it('takes a name or term of 2 to 30 characters in the reviewer\'s lists, naming the entry refused', () => {
    const title = (f: string) => ({ namesToRedact: '姓名', textsToRedact: '内容' })[f] ?? f;
    expect(checkRedactionLists(['namesToRedact', 'textsToRedact'], { namesToRedact: ['张三', '欧阳娜娜'], textsToRedact: ['湘A12345', '一'.repeat(30)] }, title)).to.deep.equal([]);
    expect(checkRedactionLists(['namesToRedact', 'textsToRedact'], { namesToRedact: ['', '张'], textsToRedact: ['一'.repeat(31)] }, title).map((e) => e.message)).to.deep.equal([
      '「姓名」第 1 项为空：每项填写一个要隐去的姓名或词语，不需要的请删去',
      '「姓名」第 2 项「张」只有 1 个字：会把公示内容中所有的「张」都隐去，请填写完整的姓名或词语',
      '「内容」第 1 项超过 30 个字（「一一一一一一一一一一…」）：只填写要隐去的姓名或词语；整段内容不宜公开的，请选择「依法不予公示」并写明理由',
    ]);
  });

  it('leaves clean text alone', () => {
    const text = '2026年2月现场检查发现该公司废气排放口二氧化硫浓度超标1.5倍。';
    expect(redactText(text)).to.equal(text);
  });
});

describe('domain: publication fields (双公示) and periods', () => {
  const penalty = {
    party: '湘西某化工有限公司', partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', legalRepresentative: '李四',
    penaltyDecisionNo: '湘西环罚〔2026〕12号', violationType: '超标排放大气污染物', legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项',
    facts: '经查，当事人于2026年2月超标排放；员工张三（电话13812345678）证实。', decidedPenaltyKinds: ['fine', 'confiscateIllegalGains'], penaltyContent: '罚款三十万元，没收违法所得一万二千三百四十五元',
    decidedFineAmount: 300000, confiscatedAmount: 12345, decisionDate: '2026-03-02', namesToRedact: ['张三'],
  };

  it('converts yuan to 万元', () => {
    expect(yuanToWan(300000)).to.equal(30);
    expect(yuanToWan(12345)).to.equal(1.2345);
    expect(yuanToWan('1,000.5')).to.equal(0.10005);
    expect(yuanToWan(undefined)).to.equal(0);
  });

  it('builds every penalty field, redacting the free text only', () => {
    const f = buildFields('penalty', penalty, { agency: AGENCY, decisionNo: '湘西环罚〔2026〕12号', decisionDate: '2026-03-02', lastDay: '2027-03-01' });
    expect(Object.keys(f)).to.have.members([...PENALTY_FIELDS]);
    expect(f).to.include({
      行政相对人名称: '湘西某化工有限公司', 统一社会信用代码: '91433100MA4L12345F', 法定代表人: '李四', 处罚类别: '罚款；没收违法所得',
      '罚款金额（万元）': 30, '没收违法所得、没收非法财物的金额（万元）': 1.2345, 处罚决定日期: '2026-03-02', 公示截止期: '2027-03-01', 行政处罚决定书文号: '湘西环罚〔2026〕12号',
      处罚机关: AGENCY.name, 处罚机关统一社会信用代码: AGENCY.creditCode, 数据来源单位: AGENCY.name, 处罚有效期: '2099-12-31',
    });
    expect(f['违法事实']).to.equal('经查，当事人于2026年2月超标排放；员工张某（电话138****5678）证实。');
  });

  it('publishes no credit code or legal representative for a natural person', () => {
    const f = buildFields('penalty', { ...penalty, party: '王五', partyType: '自然人', creditCode: '433101198805061232' }, { agency: AGENCY, decisionNo: '湘西环罚〔2026〕12号', decisionDate: '2026-03-02', lastDay: '2027-03-01' });
    expect(f).to.include({ 行政相对人名称: '王五', 行政相对人类别: '自然人', 统一社会信用代码: '', 法定代表人: '' });
  });

  it('builds every permit field, long-term when no end date is given', () => {
    const f = buildFields('permit', { applicant: '吉首市某污水处理厂', creditCode: '12433101MB0000000X', permitDecisionNo: '湘西环许〔2026〕3号', permitCategory: '核准', licenceName: '排污许可证', licenceNumber: '91433101XX001P', permitScope: '准予排放…', validFrom: '2026-03-10' }, { agency: AGENCY, decisionNo: '湘西环许〔2026〕3号', decisionDate: '2026-03-09', lastDay: '2099-12-31' });
    expect(Object.keys(f)).to.have.members([...PERMIT_FIELDS]);
    expect(f).to.include({ 行政相对人名称: '吉首市某污水处理厂', 许可类别: '核准', 有效期自: '2026-03-10', 有效期至: '2099-12-31', 许可机关: AGENCY.name, 当前状态: '有效', 行政许可决定文书名称: '行政许可决定书', 行政许可决定文书号: '湘西环许〔2026〕3号', 许可决定日期: '2026-03-09' });
  });

  it('ends a publication period by kind: ordinary penalty 1 year, serious 3 years, permit at 有效期至, a case override', () => {
    expect(addCalendarPeriod('2024-02-29', 'P1Y')).to.equal('2025-02-28');
    expect(addCalendarPeriod('2026-08-31', 'P6M')).to.equal('2027-02-28');
    const ordinary = publicationEnd('penalty', '2026-03-02', {});
    expect(ordinary.lastDay).to.equal('2027-03-01');
    expect(ordinary.until.toISOString()).to.equal('2027-03-01T16:00:00.000Z'); // 2027-03-02 00:00 in Shanghai
    expect(publicationEnd('penalty', '2026-03-02', { serious: true }).lastDay).to.equal('2029-03-01');
    expect(publicationEnd('permit', '2026-03-02', { validTo: '2031-03-01' }).lastDay).to.equal('2031-03-01');
    expect(publicationEnd('permit', '2026-03-02', {}).lastDay).to.equal('2099-12-31');
    expect(publicationEnd('penalty', '2026-03-02', { override: 'P3M' }).lastDay).to.equal('2026-06-01');
    expect(() => publicationEnd('other', '2026-03-02', { override: 'P5WD' })).to.throw(/calendar period/);
  });

  it('excludes minors, secrets and privacy with the reason', () => {
    expect(exclusionOf({})).to.deep.equal({ excluded: false });
    expect(exclusionOf({ partyIsMinor: true })).to.deep.equal({ excluded: true, reason: '涉及未成年人' });
    expect(exclusionOf({ publicationExcluded: true, publicationExclusionReason: '涉及商业秘密' })).to.deep.equal({ excluded: true, reason: '涉及商业秘密' });
  });
});
