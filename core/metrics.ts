/**
 * Process-wide counters and gauges, rendered in the Prometheus text format at GET /metrics.
 * Deliberately tiny (no client library): a handful of numbers, no histograms.
 */

export interface Counter {
  inc(by?: number): void;
  value(): number;
}

export interface Gauge {
  set(labels: Record<string, string>, value: number): void;
}

export interface Metrics {
  counter(name: string, help: string): Counter;
  gauge(name: string, help: string): Gauge;
  /** Prometheus text exposition format 0.0.4. */
  render(): string;
}

interface Series {
  help: string;
  type: 'counter' | 'gauge';
  values: Map<string, number>;
}

export function createMetrics(): Metrics {
  const series = new Map<string, Series>();
  const get = (name: string, help: string, type: Series['type']) => {
    let s = series.get(name);
    if (!s) series.set(name, (s = { help, type, values: new Map() }));
    return s;
  };
  return {
    counter(name, help) {
      const s = get(name, help, 'counter');
      s.values.set('', s.values.get('') ?? 0);
      return {
        inc: (by = 1) => s.values.set('', (s.values.get('') ?? 0) + by),
        value: () => s.values.get('') ?? 0,
      };
    },
    gauge(name, help) {
      const s = get(name, help, 'gauge');
      return { set: (labels, value) => s.values.set(formatLabels(labels), value) };
    },
    render() {
      const lines: string[] = [];
      for (const [name, s] of series) {
        lines.push(`# HELP ${name} ${s.help}`, `# TYPE ${name} ${s.type}`);
        for (const [labels, v] of s.values) lines.push(`${name}${labels} ${v}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

function formatLabels(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(
    ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  );
  return parts.length ? `{${parts.join(',')}}` : '';
}
