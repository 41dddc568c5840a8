import { useEffect, useRef, useState } from "react";

/**
 * A "choose all" checkbox for a list of checkboxes that belong to one form (by the form's id, whether the boxes sit
 * inside it or name it in their `form` attribute). It needs JavaScript, so it is shown only once the page runs it;
 * it is checked when every box is, and mixed when some are.
 */
export function ChooseAll({ formId, name, label }: { formId: string; name: string; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    setRunning(true);
    const boxes = () =>
      [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${name}"]`)].filter(
        (b) => b.form?.id === formId,
      );
    const sync = () => {
      const all = boxes();
      const on = all.filter((b) => b.checked).length;
      if (!ref.current) return;
      ref.current.checked = all.length > 0 && on === all.length;
      ref.current.indeterminate = on > 0 && on < all.length;
    };
    const onChange = (e: Event) => {
      const target = e.target as HTMLInputElement | null;
      if (target && target === ref.current) {
        for (const b of boxes()) b.checked = target.checked;
      }
      sync();
    };
    sync();
    document.addEventListener("change", onChange);
    return () => document.removeEventListener("change", onChange);
  }, [formId, name]);
  const id = `${formId}-all`;
  return (
    <div className="check choose-all" hidden={!running}>
      <input type="checkbox" id={id} ref={ref} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
