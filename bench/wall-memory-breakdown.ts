/**
 * Where a running wall's memory is: the 16-tile wall of bench/wall-memory.ts, with each Chromium process's memory
 * split by kind (/proc: anonymous, file-backed and shared resident pages, and PSS, which counts a page shared by
 * several processes once) and Chromium's own accounting by allocator (memory-infra dumps through the DevTools
 * protocol: malloc, PartitionAlloc partitions, each V8 isolate — the page's and every worker's —, Blink GC, media,
 * compositor). Prints both at the start of the settled span and at the end, and what grew most in between.
 *
 *   npx tsx bench/wall-memory-breakdown.ts [--minutes=12] [--tiles=16] [--settle=3] [--dump-every=3]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { launchDetachedChromium, startPlayingWall } from './lib/detached-chromium.js';
import { descendants, flag, fmt, startWebConsole, TILE_FACTS_EXPRESSION, type TileFact } from './lib/wall-bench.js';

const minutes = flag('minutes', 12);
const tiles = flag('tiles', 16);
const settle = Math.min(flag('settle', 3), minutes / 2);
const dumpEvery = flag('dump-every', 3);

type Kinds = Record<'rssAnon' | 'rssFile' | 'rssShmem' | 'pss', number>;

/** Chromium's processes below this one, named by their role (browser, renderer, gpu-process, utility:…). */
function chromiumProcesses(): Map<number, string> {
  const found = new Map<number, string>();
  for (const pid of descendants(process.pid)) {
    try {
      if (!/chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))) continue;
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      const type = args.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
      const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19);
      found.set(pid, sub ? `${type}:${sub.split('.').at(-1)}` : type);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function kindsOf(pid: number): Kinds | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kib = (text: string, key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024;
    return {
      rssAnon: kib(status, 'RssAnon'),
      rssFile: kib(status, 'RssFile'),
      rssShmem: kib(status, 'RssShmem'),
      pss: kib(rollup, 'Pss'),
    };
  } catch {
    return null;
  }
}

interface ProcSample {
  readonly role: string;
  readonly kinds: Kinds;
}
function sampleProcesses(): Map<number, ProcSample> {
  const out = new Map<number, ProcSample>();
  for (const [pid, role] of chromiumProcesses()) {
    const kinds = kindsOf(pid);
    if (kinds) out.set(pid, { role, kinds });
  }
  return out;
}

interface TraceEvent {
  readonly ph: string;
  readonly pid: number;
  readonly name: string;
  readonly args?: {
    readonly dumps?: {
      readonly allocators?: Record<string, { attrs?: Record<string, { value: string; units: string }> }>;
      readonly process_totals?: Record<string, string>;
    };
  };
}

/** Allocator sizes (MiB) per process; children are included in their parents. */
type Dump = Map<number, Map<string, number>>;

/** The detailed dumps in the trace, in the order they were taken; paths to `depth` levels of the allocator tree. */
function dumpsOf(events: readonly TraceEvent[], depth: number): Dump[] {
  const byId = new Map<string, Dump>();
  for (const e of events as Array<TraceEvent & { id?: string }>) {
    if (e.ph !== 'v' || e.id === undefined || !e.args?.dumps?.allocators) continue;
    const dump = byId.get(e.id) ?? new Map<number, Map<string, number>>();
    byId.set(e.id, dump);
    const sizes = dump.get(e.pid) ?? new Map<string, number>();
    dump.set(e.pid, sizes);
    for (const [path, node] of Object.entries(e.args.dumps.allocators)) {
      const size = node.attrs?.size;
      // "allocated_objects" repeats its parent's figure; addresses and GUIDs differ between dumps.
      if (!size || size.units !== 'bytes' || path.includes('allocated_objects')) continue;
      if (path.split('/').length > depth || path.startsWith('shared_memory/')) continue;
      const name = path.replace(/0x[0-9a-f]+/g, '*');
      sizes.set(name, (sizes.get(name) ?? 0) + parseInt(size.value, 16) / 1048576);
    }
  }
  return [...byId.values()];
}

