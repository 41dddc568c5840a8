import { useT } from "./i18n";

/** A field people never see (display: none) and bots fill in; app/web/forms.server.ts rejects those. */
export function Honeypot() {
  const t = useT();
  return (
    <div style={{ display: "none" }}>
      <label htmlFor="hp-website">{t("signup.honeypot")}</label>
      <input id="hp-website" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
