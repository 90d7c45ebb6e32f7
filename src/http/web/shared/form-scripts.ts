/** The scripts of pages with a task form's fields: the widgets (rows, lists, people search) everywhere, drafts and uploads on a task. */
export const FORM_SCRIPTS = ['/assets/form-widgets.js'];
export const TASK_SCRIPTS = [...FORM_SCRIPTS, '/assets/task-form.js'];
