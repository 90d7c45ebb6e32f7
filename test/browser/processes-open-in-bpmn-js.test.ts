import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { ROOT } from '../helpers/server.ts';

const require = createRequire(import.meta.url);
const VIEWER = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const files = fs.readdirSync(path.join(ROOT, 'processes')).filter((f) => f.endsWith('.bpmn'));

/** What a process administrator sees: every diagram in processes/ imported by bpmn-js in Chromium, without a warning. */
describe('Browser: every file in processes/ opens in bpmn-js', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  before(function () { skipWithoutChromium(this); });
  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
    await page.addScriptTag({ path: VIEWER });
  });
  after(() => browser?.close());

  it('finds the procedures in processes/ (an empty folder would check nothing)', () => {
    expect(files).to.include.members(['penalty.bpmn', 'permit.bpmn', 'coercion.bpmn', 'legal-review.bpmn', 'publication.bpmn']);
  });

  for (const file of files) {
    it(file, async () => {
      const xml = fs.readFileSync(path.join(ROOT, 'processes', file), 'utf8');
      const result = await page.evaluate(async (source) => {
        const BpmnJS = (window as unknown as { BpmnJS: new (o: unknown) => any }).BpmnJS;
        const viewer = new BpmnJS({ container: '#canvas' });
        try {
          const { warnings } = await viewer.importXML(source);
          const shapes = viewer.get('elementRegistry').filter((e: { type: string }) => e.type !== 'label').length;
          return { warnings: warnings.map((w: { message: string }) => w.message), shapes };
        } finally {
          viewer.destroy();
        }
      }, xml);
      expect(result.warnings).to.deep.equal([]);
      expect(result.shapes, 'the diagram draws its elements').to.be.greaterThan(5);
    });
  }
});
