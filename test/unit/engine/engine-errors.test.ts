import { expect } from 'chai';
import { parseBpmn } from '../../../src/engine/compile.ts';
import { CommandLimitError, DeploymentError, EngineErrorCodes, EngineRunError } from '../../../src/engine/errors.ts';
import { ZhifaError } from '../../../src/errors.ts';
import { knownError } from '../../../src/http/problem.ts';

describe('engine errors and their HTTP answers', () => {
  it('the engine throws its own errors, not HTTP ones', async () => {
    const err = await parseBpmn('<not-bpmn').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(DeploymentError).and.not.instanceOf(ZhifaError);
    expect((err as DeploymentError).code).to.equal(EngineErrorCodes.invalidDiagram);
  });

  it('the HTTP edge maps each code to one status, with the problems', () => {
    expect(knownError(DeploymentError.invalid('does not parse'))).to.deep.include({ status: 400, detail: 'does not parse' });
    const refused = new DeploymentError(EngineErrorCodes.refusedDiagram, [{ message: '脚本任务', elementId: 'run' }]);
    expect(knownError(refused)).to.deep.equal({ status: 422, detail: '脚本任务', extra: { code: 'diagram.refused', problems: [{ message: '脚本任务', elementId: 'run' }] } });
    expect(knownError(new CommandLimitError('超过 200 个环节', 'loop'))).to.deep.include({ status: 422, extra: { code: 'command.limit', elementId: 'loop' } });
    expect(knownError(new EngineRunError('boom'))?.status).to.equal(422);
    expect(knownError(new Error('fault'))).to.equal(null);
  });
});
