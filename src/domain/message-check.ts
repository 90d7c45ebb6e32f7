import { ZhifaError } from '../errors.ts';
import type { Actor } from '../workflow/actor.ts';
import type { FormRegistry } from './forms.ts';
import type { ProtectedVariables } from './protected-variables.ts';

/**
 * Checks what a message may set on a case; returns the variables to apply. `label`: the name the
 * diagram gives the step waiting for it (收到听证申请), when one waits; refusals name the message by
 * it, or by its form's title, never by its technical name alone.
 */
export type MessageCheck = (name: string, variables: Record<string, unknown>, actor: Actor, label?: string) => Record<string, unknown>;

/**
 * A message is an outside event reaching a case (a hearing request, supplemented materials), and
 * what it carries becomes case variables: without a check, anyone who may send it could set
 * `legalReviewPassed`. So staff send only what `forms/<message name>.json` declares, checked like a
 * start form, and never a protected variable; a message without a form carries nothing.
 * Administrators, who deploy the diagrams themselves, may correct a case with any data.
 */
export function createMessageCheck(forms: FormRegistry, protectedVariables: ProtectedVariables): MessageCheck {
  return (name, variables, actor, label) => {
    if (actor.roles.includes('admin')) return variables;
    protectedVariables.assertWritable(variables, { kind: 'message', name });
    const form = forms.get(name);
    const called = form?.schema.title ?? label ?? name;
    if (!form) {
      if (Object.keys(variables).length === 0) return variables;
      // A field no form declares has no title: it is named as it was sent.
      throw new ZhifaError('unprocessable', `「${called}」不携带数据（系统管理员可在 forms/${name}.json 中声明它可以携带的字段）`, {
        extra: { errors: Object.keys(variables).map((field) => ({ field, message: `「${field}」不能随「${called}」提交` })) },
      });
    }
    const errors = forms.checkDeclared(form, variables);
    if (errors.length) throw new ZhifaError('unprocessable', `「${called}」有误：${errors.map((e) => e.message).join('；')}`, { extra: { errors } });
    return variables;
  };
}
