import { Environment } from 'bpmn-elements';

type Resolver = { resolveExpression(expr: string, context?: unknown, fnContext?: unknown): unknown; isExpression(t: string): boolean; hasExpression(t: string): boolean };

const base = new Environment().expressions as unknown as Resolver;
const WHOLE = /^\$\{([^}]+)\}$/;
const EMBEDDED = /\$\{([^}]+)\}/g;
const OPERATOR = /==|!=|<=|>=|<|>|&&|\|\||!/;
const TOKEN = /\s*(?:(==|!=|<=|>=|&&|\|\||[<>!()])|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*))/y;
const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*$/;
const SEGMENT = /[A-Za-z_$][\w$]*|\d+/g;
/** Names that lead from data to the realm's Function constructor or to an object's internals. */
const FORBIDDEN = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/**
 * bpmn-elements' default resolver calls any function a path names, with arguments, and follows
 * `constructor`: `${content.constructor.constructor('return process')}` hands out the server's
 * Function. Zhifa replaces it everywhere the engine evaluates diagram text (conditions, timers,
 * names, loop cardinality, called elements): a path reads data only, never calls, never returns a
 * function, never follows `constructor` or `__proto__`; anything else is not an expression.
 * On top, comparisons, `&&`, `||`, `!` and literals are evaluated by a small parser (never
 * `eval`), and a bare name means a process variable, as in Camunda.
 */
export function createExpressions(): Resolver {
  return {
    isExpression: (t) => base.isExpression(t),
    hasExpression: (t) => base.hasExpression(t),
    resolveExpression(expr, context) {
      if (typeof expr !== 'string') return expr;
      const whole = WHOLE.exec(expr.trim());
      if (whole) return evaluate(whole[1]!.trim(), context);
      if (!expr.includes('${')) return expr;
      return expr.replace(EMBEDDED, (_, inner: string) => {
        const v = evaluate(inner.trim(), context);
        return v === undefined || v === null ? '' : String(v);
      });
    },
  };
}

function evaluate(inner: string, context: unknown): unknown {
  if (!OPERATOR.test(inner.replace(/'[^']*'|"[^"]*"/g, ''))) {
    if (inner === 'null') return null;
    return literal(inner) ?? lookup(inner, context);
  }
  return new Parser(inner, (path) => lookup(path, context)).parse();
}

function literal(text: string): boolean | number | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}

/**
 * The value at a dotted path (`a.b`, `list[0]`), reading data only. A function anywhere on the
 * path, or a forbidden name, reads as undefined.
 */
export function readPath(root: unknown, path: string): unknown {
  if (!PATH.test(path)) return undefined;
  let cur: unknown = root;
  for (const segment of path.match(SEGMENT) ?? []) {
    if (FORBIDDEN.has(segment)) return undefined;
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[segment];
    if (typeof cur === 'function') return undefined;
  }
  return cur;
}

function lookup(path: string, context: unknown): unknown {
  const value = readPath(context, path);
  if (value !== undefined || /^(environment|content|properties|fields)\b/.test(path)) return value;
  return readPath(context, `environment.variables.${path}`);
}

class Parser {
  private readonly tokens: string[] = [];
  private i = 0;

  constructor(private readonly text: string, private readonly resolve: (path: string) => unknown) {
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length) {
      const start = TOKEN.lastIndex;
      const m = TOKEN.exec(text);
      if (!m || TOKEN.lastIndex === start) {
        if (/^\s*$/.test(text.slice(start))) break;
        throw new Error(`cannot read the expression "${text}" at "${text.slice(start)}"`);
      }
      this.tokens.push(m[0].trim());
    }
  }

  parse(): unknown {
    const value = this.or();
    if (this.i < this.tokens.length) throw new Error(`unexpected "${this.tokens[this.i]}" in "${this.text}"`);
    return value;
  }

  private or(): unknown {
    let left = this.and();
    while (this.take('||')) {
      const right = this.and(); // always parsed: short-circuiting here would leave its tokens unread
      left = Boolean(left) || Boolean(right);
    }
    return left;
  }

  private and(): unknown {
    let left = this.not();
    while (this.take('&&')) {
      const right = this.not();
      left = Boolean(left) && Boolean(right);
    }
    return left;
  }

  private not(): unknown {
    return this.take('!') ? !this.not() : this.comparison();
  }

  private comparison(): unknown {
    const left = this.primary();
    const op = ['==', '!=', '<=', '>=', '<', '>'].find((o) => this.peek() === o);
    if (!op) return left;
    this.i++;
    const right = this.primary();
    switch (op) {
      case '==': return left == right; // eslint-disable-line eqeqeq -- '5' == 5 as in JUEL
      case '!=': return left != right; // eslint-disable-line eqeqeq
      case '<': return (left as number) < (right as number);
      case '>': return (left as number) > (right as number);
      case '<=': return (left as number) <= (right as number);
      default: return (left as number) >= (right as number);
    }
  }

  private primary(): unknown {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new Error(`the expression "${this.text}" ends too early`);
    if (t === '(') {
      const v = this.or();
      if (!this.take(')')) throw new Error(`missing ")" in "${this.text}"`);
      return v;
    }
    if (/^['"]/.test(t)) return t.slice(1, -1).replace(/\\(.)/g, '$1');
    if (/^-?\d/.test(t)) return Number(t);
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t === 'null') return null;
    if (/^[A-Za-z_$]/.test(t)) return this.resolve(t);
    throw new Error(`unexpected "${t}" in "${this.text}"`);
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private take(t: string): boolean {
    if (this.tokens[this.i] !== t) return false;
    this.i++;
    return true;
  }
}
