// `pnpm --filter @egov-vn/exchange-hub chaos`: the full fault-injection proof of issue 22 — 10 000 sends from 20
// concurrent clients (16 on /v1, 4 on the axis API) through the fault proxy (30 % of connections faulted) to two hub
// instances on one PostgreSQL, one of them killed with SIGKILL every few seconds and restarted; then the checks.
// PostgreSQL: CHAOS_DATABASE_URL or TEST_DATABASE_URL (a role that may create databases; the run makes its own).
// Knobs: CHAOS_SENDS, CHAOS_CLIENTS, CHAOS_AXIS_CLIENTS, CHAOS_RECEIVERS, CHAOS_INSTANCES, CHAOS_FAULT_RATE,
// CHAOS_KILL_EVERY_MS, CHAOS_SEED, CHAOS_KEEP_DATABASE=1.
import { formatChaosReport, runChaos } from './run.js';

const env = process.env;
const adminUrl = env.CHAOS_DATABASE_URL ?? env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Cần CHAOS_DATABASE_URL hoặc TEST_DATABASE_URL (PostgreSQL) / set CHAOS_DATABASE_URL or TEST_DATABASE_URL (PostgreSQL)');
  process.exit(2);
}
const num = (name: string, fallback: number) => (env[name] === undefined ? fallback : Number(env[name]));
const options = {
  adminUrl,
  sends: num('CHAOS_SENDS', 10_000),
  clients: num('CHAOS_CLIENTS', 20),
  axisClients: num('CHAOS_AXIS_CLIENTS', 4),
  receivers: num('CHAOS_RECEIVERS', 4),
  instances: num('CHAOS_INSTANCES', 2),
  faultRate: num('CHAOS_FAULT_RATE', 0.3),
  killEveryMs: num('CHAOS_KILL_EVERY_MS', 4000),
  seed: num('CHAOS_SEED', 22),
  keepDatabase: env.CHAOS_KEEP_DATABASE === '1',
  log: (line: string) => console.log(line),
};
console.log(
  `chaos: ${options.sends} sends, ${options.clients} clients (${options.axisClients} axis), ${options.receivers} receivers, ` +
    `${options.instances} hub instances, ${options.faultRate * 100} % of connections faulted, SIGKILL every ~${options.killEveryMs} ms, seed ${options.seed}`,
);
const report = await runChaos(options);
console.log(formatChaosReport(report));
const ok =
  report.lost === 0 &&
  report.duplicated === 0 &&
  report.clientWrong === 0 &&
  report.statusBackwards === 0 &&
  report.delivered === report.expectedDeliveries &&
  Object.values(report.orphans).every((n) => n === 0);
console.log(ok ? 'PASS: exactly once, nothing lost, nothing orphaned' : 'FAIL');
process.exit(ok ? 0 : 1);
