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
    <div class={`field${problem ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {problem ? (
        <p class="problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      ) : (
        hint && (
          <p class="hint muted" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}
