import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadAvRecordingMatters, loadInspectionMatters } from '../../../src/domain/public-lists.ts';
import { ROOT } from '../../helpers/server.ts';

describe('public lists (rules/random-inspection.json, rules/av-recording-matters.json)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-lists-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, data: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
    return file;
  };

  it('reads the agency\'s lists: the seizure on site is recorded on video throughout, the others as needed', () => {
    const inspection = loadInspectionMatters(path.join(ROOT, 'rules/random-inspection.json'));
    expect(inspection.items.length).to.be.greaterThan(3);
    const av = loadAvRecordingMatters(path.join(ROOT, 'rules/av-recording-matters.json'));
    expect(av.items.filter((i) => i.mandatory).map((i) => i.id)).to.deep.equal(['seizure-on-site']);
    expect(av.items.map((i) => i.id)).to.include.members(['on-site-inspection', 'service-by-posting', 'hearing']);
    expect(av.items.find((i) => i.id === 'seizure-on-site')?.steps, 'the steps the gate holds').to.deep.equal([{ process: 'coercion', element: 'onSite' }]);
  });

  it('refuses a file that does not parse, lacks its heading, or has an item missing a text, naming the file and the item', () => {
    expect(() => loadInspectionMatters(write('broken.json', '{'))).to.throw(/broken\.json cannot be read/);
    expect(() => loadInspectionMatters(write('no-items.json', { title: 't', version: '1' }))).to.throw(/needs "title", "version" and "items"/);
    expect(() => loadInspectionMatters(write('item.json', { title: 't', version: '1', items: [{ id: 'x', name: '检查', targets: '企业', basis: '', method: 'm', ratio: 'r' }] }))).to.throw(/item 1 \(x\) needs the texts basis/);
    expect(() => loadAvRecordingMatters(write('av.json', { title: 't', version: '1', items: [{ id: 'h', name: '听证', requirement: '根据需要', basis: 'b', mandatory: 'yes' }] }))).to.throw(/item h: "mandatory" must be true or false/);
    expect(() => loadAvRecordingMatters(write('av-steps.json', { title: 't', version: '1', items: [{ id: 's', name: '查封', requirement: '全程', basis: 'b', mandatory: true, steps: [{ process: 'coercion' }] }] }))).to.throw(/item s: "steps" must be a list of/);
  });
});
