// Previous / next buttons and "Page 2 of 5" from a list's pagination.

/** Updates the pager of a list; hides it when everything fits on one page. */
export function pager({ prev, next, label }, pagination) {
  const { current_page: page = 1, last_page: last = 1 } = pagination ?? {};
  const focused = [prev, next].find((b) => b === document.activeElement);
  prev.disabled = page <= 1;
  next.disabled = page >= last;
  // The focused button just disabled (the last page reached): the focus goes to the other one.
  if (focused?.disabled) (focused === next ? prev : next).focus();
  label.textContent = `Page ${page} of ${Math.max(last, 1)}`;
  prev.parentElement.hidden = last <= 1 && page <= 1;
}
