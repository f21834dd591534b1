import { type Draft, SETTING_FIELDS, type SettingKey } from '../../lib/settings/fields';
import { Field, hintId, problemId } from './Field';

interface Props {
  name: SettingKey;
  draft: Draft;
  problem?: string;
  onChange(patch: Partial<Draft>): void;
}

/** One setting as the table (lib/settings/fields.ts) declares it: its label, input, hint and problem. */
export function SettingInput({ name, draft, problem, onChange }: Props) {
  const { label, hint, input } = SETTING_FIELDS[name];
  const value = draft[name];
  const set = (next: unknown) => onChange({ [name]: next } as Partial<Draft>);
  if (input.kind === 'checkbox') {
    return (
      <label class="check">
        <input type="checkbox" checked={value === true} onChange={(e) => set(e.currentTarget.checked)} />
        {label}
      </label>
    );
  }
  const describedBy = problem ? problemId(name) : hint ? hintId(name) : undefined;
  return (
    <Field id={name} label={label} hint={hint} problem={problem}>
      {input.kind === 'select' ? (
        <select id={name} value={String(value)} onChange={(e) => set(e.currentTarget.value)}>
          {input.options.map((option) => (
            <option value={option.value} key={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={name}
          type={input.kind === 'url' ? 'url' : input.kind === 'number' ? 'number' : 'text'}
          value={String(value)}
          onInput={(e) => set(e.currentTarget.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          spellcheck={false}
          autoComplete="off"
          {...(input.kind === 'number' ? { min: input.min, max: input.max, inputMode: input.inputMode } : {})}
          {...(input.kind === 'text' ? { placeholder: input.placeholder, maxLength: input.maxLength } : {})}
        />
      )}
    </Field>
  );
}
