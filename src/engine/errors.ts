/**
 * The engine's own error family. src/engine knows nothing of HTTP: it says what went wrong
 * (`code`) and the HTTP edge (src/http/problem.ts) decides the status.
 */
export const EngineErrorCodes = {
  /** The document is not BPMN Zhifa can read (XML, schema, no executable process). */
  invalidDiagram: 'diagram.invalid',
  /** A readable diagram that Zhifa refuses to run (scripts, nesting, size, unknown form, unreadable time). */
  refusedDiagram: 'diagram.refused',
  /** One command ran more steps than allowed without reaching a wait state. */
  commandLimit: 'command.limit',
  /** The engine failed the command (an element failed, nothing waits where a signal was sent). */
  runFailed: 'command.failed',
} as const;

export type EngineErrorCode = (typeof EngineErrorCodes)[keyof typeof EngineErrorCodes];

export class EngineError extends Error {
  constructor(readonly code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One reason a diagram would be refused, with the element it names when it names one. */
export interface DiagramProblem {
  message: string;
  elementId: string | null;
}

/** A diagram that cannot be deployed, with every problem found (not only the first). */
export class DeploymentError extends EngineError {
  readonly problems: DiagramProblem[];

  constructor(code: typeof EngineErrorCodes.invalidDiagram | typeof EngineErrorCodes.refusedDiagram, problems: DiagramProblem[], summary?: string) {
    super(code, summary ?? problems.map((p) => p.message).join('；'));
    this.problems = problems;
  }

  static invalid(message: string, elementId: string | null = null): DeploymentError {
    return new DeploymentError(EngineErrorCodes.invalidDiagram, [{ message, elementId }]);
  }
}

/** A command that did not settle within its step limit: rolled back, naming where it was looping. */
export class CommandLimitError extends EngineError {
  constructor(message: string, readonly elementId: string | null) {
    super(EngineErrorCodes.commandLimit, message);
  }
}

/** The engine itself failed a command; the caller rolls the whole command back. */
export class EngineRunError extends EngineError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(EngineErrorCodes.runFailed, message, options);
  }
}
