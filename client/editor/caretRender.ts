// The DOM of another person's caret: a thin line in their colour with their name above it.
export interface CaretUser {
  name?: string;
  color?: string;
}

export function renderCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.setProperty('--caret-color', user.color ?? '#868e96');
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.textContent = user.name ?? '';
  caret.append(label);
  return caret;
}
