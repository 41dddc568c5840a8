// The charting library, in the browser only (a `.client` module is left out of the server build): echarts' core with
// the bar chart, its grid and the canvas renderer. Canvas draws pixels, so no inline style or <style> element
// meets the page's CSP; the numbers are also in a table beside each chart for screen readers.
import { BarChart } from "echarts/charts";
import { GridComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, GridComponent, CanvasRenderer]);

export { echarts };
