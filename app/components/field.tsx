import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useErrorText } from "./i18n";

// Conform's metadata is generic over the whole form; these components only need the field's own parts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;

type InputType = "text" | "email" | "password" | "date" | "search" | "url" | "number" | "tel";

interface FieldProps {
  meta: AnyField;
  label: string;
  type?: InputType;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  list?: string;
  min?: number;
  max?: number;
  step?: string;
}

/** Label, input, hint and the field's errors in the user's language, wired for screen readers. */
export function Field({ meta, label, type = "text", hint, autoComplete, required, list, min, max, step }: FieldProps) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const input = getInputProps(meta, { type, ariaDescribedBy: hintId });
  // A password is never refilled, whatever the form's last result holds.
  if (type === "password") delete input.defaultValue;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        key={input.key}
        autoComplete={autoComplete}
        required={required}
        list={list}
        min={min}
        max={max}
        step={step}
        aria-invalid={fieldErrors(meta) ? true : undefined}
      />
      <FieldErrors id={meta.errorId} errors={fieldErrors(meta)} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  children,
}: {
  meta: AnyField;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const select = getSelectProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <select {...select} key={select.key} aria-invalid={fieldErrors(meta) ? true : undefined}>
        {children}
      </select>
      <FieldErrors id={meta.errorId} errors={fieldErrors(meta)} />
    </div>
  );
}

/** The field's own errors and those of its items ("countries[1]"), once each. */
export function fieldErrors(meta: AnyField): string[] | undefined {
  const all = [...new Set(Object.values(meta.allErrors as Record<string, string[]>).flat())];
  return all.length ? all : undefined;
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const text = useErrorText();
  return (
    <div id={id} className="field-errors" aria-live="polite">
      {errors?.length ? errors.map((e) => <p key={e}>{text(e)}</p>) : null}
    </div>
  );
}

/** Errors that belong to the whole form (wrong password, rate limit, licence). */
export function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const text = useErrorText();
  if (!errors?.length) return <div id={id} />;
  return (
    <div id={id} className="form-errors" role="alert">
      {errors.map((e) => (
        <p key={e}>{text(e)}</p>
      ))}
    </div>
  );
}
