/**
 * A labelled filter for GET search forms: "Any" first, then the options (values are codes, labels translated).
 * Options with a `group` are shown under it (consecutive options of one group share an `<optgroup>`).
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  anyLabel,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  anyLabel: string;
  options: { value: string; label: string; group?: string }[];
}) {
  const runs: { group: string | undefined; options: typeof options }[] = [];
  for (const o of options) {
    const last = runs.at(-1);
    if (last && last.group === o.group) last.options.push(o);
    else runs.push({ group: o.group, options: [o] });
  }
  const render = (os: typeof options) =>
    os.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{anyLabel}</option>
        {runs.map((r, i) =>
          r.group === undefined ? (
            render(r.options)
          ) : (
            <optgroup key={`${i}-${r.group}`} label={r.group}>
              {render(r.options)}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
}