const web = await startWebConsole(5900 + Math.floor(Math.random() * 500));
const chrome = await launchDetachedChromium(); // nothing debugs the page while it plays (see that file)
try {
  await (await startPlayingWall(chrome, web, tiles)).close(); // disconnects Playwright; the page plays on
  const tracing = await chrome.attachBrowser();
  const events: TraceEvent[] = [];
  tracing.on('Tracing.dataCollected', (data) => events.push(...(data as { value: TraceEvent[] }).value));
  await tracing.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['disabled-by-default-memory-infra'],
      excludedCategories: ['*'],
      memoryDumpConfig: { triggers: [] },
    },
  });
  // The dump ids the protocol answers are not the ids in the trace; dumps are told apart by their order instead.
  const dump = async (levelOfDetail: 'light' | 'detailed' = 'detailed'): Promise<void> => {
    const answer = await tracing.send<{ success: boolean }>('Tracing.requestMemoryDump', { levelOfDetail });
    if (!answer.success) throw new Error('memory dump refused');
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const tilesNow = async () => {
    const cdp = await chrome.attach(web.url);
    try {
      const facts = await cdp.evaluate<TileFact[]>(TILE_FACTS_EXPRESSION);
      return `${facts.filter((t) => t.state === 'playing').length}/${facts.length} playing`;
    } finally {
      await cdp.close();
    }
  };

  const started = Date.now();
  console.log(`${tiles} tiles playing; first dump after ${settle} min, last after ${minutes} min`);
  await sleep(settle * 60_000);
  await dump();
  const firstProcs = sampleProcesses();
  let minute = 0;
  while (Date.now() - started < minutes * 60_000) {
    await sleep(60_000);
    // A light dump every `--dump-every` minutes places a step in time; detailed ones only at both ends.
    if (++minute % dumpEvery === 0) await dump('light');
    const procs = sampleProcesses();
    const total = (k: keyof Kinds) => [...procs.values()].reduce((s, p) => s + p.kinds[k], 0);
    console.log(
      `  min ${fmt((Date.now() - started) / 60_000, 1)}: anon ${fmt(total('rssAnon'))} file ${fmt(total('rssFile'))} ` +
        `shmem ${fmt(total('rssShmem'))} pss ${fmt(total('pss'))} MiB; ${await tilesNow()}`,
    );
  }
  await dump();
  const lastProcs = sampleProcesses();
  // What Chromium gives back under critical memory pressure is a cache, not a leak: one more dump after it.
  const cdp = await chrome.attach(web.url);
  await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.close();
  await sleep(5000);
  await dump();
  const pressedProcs = sampleProcesses();
  const complete = new Promise((r) => tracing.on('Tracing.tracingComplete', r));
  await tracing.send('Tracing.end');
  await complete;
  await tracing.close();
  if (process.env.GRID_TRACE_OUT) writeFileSync(process.env.GRID_TRACE_OUT, JSON.stringify({ events }));

  console.log('\n| process | anon MiB | file MiB | shmem MiB | PSS MiB |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [pid, last] of lastProcs) {
    const first = firstProcs.get(pid);
    const cell = (k: keyof Kinds) => `${fmt(first?.kinds[k] ?? NaN)} → ${fmt(last.kinds[k])}`;
    console.log(
      `| ${last.role} ${pid} | ${cell('rssAnon')} | ${cell('rssFile')} | ${cell('rssShmem')} | ${cell('pss')} |`,
    );
  }

  const dumps = dumpsOf(events, 5);
  const [before, after, pressed] = [dumps[0], dumps.at(-2), dumps.at(-1)];
  if (!before || !after || !pressed || dumps.length < 3) throw new Error('the trace holds fewer than three dumps');
  // The renderer that plays the wall is the one with the most media; its top-level allocators dump by dump.
  const wallPid = [...after].sort(
    (a, b) =>
      (b[1].get('media') ?? 0) - (a[1].get('media') ?? 0) || (b[1].get('malloc') ?? 0) - (a[1].get('malloc') ?? 0),
  )[0]?.[0];
  const topLevel = [...(after.get(wallPid ?? -1)?.keys() ?? [])].filter((k) => !k.includes('/')).sort();
  console.log(
    `\nthe wall's renderer (${wallPid}), top-level allocators in MiB, one row per dump (the last after pressure):`,
  );
  console.log(`| dump | ${topLevel.join(' | ')} |`);
  console.log(`| ${['---', ...topLevel.map(() => '---')].join(' | ')} |`);
  dumps.forEach((d, i) =>
    console.log(`| ${i + 1} | ${topLevel.map((k) => fmt(d.get(wallPid ?? -1)?.get(k) ?? NaN, 1)).join(' | ')} |`),
  );
  for (const [pid, sizes] of after) {
    const role = lastProcs.get(pid)?.role ?? firstProcs.get(pid)?.role ?? '?';
    const grew = [...sizes]
      .map(([name, mib]) => ({
        name,
        mib,
        delta: mib - (before.get(pid)?.get(name) ?? 0),
        freed: (pressed.get(pid)?.get(name) ?? 0) - mib,
      }))
      .filter((a) => Math.abs(a.delta) >= 2)
      .sort((a, b) => b.delta - a.delta)
      .slice(0, 16);
    if (grew.length === 0) continue;
    console.log(`\n${role} ${pid} — allocators: MiB at the end | change since the first dump | change under pressure`);
    for (const a of grew) {
      const signed = (n: number) => `${n >= 0 ? '+' : ''}${fmt(n, 1)}`;
      console.log(
        `  ${a.name.padEnd(64)} ${fmt(a.mib, 1).padStart(7)} ${signed(a.delta).padStart(8)} ${signed(a.freed).padStart(8)}`,
      );
    }
  }
  const total = (procs: Map<number, ProcSample>, k: keyof Kinds) =>
    [...procs.values()].reduce((s, p) => s + p.kinds[k], 0);
  console.log(
    `\nall of Chromium, PSS: ${fmt(total(firstProcs, 'pss'))} → ${fmt(total(lastProcs, 'pss'))} MiB, ` +
      `${fmt(total(pressedProcs, 'pss'))} MiB after memory pressure; anon ${fmt(total(firstProcs, 'rssAnon'))} → ` +
      `${fmt(total(lastProcs, 'rssAnon'))} → ${fmt(total(pressedProcs, 'rssAnon'))} MiB`,
  );
} finally {
  await chrome.close();
  await web.stop();
}
