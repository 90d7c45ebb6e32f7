import path from 'node:path';
import { expect } from 'chai';
import { FormRegistry } from '../../../src/domain/forms.ts';
import { formFields, type PersonOption } from '../../../src/http/web/shared/form-fields.ts';
import { ROOT } from '../../helpers/server.ts';

describe('Unit: people pickers of task forms', () => {
  const forms = new FormRegistry();
  forms.loadDirectory(path.join(ROOT, 'forms'));
  const people: PersonOption[] = [
    { username: 'officer1', label: '张执法', groups: ['officers'], certified: true },
    { username: 'reviewer1', label: '王审查', groups: ['case-reviewers'], certified: true },
    { username: 'legal1', label: '赵法制', groups: ['legal-reviewers'], certified: false },
    { username: 'expired', label: '证件过期', groups: ['officers'], certified: false },
    { username: 'head1', label: '王局长', groups: ['heads'], certified: false },
  ];
  const offered = (formKey: string, field: string, values: Record<string, unknown> = {}) =>
    formFields(forms.get(formKey)!, values, {}, people).find((f) => f.name === field)!.options!.map((o) => o.value);

  it('offers certified officers in an officer picker, and keeps someone already chosen', () => {
    expect(offered('penalty-investigation', 'investigators')).to.deep.equal(['officer1', 'reviewer1']);
    expect(offered('penalty-investigation', 'investigators', { investigators: ['expired'] }), 'a stored choice is not silently dropped').to.include('expired');
  });

  it("offers a group's members where the form names the group", () => {
    expect(offered('legal-review-submission', 'investigators')).to.deep.equal(['officer1', 'expired']);
  });

  it('处罚法 art. 57: the chair and each member of a collective discussion are chosen from the heads, by name, not typed as a user name', () => {
    const chair = formFields(forms.get('penalty-collective')!, {}, {}, people).find((f) => f.name === 'collectiveChair')!;
    expect(chair.title).to.equal('主持人');
    expect(chair.options!.map((o) => [o.value, o.label])).to.deep.equal([['', '（不选）'], ['head1', '王局长']]);
    const opinions = formFields(forms.get('penalty-extension-collective')!, {}, {}, people).find((f) => f.name === 'extensionMemberOpinions')!;
    expect(opinions.rows![0]!.find((c) => c.name.endsWith('[member]'))!.options!.map((o) => o.value)).to.deep.equal(['', 'head1']);
  });
});
