// Prometheus text exposition (format 0.0.4) of the hub's own counters: requests by route and status, a latency
// histogram per route, deliveries, refusals by code. Kept in the process (each instance is scraped on its own).

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class HubMetrics {
  readonly requests = new Map<string, number>();
  readonly latency = new Map<string, { buckets: number[]; sum: number; count: number }>();
  readonly refusals = new Map<string, number>();
  deliveries = 0;
  /** The background work of this instance (set by `startHub`): whether it runs it, and its runs per job. */
  background: { leader: boolean; runs: Map<string, number>; failures: Map<string, number> } | undefined;

  observe(route: string, method: string, status: number, seconds: number, refusal?: string): void {
    const key = `${route}\u0000${method}\u0000${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let h = this.latency.get(route);
    if (!h) {
      h = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.latency.set(route, h);
    }
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) (h.buckets[i] as number)++;
    });
    h.sum += seconds;
    h.count++;
    if (refusal) this.refusals.set(refusal, (this.refusals.get(refusal) ?? 0) + 1);
  }

  /** The exposition text. */
  render(): string {
    const out: string[] = [];
    out.push('# HELP hub_requests_total HTTP requests answered, by route template, method and status.');
    out.push('# TYPE hub_requests_total counter');
    for (const [key, n] of this.requests) {
      const [route, method, status] = key.split('\u0000') as [string, string, string];
      out.push(`hub_requests_total{route="${label(route)}",method="${method}",status="${status}"} ${n}`);
    }
    out.push('# HELP hub_request_duration_seconds Time from the request to the answer, by route template.');
    out.push('# TYPE hub_request_duration_seconds histogram');
    for (const [route, h] of this.latency) {
      const r = label(route);
      BUCKETS.forEach((b, i) => out.push(`hub_request_duration_seconds_bucket{route="${r}",le="${b}"} ${h.buckets[i] ?? 0}`));
      out.push(`hub_request_duration_seconds_bucket{route="${r}",le="+Inf"} ${h.count}`);
      out.push(`hub_request_duration_seconds_sum{route="${r}"} ${h.sum}`);
      out.push(`hub_request_duration_seconds_count{route="${r}"} ${h.count}`);
    }
    out.push('# HELP hub_deliveries_total Deliveries made (one per recipient of each new document), through /v1 and /vxp.');
    out.push('# TYPE hub_deliveries_total counter');
    out.push(`hub_deliveries_total ${this.deliveries}`);
    out.push('# HELP hub_refusals_total Requests refused, by error code (including /vxp FAIL answers).');
    out.push('# TYPE hub_refusals_total counter');
    for (const [code, n] of this.refusals) out.push(`hub_refusals_total{code="${label(code)}"} ${n}`);
    if (this.background) {
      out.push('# HELP hub_background_leader 1 while this instance runs the background work (one instance per database).');
      out.push('# TYPE hub_background_leader gauge');
      out.push(`hub_background_leader ${this.background.leader ? 1 : 0}`);
      out.push('# HELP hub_background_runs_total Runs of each background job by this instance, and the failed ones.');
      out.push('# TYPE hub_background_runs_total counter');
      for (const [job, n] of this.background.runs) out.push(`hub_background_runs_total{job="${label(job)}",result="ok"} ${n}`);
      for (const [job, n] of this.background.failures) out.push(`hub_background_runs_total{job="${label(job)}",result="failed"} ${n}`);
    }
    return `${out.join('\n')}\n`;
  }
}
