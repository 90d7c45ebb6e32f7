/** What the runner can be asked to do to one instance. */
export type EngineCommand =
  | { type: 'start'; variables: Record<string, unknown> }
  /** Resume and let due timers fire; nothing else. */
  | { type: 'resume' }
  /** Complete a waiting element (user task, message catch, call activity) with variables. */
  | { type: 'signal'; executionId: string; variables?: Record<string, unknown> }
  /** End a waiting element with a BPMN error, caught by an error boundary event. */
  | { type: 'error'; executionId: string; errorCode: string; message?: string };

export type WaitPoint =
  | {
      kind: 'userTask';
      elementId: string;
      executionId: string;
      name?: string;
      formKey?: string;
      assignee?: string;
      candidateGroups: string[];
      dueSpec?: string;
      dueFrom: Date;
      dueAt?: Date;
    }
  | { kind: 'message'; elementId: string; executionId: string; messageId: string; messageName: string }
  | { kind: 'call'; elementId: string; executionId: string; calledElement: string }
  | { kind: 'other'; elementId: string; executionId: string; type: string };

export interface TrailEntry {
  kind: 'activity.end' | 'timer.fired' | 'process.end';
  elementId: string;
  elementType?: string;
  name?: string;
  at: Date;
}

export interface RunOutcome {
  /** Engine state with the definition source stripped; recovered against the cached version. */
  state: unknown;
  status: 'running' | 'completed';
  variables: Record<string, unknown>;
  waits: WaitPoint[];
  timers: Array<{ elementId: string; executionId: string; expireAt: Date }>;
  /** Execution ids of timers that fired during this run. */
  firedTimers: string[];
  trail: TrailEntry[];
}
