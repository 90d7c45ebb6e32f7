import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { periodsAfterProblems, type PeriodAfter } from './date-rules.ts';
import { finePaymentProblems, type FinePaymentRule } from './fine-payment.ts';
import { fieldErrors, type FieldError } from './form-messages.ts';

/** Zhifa's own keywords in a form: rules that need more than the submitted data. */
// ajv-formats is CommonJS with a default export; under ESM the plugin sits on `.default`.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => void }).default;

export interface FormRules {
  /** Fields holding usernames of enforcement officers who must hold a valid certificate and be distinct. */
  certifiedOfficers?: string[];
  /** Investigation and on-site steps: whoever completes the task must hold a valid enforcement certificate. */
  certifiedActor?: boolean;
  /** A decision step: refused while the case needs a legal review that has not passed. */
  requiresPassedReview?: boolean;
  /** Case variables (a username or a list) naming people who may not complete this task (a reviewer is not an investigator). */
  excludeActorsIn?: string[];
  /** Case variable in which the submitter's username is kept (e.g. who handled the case). */
  recordActorAs?: string;
  /** Documents (documents/<kind>.hbs) issued, numbered and filed when the task completes. */
  issueDocuments?: string[];
  /** Date fields that must lie at least a period (P7WD, P15CD) after another date, or after today. */
  periodsAfter?: PeriodAfter[];
  /** A fine payment: the amount must be the fine plus the surcharge due on the day paid. */
  finePayment?: FinePaymentRule;
}

export interface TaskForm {
  key: string;
  schema: Record<string, unknown> & { title?: string; properties?: Record<string, { title?: string; [keyword: string]: unknown }> };
  rules: FormRules;
  validate: ValidateFunction;
}

export class FormError extends Error {}

/**
 * The task forms of forms/<formKey>.json: JSON Schema 2020-12 with zh-CN titles, UI hints under
 * `x-ui` and rules under `x-zhifa`. Every file is compiled at start: a form that does not compile
 * stops the server with its file name, rather than failing the first clerk who opens it.
 */
export class FormRegistry {
  private readonly forms = new Map<string, TaskForm>();
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });

  constructor() {
    addFormats(this.ajv);
  }

  loadDirectory(dir: string): number {
    if (!fs.existsSync(dir)) return 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const full = path.join(dir, file);
      try {
        this.add(path.basename(file, '.json'), JSON.parse(fs.readFileSync(full, 'utf8')));
      } catch (err) {
        throw new FormError(`form ${full} cannot be used: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return this.forms.size;
  }

  add(key: string, schema: TaskForm['schema']): void {
    const rules = (schema['x-zhifa'] ?? {}) as FormRules;
    const fields = Object.keys(schema.properties ?? {});
    const problems = [
      ...periodsAfterProblems(rules.periodsAfter, fields),
      ...finePaymentProblems(rules.finePayment, fields),
    ];
    if (problems.length) throw new FormError(problems.join('; '));
    this.forms.set(key, { key, schema, rules, validate: this.ajv.compile(schema) });
  }

  get(key: string | null | undefined): TaskForm | undefined {
    return key ? this.forms.get(key) : undefined;
  }

  keys(): string[] {
    return [...this.forms.keys()];
  }

  /** Field-level problems of a submission; empty when it is valid. */
  check(form: TaskForm, data: Record<string, unknown>): FieldError[] {
    return form.validate(data) ? [] : fieldErrors(form.validate.errors ?? [], form.schema);
  }
}
