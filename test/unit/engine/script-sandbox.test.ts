import { expect } from 'chai';
import { runSandboxed } from '../../../src/engine/script-sandbox.ts';

const LIMITS = { timeoutMs: 500, memoryMb: 16 };
const input = { variables: { amount: 200 }, content: { id: 'task' } };

/** Each way out, tried inside the sandbox; the script reports what it reached. */
const ESCAPES: Record<string, string> = {
  nextConstructor: 'next.constructor("return process")()',
  thisConstructor: 'this.constructor.constructor("return process")()',
  environmentConstructor: 'environment.constructor.constructor("return process")()',
  variablesConstructor: 'environment.variables.constructor.constructor("return process")()',
  globalProcess: 'globalThis.process',
  bareProcess: 'process',
  requireFs: 'require("fs")',
  evalProcess: 'eval("process")',
};

function reportScript(expression: string): string {
  return `var seen; try { seen = typeof (${expression}); } catch (e) { seen = 'error: ' + e.message; } environment.output.seen = seen; next(null, seen);`;
}

describe('engine: a trusted script runs in a sandbox', () => {
  it('runs a script on JSON copies of the variables and returns what it sets', async () => {
    const out = await runSandboxed('environment.output.doubled = environment.variables.amount * 2; next(null, content.id);', 'test/double', input, LIMITS);
    expect(out).to.deep.equal({ result: 'task', output: { doubled: 400 } });
  });

  for (const [name, expression] of Object.entries(ESCAPES)) {
    it(`cannot reach process, require or fs: ${expression}`, async () => {
      const out = await runSandboxed(reportScript(expression), `test/${name}`, input, LIMITS).catch((err: Error) => ({ result: `error: ${err.message}`, output: {} }));
      // Reaching the host would give "object" (process) or "function" (require); the sandbox gives nothing.
      expect(String(out.result), name).to.match(/^(undefined|error: .+)$/);
      expect(process.exitCode ?? 0).to.equal(0);
    });
  }

  it('cannot import a module: import("fs") never resolves to the file system', async () => {
    const script = 'import("fs").then(function (m) { environment.output.fs = typeof m.readFileSync; next(); }, function (e) { environment.output.fs = "error: " + e.message; next(); });';
    const out = await runSandboxed(script, 'test/import', input, LIMITS).catch((err: Error) => ({ result: null, output: { fs: `error: ${err.message}` } }));
    expect(String(out.output.fs)).to.match(/^error: /);
  });

  it('stops an endless loop at the time limit with a clear error', async () => {
    const started = performance.now();
    let error: Error | undefined;
    await runSandboxed('while (true) {}', 'test/loop', input, LIMITS).catch((err: Error) => (error = err));
    expect(error?.message).to.match(/test\/loop 运行超过 500 毫秒，已被终止/);
    expect(performance.now() - started).to.be.below(5000);
  });

  it('stops a memory hog at the memory limit', async () => {
    let error: Error | undefined;
    await runSandboxed('var a = []; while (true) a.push(new Array(1000000).fill(a.length));', 'test/hog', input, { timeoutMs: 10_000, memoryMb: 16 }).catch((err: Error) => (error = err));
    expect(error?.message).to.match(/test\/hog 使用的内存超过 16 MB/);
  });

  it('gives a script no buffer outside the heap that the memory limit caps (typed arrays, ArrayBuffer, SharedArrayBuffer, Atomics, WebAssembly)', async () => {
    const seen = await runSandboxed(
      "next(null, [typeof ArrayBuffer, typeof SharedArrayBuffer, typeof Uint8Array, typeof Float64Array, typeof DataView, typeof Atomics, typeof WebAssembly].join(','));",
      'test/buffers', input, LIMITS,
    );
    expect(seen.result).to.equal('undefined,undefined,undefined,undefined,undefined,undefined,undefined');
    let error: Error | undefined;
    await runSandboxed('var a = []; while (true) a.push(new Uint8Array(128 * 1024 * 1024));', 'test/buffer-hog', input, LIMITS).catch((err: Error) => (error = err));
    expect(error?.message).to.match(/Uint8Array is not defined/);
  });

  it('answers an error for a script that never calls next()', async () => {
    let error: Error | undefined;
    await runSandboxed('var x = 1;', 'test/silent', input, LIMITS).catch((err: Error) => (error = err));
    expect(error?.message).to.match(/without calling next/);
  });
});
