// After a refused submit the page comes back with its errors: focus moves to the first field in
// error (its message is read through aria-describedby), or to the form's error message, so a
// keyboard or screen-reader user starts where the problem is. A file of its own: the CSP forbids
// inline scripts.
(function () {
  // A selector list would match in document order (a people picker's filter box comes before its
  // invalid checkboxes), so ask for a field marked invalid first, then any control of a field in error.
  const first = document.querySelector('main input[aria-invalid="true"], main select[aria-invalid="true"], main textarea[aria-invalid="true"]') ||
    document.querySelector('main .field.invalid input:not([type=search]), main .field.invalid select, main .field.invalid textarea');
  const target = first || document.querySelector('main .error[role="alert"]');
  if (!target) return;
  if (!first && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  if (target.scrollIntoView) target.scrollIntoView({ block: 'center' });
})();
