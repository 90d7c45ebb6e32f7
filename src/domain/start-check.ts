import { shanghaiDate } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import { ZhifaError } from '../errors.ts';
import { checkNotAfterToday } from './not-after-today.ts';
import { checkPartyNumber } from './party-number-rule.ts';
import type { Actor } from '../workflow/actor.ts';
import type { FormRegistry } from './forms.ts';
import type { ProtectedVariables } from './protected-variables.ts';

/** Checks what a new case may start with; returns the variables to start it with. `processName`: the diagram's name of the process, for refusals. */
export type StartCheck = (processKey: string, variables: Record<string, unknown>, actor: Actor, processName?: string) => Record<string, unknown>;

/** The form a process starts with: forms/<process>-start.json. */
export const startFormKey = (processKey: string) => `${processKey}-start`;

/**
 * One check for every start, from the API and from the page alike: protected variables first (so
 * the refusal names their owner), then the start form — only the fields it declares, checked by
 * its schema. A process without a start form starts with no data from staff; administrators, who
 * deploy the diagrams themselves, may start one (a called procedure started by hand) with any data.
 */
export function createStartCheck(forms: FormRegistry, protectedVariables: ProtectedVariables, clock?: Clock): StartCheck {
  return (processKey, variables, actor, processName) => {
    const form = forms.get(startFormKey(processKey));
    const admin = actor.roles.includes('admin');
    if (!form && admin) return variables;
    protectedVariables.assertWritable(variables, { kind: 'start' });
    if (!form) {
      if (Object.keys(variables).length === 0) return variables;
      const called = processName ?? processKey;
      throw new ZhifaError('unprocessable', `「${called}」没有启动表单，启动时不能携带数据（系统管理员可在 forms/${startFormKey(processKey)}.json 中声明启动时填写的字段）`, {
        extra: { errors: Object.keys(variables).map((field) => ({ field, message: `「${field}」不能在启动「${called}」时提交` })) },
      });
    }
    const errors = forms.checkDeclared(form, variables);
    if (form.rules.notAfterToday) {
      if (!clock) throw new Error(`start form ${form.key} checks dates against today but the start check was built without the clock`);
      errors.push(...checkNotAfterToday(form.rules.notAfterToday, variables, (f) => form.schema.properties?.[f]?.title ?? f, shanghaiDate(clock.now())));
    }
    // The party's number by its check digit; the case keeps it as normalised (no spaces, X upper-case).
    const numbered = form.rules.partyNumber ? checkPartyNumber(form.rules.partyNumber, variables, clock && shanghaiDate(clock.now())) : { variables, errors: [] };
    errors.push(...numbered.errors.filter((e) => !errors.some((x) => x.field === e.field)));
    if (errors.length) throw new ZhifaError('unprocessable', `表单「${form.schema.title ?? form.key}」有误：${errors.map((e) => e.message).join('；')}`, { extra: { errors } });
    return numbered.variables;
  };
}
