import { Worker } from 'node:worker_threads';

export interface ScriptInput {
  /** The process variables, as JSON: only data crosses into the script. */
  variables: Record<string, unknown>;
  /** The element's run message (id, executionId…), as JSON. */
  content: Record<string, unknown>;
}

export interface ScriptResult {
  /** What the script passed to `next(null, result)`. */
  result: unknown;
  /** What it set on `environment.output`, merged into the process variables by the caller. */
  output: Record<string, unknown>;
}

/**
 * The worker's code. The script runs in a fresh vm context whose every object is made in that
 * context's own realm: the input arrives as a JSON string and is parsed there, and `next` is
 * defined there, so no object of the worker leaks a `constructor` chain to a Function that could
 * reach `process`. String code generation (eval, new Function) is off in the context. The worker
 * itself gets an empty environment, no stdin, and is killed from outside on time or memory.
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
// Buffers live outside the V8 heap that resourceLimits caps: a script could fill the server's memory.
const BOOT = "'use strict';" +
  "['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'WebAssembly', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array'," +
  " 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'].forEach(function (n) { delete globalThis[n]; });" +
  "var __done;" +
  "var environment = { variables: JSON.parse(__input).variables, output: {} };" +
  "var content = JSON.parse(__input).content;" +
  "var next = function (err, result) {" +
  "  if (__done !== undefined) return;" +
  "  __done = err ? JSON.stringify({ error: String(err && err.message || err) })" +
  "    : JSON.stringify({ result: result === undefined ? null : result, output: environment.output });" +
  "};";
let answer;
try {
  const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' });
  context.__input = workerData.input;
  vm.runInContext(BOOT, context);
  delete context.__input;
  const script = new vm.Script(workerData.body, { filename: workerData.filename });
  script.runInContext(context, { timeout: workerData.timeoutMs });
  const done = vm.runInContext('__done', context);
  answer = typeof done === 'string' ? done : JSON.stringify({ error: 'the script ended without calling next()' });
} catch (err) {
  let message;
  try { message = String(err && err.message || err); } catch { message = 'the script failed'; }
  answer = JSON.stringify({ error: message });
}
parentPort.postMessage(answer);
`;

export class ScriptFailure extends Error {}

/** Runs one trusted script in its own worker, within a time and a memory limit. */
export function runSandboxed(body: string, filename: string, input: ScriptInput, limits: { timeoutMs: number; memoryMb: number }): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      env: {},
      stdin: false,
      stdout: true,
      stderr: true,
      workerData: { body, filename, input: JSON.stringify(input), timeoutMs: limits.timeoutMs },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.max(1, Math.ceil(limits.memoryMb / 4)), codeRangeSizeMb: 4, stackSizeMb: 1 },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate().catch(() => undefined); // already stopping: nothing left to tell anyone
      fn();
    };
    // The vm timeout stops a loop in the script itself; this stops everything else (a loop in a
    // microtask, a worker that will not start), with some slack for the worker's start.
    const timer = setTimeout(() => finish(() => reject(new ScriptFailure(`脚本 ${filename} 运行超过 ${limits.timeoutMs} 毫秒，已被终止`))), limits.timeoutMs + 2000);
    worker.on('message', (text: unknown) =>
      finish(() => {
        let answer: { error?: string; result?: unknown; output?: Record<string, unknown> };
        try {
          answer = JSON.parse(String(text)) as typeof answer;
        } catch {
          answer = { error: 'the script answered something that is not JSON' };
        }
        if (answer.error !== undefined) {
          const timedOut = /timed out/i.test(answer.error);
          reject(new ScriptFailure(timedOut ? `脚本 ${filename} 运行超过 ${limits.timeoutMs} 毫秒，已被终止` : `脚本 ${filename} 出错：${answer.error}`));
        } else resolve({ result: answer.result, output: answer.output ?? {} });
      }),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() => {
        const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(new ScriptFailure(memory ? `脚本 ${filename} 使用的内存超过 ${limits.memoryMb} MB，已被终止` : `脚本 ${filename} 出错：${err.message}`));
      }),
    );
    worker.on('exit', (code) => finish(() => reject(new ScriptFailure(`脚本 ${filename} 的运行环境意外退出（${code}）`))));
  });
}
