import { expect } from 'chai';
import { assertTakesEvidence, evidenceLabel } from '../../../src/evidence/case-evidence.ts';
import { annotationFrom } from '../../../src/evidence/evidence-service.ts';
import { ZhifaError } from '../../../src/errors.ts';

/** The rules the evidence API and the task and case pages share (src/evidence/case-evidence.ts). */
describe('Unit: evidence rules shared by the API and the pages', () => {
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (err) {
      return err as ZhifaError;
    }
    return undefined;
  };

  it('takes evidence for an open task only, naming a closed one and how it ended', () => {
    expect(refusal(() => assertTakesEvidence({ status: 'open', name: '现场检查', element_id: 'inspect' }))).to.equal(undefined);
    expect(refusal(() => assertTakesEvidence({ status: 'completed', name: '现场检查', element_id: 'inspect' }))).to.include({ status: 409, detail: '任务「现场检查」已办结，不能再为它上传证据' });
    expect(refusal(() => assertTakesEvidence({ status: 'cancelled', name: null, element_id: 'inspect' }))).to.include({ status: 409, detail: '任务「inspect」已结束，不能再为它上传证据' });
  });

  it('names an entry by its kind and its number in the case', () => {
    expect(evidenceLabel({ kind: '音像记录', seq: 2 })).to.equal('音像记录 No. 2');
  });

  it('reads what a form or a body says about a file, taking only text', () => {
    expect(annotationFrom({ description: '现场录像', place: 42, speakers: '张执法' })).to.deep.equal({ description: '现场录像', place: undefined, speakers: '张执法', summary: undefined });
    expect(annotationFrom({}).description).to.equal('');
  });
});
