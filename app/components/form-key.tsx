/** The hidden field that makes a creating form safe to double-submit (app/web/form-keys.server.ts). */
export const FORM_KEY_FIELD = "formKey";

export function FormKeyField({ value }: { value: string | undefined }) {
  return value ? <input type="hidden" name={FORM_KEY_FIELD} value={value} /> : null;
}
