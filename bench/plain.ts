import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import { BpmnModdle } from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { BPMN, DECISION } from './settings.ts';

const require = createRequire(import.meta.url);
const camundaSchema = require('camunda-bpmn-moddle/resources/camunda.json');

type WaitApi = { type: string; environment: { assignVariables(v: Record<string, unknown>): void }; signal(message?: unknown): void };

/**
 * The baseline: the same process run wholly in memory by bpmn-engine, nothing stored.
 * The XML is parsed once, as Zhifa parses it once per deployed version, so the ratio
 * compares running an instance, not parsing XML.
 */
export async function plainRunner(): Promise<() => Promise<void>> {
  const moddle = new BpmnModdle({ camunda: camundaSchema });
  const moddleContext = await moddle.fromXML(BPMN);
  const sourceContext = serializer(moddleContext as never, TypeResolver(Elements as never));

  return async function runOne() {
    const listener = new EventEmitter();
    let tasks = 0;
    listener.on('wait', (api: WaitApi) => {
      if (api.type !== 'bpmn:UserTask') return;
      // Like Zhifa's runner: the decision becomes a process variable, then the task completes.
      if (tasks++ === 0) api.environment.assignVariables(DECISION);
      api.signal({});
    });
    // The same silent logger as Zhifa's runner, so the ratio compares work, not logging set-up.
    const engine = new Engine({ sourceContext, Logger: silentLogger } as never);
    const ended = engine.waitFor('end');
    await engine.execute({ listener } as never);
    await ended;
    if (tasks !== 2) throw new Error(`plain bpmn-engine completed ${tasks} user tasks, expected 2`);
  };
}

const silentLogger = () => ({ debug() {}, error() {}, warn() {} });
