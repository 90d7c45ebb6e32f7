// The form widgets' script (task, start and message forms): rows of a list of objects and entries
// of a text list are added and removed on the page, and a people picker is narrowed by a search
// box. Without it the forms still work: a few empty rows and inputs are rendered, and the picker
// is a plain list of checkboxes.
(function () {
  'use strict';
  const show = (root, selector) => root.querySelectorAll(selector).forEach((el) => { el.hidden = false; });
  const changed = (el) => el.dispatchEvent(new Event('input', { bubbles: true }));

  // Rows (the evidence list): a new row is the last one emptied, its inputs numbered after the highest index.
  document.querySelectorAll('fieldset[data-rows]').forEach((set) => {
    const name = set.dataset.rows;
    const body = set.querySelector('tbody');
    if (!body) return;
    show(set, '[data-row-actions], [data-add]');
    const pattern = new RegExp('^' + name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\[(\\d+)\\]');
    const nextIndex = () => Math.max(-1, ...[...body.querySelectorAll('[name]')].map((el) => Number((pattern.exec(el.name) || [])[1] ?? -1))) + 1;
    set.querySelector('[data-add]').addEventListener('click', () => {
      const last = body.querySelector('tr:last-child');
      if (!last) return;
      const row = last.cloneNode(true);
      const i = nextIndex();
      row.querySelectorAll('[name]').forEach((el) => {
        el.name = el.name.replace(pattern, `${name}[${i}]`);
        el.value = '';
      });
      body.appendChild(row);
      row.querySelector('input, select')?.focus();
    });
    body.addEventListener('click', (e) => {
      const button = e.target.closest('[data-remove]');
      if (!button) return;
      const row = button.closest('tr');
      // The last row is emptied rather than removed, so there is always one to type into.
      if (body.rows.length > 1) row.remove();
      else row.querySelectorAll('[name]').forEach((el) => { el.value = ''; });
      changed(body);
    });
  });

  // A text list: one input an entry.
  document.querySelectorAll('fieldset[data-list]').forEach((set) => {
    const list = set.querySelector('ol');
    show(set, '[data-remove], [data-add]');
    set.querySelector('[data-add]').addEventListener('click', () => {
      const last = list.querySelector('li:last-child');
      const item = last.cloneNode(true);
      item.querySelector('input').value = '';
      list.appendChild(item);
      item.querySelector('input').focus();
    });
    list.addEventListener('click', (e) => {
      const button = e.target.closest('[data-remove]');
      if (!button) return;
      const item = button.closest('li');
      if (list.children.length > 1) item.remove();
      else item.querySelector('input').value = '';
      changed(list);
    });
  });

  // A people picker: typing narrows the names shown; who is ticked stays shown.
  document.querySelectorAll('fieldset[data-people]').forEach((set) => {
    const filter = set.querySelector('[data-people-filter]');
    if (!filter) return;
    filter.hidden = false;
    filter.addEventListener('input', (e) => {
      e.stopPropagation();
      const words = filter.value.trim().toLowerCase();
      set.querySelectorAll('.people-options label').forEach((label) => {
        const box = label.querySelector('input');
        label.hidden = !!words && !box.checked && !label.textContent.toLowerCase().includes(words);
      });
    });
  });

  // The discretion factors: only the group of the violation type chosen above counts, so only it is shown.
  document.querySelectorAll('fieldset[data-discretion-factors]').forEach((set) => {
    const code = set.form && set.form.querySelector('select[name="violationCode"]');
    if (!code) return;
    const sync = () => set.querySelectorAll('[data-discretion-code]').forEach((g) => { g.hidden = g.dataset.discretionCode !== code.value; });
    code.addEventListener('change', sync);
    sync();
  });
})();
