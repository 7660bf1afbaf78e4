// The deploy recipe (deploy/compose.yaml, deploy/Caddyfile, the hub's and the office server's Dockerfiles) without a
// container engine: the compose file parses and names what exists (build contexts, Dockerfiles, mounted files), the
// Dockerfiles run scripts and paths that exist and build packages that exist, the load balancer sends to the hub
// services on the port they listen on and checks the health route the hub serves, and every variable the recipe sets
// is one the apps read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..', '..', '..');
const deployDir = join(root, 'deploy');
const read = (p: string) => readFileSync(p, 'utf8');

interface Service {
  build?: { context: string; dockerfile: string };
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
}
const compose = parse(read(join(deployDir, 'compose.yaml')), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };

/** The package name of a workspace directory. */
const packageName = (dir: string) => (JSON.parse(read(join(dir, 'package.json'))) as { name: string }).name;
const workspacePackages = () => {
  const names = new Set<string>();
  for (const base of ['packages', 'apps', 'tooling']) {
    for (const entry of readdirSync(join(root, base))) if (existsSync(join(root, base, entry, 'package.json'))) names.add(packageName(join(root, base, entry)));
  }
  return names;
};

describe('deploy recipe (no container engine needed)', () => {
  it('compose.yaml: PostgreSQL, two hub instances on it, a load balancer, the office server', () => {
    const s = compose.services;
    expect(Object.keys(s).sort()).toEqual(['db', 'hub-1', 'hub-2', 'lb', 'office']);
    expect(s.db?.image).toMatch(/^postgres:/);
    for (const hub of ['hub-1', 'hub-2']) {
      expect(s[hub]?.build?.dockerfile).toBe('apps/exchange-hub/Dockerfile');
      expect(s[hub]?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@db:5432\/hub$/);
    }
    // The second instance starts once the first is ready (the demo CA is made once, in the shared volume).
    expect(s['hub-2']?.depends_on).toMatchObject({ 'hub-1': { condition: 'service_healthy' } });
    expect(s.office?.build?.dockerfile).toBe('apps/office-server/Dockerfile');
    expect(s.office?.environment?.DATABASE_URL).toMatch(/@db:5432\/office$/);
    expect(s.office?.environment?.HUB_URL).toBe('http://lb:8787');
    // Named volumes used are declared; mounted files exist; build contexts are the repository root.
    const mounts = Object.values(s).flatMap((service) => (service.volumes ?? []).map((v) => v.split(':')[0]!));
    const files = mounts.filter((m) => m.startsWith('.'));
    const named = mounts.filter((m) => !m.startsWith('.'));
    expect(files.filter((f) => !existsSync(join(deployDir, f)))).toEqual([]);
    expect(named.filter((n) => !Object.keys(compose.volumes).includes(n))).toEqual([]);
    const builds = Object.values(s).flatMap((service) => (service.build ? [service.build] : []));
    expect(builds.map((b) => resolve(deployDir, b.context))).toEqual(builds.map(() => root));
    expect(builds.filter((b) => !existsSync(join(root, b.dockerfile)))).toEqual([]);
  });

  it('the Dockerfiles build existing packages and run files that exist', () => {
    const names = workspacePackages();
    for (const [app, port] of [['exchange-hub', '8787'], ['office-server', '8788']] as const) {
      const file = join(root, 'apps', app, 'Dockerfile');
      const text = read(file);
      expect(text).toMatch(/^FROM node:22\.13/m);
      for (const m of text.matchAll(/--filter=([^\s^]+)\^\.\.\./g)) expect(names).toContain(m[1]);
      expect(text).toContain(`--filter=${packageName(join(root, 'apps', app))}^...`);
      const workdirs = [...text.matchAll(/^WORKDIR (\S+)$/gm)].map((m) => m[1]!);
      const appDir = workdirs.at(-1)!;
      expect(appDir).toBe(`/repo/apps/${app}`);
      const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(text)![1]!) as string[];
      const entry = cmd.find((a) => a.endsWith('.ts'))!;
      expect(existsSync(join(root, 'apps', app, entry))).toBe(true);
      // tsx is what runs it: a dependency of the app.
      const pkg = JSON.parse(read(join(root, 'apps', app, 'package.json'))) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
      expect({ ...pkg.dependencies, ...pkg.devDependencies }).toHaveProperty('tsx');
      expect(text).toContain(`PORT=${port}`);
      expect(text).toContain('HOST=0.0.0.0');
      expect(existsSync(join(root, 'pnpm-lock.yaml'))).toBe(true);
    }
    // The health checks call routes the servers have.
    expect(read(join(root, 'apps', 'exchange-hub', 'Dockerfile'))).toContain("'/health/ready'");
    expect(read(join(root, 'apps', 'exchange-hub', 'src', 'app.ts'))).toContain("'/health/ready'");
    expect(read(join(root, 'apps', 'office-server', 'Dockerfile'))).toContain("'/health'");
    expect(read(join(root, 'packages', 'office-api', 'src', 'routes.ts'))).toMatch(/health: \{[^}]*path: '\/health'/);
    // The build context leaves out what must not go into an image.
    const ignore = read(join(root, '.dockerignore'));
    for (const p of ['**/node_modules', '**/.data', '.git']) expect(ignore).toContain(p);
  });

  it('Caddy balances over both hub services on their port and checks /health/ready', () => {
    const caddy = read(join(deployDir, 'Caddyfile'));
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddy)![1]!.trim().split(/\s+/);
    expect(upstreams.sort()).toEqual(['hub-1:8787', 'hub-2:8787']);
    expect(caddy).toContain('health_uri /health/ready');
    expect(compose.services.lb?.ports).toEqual(['8787:8787']);
  });

  it('every variable the recipe sets is one the apps document', () => {
    const hubReadme = read(join(root, 'apps', 'exchange-hub', 'README.md'));
    expect(Object.keys(compose.services['hub-1']?.environment ?? {}).filter((name) => !hubReadme.includes(`\`${name}\``))).toEqual([]);
    const officeReadme = read(join(root, 'apps', 'office-server', 'README.md'));
    expect(Object.keys(compose.services.office?.environment ?? {}).filter((name) => !officeReadme.includes(`\`${name}\``))).toEqual([]);
    expect(existsSync(join(root, 'docs', 'deploy.md'))).toBe(true);
  });
});
