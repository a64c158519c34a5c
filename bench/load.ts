// Load test of `recoupe serve` (a child process, so the load generator does
// not share its event loop) on loopback: 50 concurrent clients POST the
// bundled example articles to /api/analyze for 30 s (autocannon). Prints
// p50/p99 latency and throughput, against a baseline measured in the same
// run: the same articles analysed in-process on one thread (no HTTP, no
// workers). Exits 1 on any error or non-2xx answer.
//   npm run bench:load [-- --duration S --connections N --workers N]
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { analyze } from '../src/pipeline/analyze.js';
import { startServer } from './helpers/serve.js';
import { once } from 'node:events';

const { values } = parseArgs({ options: { duration: { type: 'string' }, connections: { type: 'string' }, workers: { type: 'string' } } });
const duration = Number(values.duration ?? 30);
const connections = Number(values.connections ?? 50);

const dir = join(PACKAGE_ROOT, 'examples');
const articles = readdirSync(dir)
  .sort()
  .map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }))
  .map(({ f, text }) => (f.endsWith('.html') ? { html: text } : { text }));

function baseline(seconds: number): { perSecond: number; p50: number } {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const a = articles[i % articles.length]!;
    const t = performance.now();
    analyze({ text: (a.text ?? a.html)!, ...(a.html ? { format: 'html' as const } : {}) });
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return { perSecond: times.length / seconds, p50: times[Math.floor(times.length / 2)]! };
}

const base = baseline(5);
const { url, server } = await startServer(['--import', 'tsx', join(PACKAGE_ROOT, 'src', 'cli', 'bin.ts')], values.workers ? ['--workers', values.workers] : []);
const health = (await (await fetch(`${url}/api/health`)).json()) as { version: string };
// Warm the workers (module loading) before measuring.
await Promise.all(
  Array.from({ length: 8 }, () =>
    fetch(`${url}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(articles[0]) }),
  ),
);

const result = await autocannon({
  url,
  connections,
  duration,
  requests: articles.map((body) => ({
    method: 'POST' as const,
    path: '/api/analyze',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })),
});
server.kill('SIGTERM');
await once(server, 'exit');

const served = result.requests.total / duration;
console.log(
  `load: recoupe ${health.version} serve, ${connections} clients, ${duration} s, POST /api/analyze (${articles.length} example articles in turn), loopback`,
);
console.log(
  `  requests: ${result.requests.total} (${served.toFixed(1)}/s); 2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
);
console.log(`  latency: p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
console.log(`baseline (same run): in-process analyze() on one thread: ${base.perSecond.toFixed(1)} articles/s, p50 ${base.p50.toFixed(2)} ms`);
console.log(`ratio: served throughput / in-process throughput = ${(served / base.perSecond).toFixed(2)}`);
if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
  console.error('load: FAILED: errors or non-2xx answers');
  process.exit(1);
}
