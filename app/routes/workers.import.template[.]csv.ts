import { csvTemplate } from "~/domain/workers/import-format";

/** The CSV template: the documented header and one valid example row. */
export const loader = () =>
  new Response(csvTemplate(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="jembatan-workers-template.csv"',
    },
  });
