import { Environment } from 'bpmn-elements';

type Resolver = { resolveExpression(expr: string, context?: unknown, fnContext?: unknown): unknown; isExpression(t: string): boolean; hasExpression(t: string): boolean };

const base = new Environment().expressions as unknown as Resolver;
const WHOLE = /^\$\{([\s\S]+)\}$/;
const OPERATOR = /==|!=|<=|>=|<|>|&&|\|\||!/;
const TOKEN = /\s*(?:(==|!=|<=|>=|&&|\|\||[<>!()])|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*))/y;

/**
 * bpmn-elements resolves `${path}` only. Diagrams (and Camunda Modeler users) write conditions
 * such as `${opinion == 'agree'}` or `${fineAmount >= 200000 && !hearingHeld}`: this adds
 * comparisons, `&&`, `||`, `!` and literals, evaluated by a small parser (never `eval`), and lets a
 * bare name mean a process variable, as in Camunda. Everything else goes to the default resolver.
 */
export function createExpressions(): Resolver {
  return {
    isExpression: (t) => base.isExpression(t),
    hasExpression: (t) => base.hasExpression(t),
    resolveExpression(expr, context, fnContext) {
      const whole = typeof expr === 'string' ? WHOLE.exec(expr.trim()) : null;
      if (!whole) return base.resolveExpression(expr, context, fnContext);
      const inner = whole[1]!.trim();
      if (!OPERATOR.test(inner.replace(/'[^']*'|"[^"]*"/g, ''))) return lookup(inner, context, fnContext);
      return new Parser(inner, (path) => lookup(path, context, fnContext)).parse();
    },
  };
}

function lookup(path: string, context: unknown, fnContext: unknown): unknown {
  const value = base.resolveExpression(`\${${path}}`, context, fnContext);
  if (value !== undefined || /^(environment|content|properties|fields)\b/.test(path)) return value;
  return base.resolveExpression(`\${environment.variables.${path}}`, context, fnContext);
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
