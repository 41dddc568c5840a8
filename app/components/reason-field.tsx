import type { StageReason } from "~/domain/shortlists/stages";
import { FieldErrors } from "./field";
import { useT } from "./i18n";

/** The reason to withdraw or reject a candidate: a labelled select with its error (an encoded message) below. */
export function ReasonField({
  id,
  reasons,
  error,
}: {
  id: string;
  reasons: readonly StageReason[];
  error: string | undefined;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t("sl.reason_label")}</label>
      <select
        id={id}
        name="reason"
        defaultValue=""
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t("sl.choose_reason")}</option>
        {reasons.map((r) => (
          <option key={r} value={r}>
            {t(`reason.${r}`)}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={error ? [error] : undefined} />
    </div>
  );
}
