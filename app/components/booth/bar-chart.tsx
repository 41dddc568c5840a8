import { useEffect, useRef } from "react";

// A bar chart of counts for the kiosk: echarts draws it in the browser (./echarts.client.ts, loaded when the chart
// first shows); the same figures are a visually hidden table, which is also what a page without JavaScript and a
// screen reader get. A hidden small cell (1–4) is drawn as a stub bar labelled "fewer than 5".

export interface Bar {
  label: string;
  /** null: 1–4, hidden */
  value: number | null;
  /** drawn in the accent colour: the bars that fit the vacancy */
  fits?: boolean;
}

const STUB = 2;

export function BarChart({
  title,
  bars,
  fewerLabel,
  valueHeader,
  labelHeader,
  format,
}: {
  /** how a number is written in the screen's language */
  format: (n: number) => string;
  title: string;
  bars: readonly Bar[];
  fewerLabel: string;
  valueHeader: string;
  labelHeader: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption(o: unknown): void; resize(): void; dispose(): void } | null>(null);

  useEffect(() => {
    let gone = false;
    const draw = () => {
      chart.current?.setOption({
        animation: false,
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: "value", show: false },
        yAxis: {
          type: "category",
          inverse: true,
          data: bars.map((b) => b.label),
          axisTick: { show: false },
          axisLabel: { fontSize: 18, color: "#1b2430" },
        },
        series: [
          {
            type: "bar",
            barMaxWidth: 28,
            data: bars.map((b) => ({
              value: b.value ?? STUB,
              itemStyle: { color: b.fits ? "#0b6e4f" : "#8da1b9" },
              label: {
                show: true,
                position: "right",
                fontSize: 18,
                color: "#1b2430",
                formatter: () => (b.value === null ? fewerLabel : format(b.value)),
              },
            })),
          },
        ],
      });
    };
    if (chart.current) draw();
    else
      void import("./echarts.client").then(({ echarts }) => {
        if (gone || !box.current) return;
        chart.current = echarts.init(box.current, null, { renderer: "canvas" });
        draw();
      });
    return () => {
      gone = true;
    };
  }, [bars, fewerLabel, format]);

  useEffect(() => {
    const onResize = () => chart.current?.resize();
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("resize", onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  return (
    <figure className="booth-chart">
      <figcaption>{title}</figcaption>
      <div ref={box} className="booth-chart-canvas" style={{ height: 40 + bars.length * 40 }} aria-hidden="true" />
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{b.value === null ? fewerLabel : format(b.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
