import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../src/config.ts';

describe('config: the trusted scripts file', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-config-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trusts nothing when the default file is absent', () => {
    expect(loadConfig({}, dir).engine.trustedScripts).to.deep.equal([]);
  });

  it('reads the hashes of the listed scripts', () => {
    const hash = 'AB'.repeat(32);
    const cfg = loadConfig({ ZHIFA_TRUSTED_SCRIPTS: file('ok.json', JSON.stringify([{ sha256: hash, note: '计算滞纳金' }])) }, dir);
    expect(cfg.engine.trustedScripts).to.deep.equal([hash.toLowerCase()]);
  });

  it('stops the server on a file it cannot read, or a named file that is missing', () => {
    expect(() => loadConfig({ ZHIFA_TRUSTED_SCRIPTS: file('bad.json', '[{"sha256": ') }, dir)).to.throw(ConfigError, /not JSON/);
    expect(() => loadConfig({ ZHIFA_TRUSTED_SCRIPTS: file('short.json', '[{"sha256": "abc"}]') }, dir)).to.throw(ConfigError, /entry 1.*64 hexadecimal/);
    expect(() => loadConfig({ ZHIFA_TRUSTED_SCRIPTS: path.join(dir, 'missing.json') }, dir)).to.throw(ConfigError, /does not exist/);
  });

  it('reads the engine limits, refusing nonsense', () => {
    expect(loadConfig({ ZHIFA_MAX_STEPS_PER_COMMAND: '50' }, dir).engine.limits.maxStepsPerCommand).to.equal(50);
    expect(() => loadConfig({ ZHIFA_MAX_NESTING: '0' }, dir)).to.throw(ConfigError, /ZHIFA_MAX_NESTING/);
  });
});
