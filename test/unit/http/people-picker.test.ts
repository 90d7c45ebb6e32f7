import path from 'node:path';
import { expect } from 'chai';
import { FormRegistry } from '../../../src/domain/forms.ts';
import { formFields, type PersonOption } from '../../../src/http/web/form-fields.ts';
import { ROOT } from '../../helpers/server.ts';

describe('Unit: people pickers of task forms', () => {
  const forms = new FormRegistry();
  forms.loadDirectory(path.join(ROOT, 'forms'));
  const people: PersonOption[] = [
    { username: 'officer1', label: '张执法', groups: ['officers'], certified: true },
    { username: 'reviewer1', label: '王审查', groups: ['case-reviewers'], certified: true },
    { username: 'legal1', label: '赵法制', groups: ['legal-reviewers'], certified: false },
    { username: 'expired', label: '证件过期', groups: ['officers'], certified: false },
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
});
