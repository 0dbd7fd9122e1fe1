/** The student id box of a page whose rubric gives every student their own numbers. */
import type { Words } from '../words.js';
import { h } from './dom.js';
import type { StudentLookup } from './protocol.js';

/** What the page knows of the id: nothing yet, being looked up, or the worker's answer. */
export type StudentState = StudentLookup | 'checking' | null;

/** The id field (Enter or the button uses it), and what the page knows of the id. */
export function studentBox(w: Words, state: { readonly studentId: string; readonly student: StudentState }, on: { typed: (id: string) => void; use: () => void }): HTMLElement {
  const input = h('input', { type: 'text', id: 'student-id', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'id-status' });
  input.value = state.studentId;
  input.addEventListener('input', () => on.typed(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') on.use();
  });
  const use = h('button', { type: 'button', id: 'use-id' }, w.useId);
  use.addEventListener('click', on.use);
  const { text, alert } = studentStatus(w, state.student);
  return h(
    'section',
    { class: 'student-id no-print', 'aria-labelledby': 'id-label' },
    h('label', { for: 'student-id', id: 'id-label' }, w.idLabel),
    h('div', { class: 'id-row' }, input, use),
    h('p', { id: 'id-status', role: 'status', 'aria-live': 'polite', class: alert ? 'alert' : 'muted' }, text),
  );
}

export function studentStatus(w: Words, student: StudentState): { text: string; alert: boolean } {
  if (student === 'checking') return { text: w.idChecking, alert: false };
  if (student === null) return { text: w.idHint, alert: false };
  if (student.studentId === null) return { text: w.needId, alert: true };
  return student.known ? { text: w.idKnown(student.studentId), alert: false } : { text: w.idUnknown(student.studentId), alert: true };
}
