// A horizontal bar chart drawn by the server as plain HTML and CSS (app/styles/booth-results.css): it shows without
// JavaScript and without a charting library (the kiosk's BarChart draws on a canvas in the browser, decision 019).
// The bars are hidden from screen readers; the same figures, with every column, are a visually hidden table.

/** null: a figure hidden as "fewer than 5" */
export type ChartFigure = number | null;

export interface ChartRow {
  label: string;
  /** the first value is the bar; every value is a column of the table */
  values: readonly ChartFigure[];
}

const STUB_PERCENT = 1.5;

export function ResultsChart({
  title,
  rows,
  labelHeader,
  valueHeaders,
  show,
}: {
  title: string;
  rows: readonly ChartRow[];
  labelHeader: string;
  valueHeaders: readonly string[];
  /** how a figure is written in the page's language ("fewer than 5" for null) */
  show: (v: ChartFigure) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.values[0] ?? 0));
  return (
    <figure className="results-chart">
      <figcaption>{title}</figcaption>
      <ol className="results-bars" aria-hidden="true">
        {rows.map((r) => {
          const v = r.values[0] ?? null;
          const width = v === null ? STUB_PERCENT : Math.max(v > 0 ? STUB_PERCENT : 0, (v / max) * 100);
          return (
            <li key={r.label}>
              <span className="results-bar-label">{r.label}</span>
              <span className="results-bar-track">
                <span
                  className={v === null ? "results-bar hidden-figure" : "results-bar"}
                  style={{ width: `${width}%` }}
                />
                <span className="results-bar-value">{show(v)}</span>
              </span>
            </li>
          );
        })}
      </ol>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {valueHeaders.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {r.values.map((v, i) => (
                <td key={valueHeaders[i] ?? i}>{show(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
