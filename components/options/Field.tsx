import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  hint?: string;
  problem?: string;
  children: ComponentChildren;
}

/** A labelled input with its hint and, as you type, its problem. */
export function Field({ id, label, hint, problem, children }: Props) {
  return (
    <div class={problem ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {problem ? (
        <p class="problem" id={problemId(id)} role="alert">
          {problem}
        </p>
      ) : (
        hint && (
          <p class="hint muted" id={hintId(id)}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/** The id of a field's problem, for its input's aria-describedby. */
export function problemId(id: string): string {
  return `${id}-problem`;
}

/** The id of a field's hint, for its input's aria-describedby. */
export function hintId(id: string): string {
  return `${id}-hint`;
}
