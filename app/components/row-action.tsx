import { Form } from "@remix-run/react";

/** A one-button form acting on one row of a table (revoke a key, lift a listing, remove a standard). */
export function RowAction({
  intent,
  field,
  value,
  label,
  ariaLabel,
  tone = "danger",
}: {
  intent: string;
  field: string;
  value: string;
  label: string;
  ariaLabel: string;
  tone?: "danger" | "secondary";
}) {
  return (
    <Form method="post">
      <input type="hidden" name={field} value={value} />
      <button type="submit" name="intent" value={intent} className={`${tone} small`} aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  );
}
