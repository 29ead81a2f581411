// Reads a V8 CPU profile (node --cpu-prof) of the server: where its busy
// time goes, by function (self and inclusive) and by module.
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  /** Milliseconds of samples. */
  ms: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

export interface ProfileSummary {
  file: string;
  /** Whether only the measured stretch was counted. */
  windowed: boolean;
  totalMs: number;
  busyMs: number;
  garbageCollectorShare: number;
  topSelf: ProfileEntry[];
  topModules: ProfileEntry[];
  /** The repository's own functions (server/, shared/), by time with their callees. */
  topOwnInclusive: ProfileEntry[];
  /** The longest stretches without an idle sample (the event loop blocked), with what ran in them. */
  stalls: Stall[];
}

export interface Stall {
  ms: number;
  /** Seconds into the profiled stretch. */
  atSeconds: number;
  /** The innermost of the repository's own functions on the stack, by time in the stall. */
  top: ProfileEntry[];
}

const IDLE = '(idle)';

/** Only samples inside `windowUs` (monotonic µs) count, when given: the measured stretch, not start-up and setup. */
export function summarizeProfile(file: string, repoRoot: string, windowUs: [number, number] | null = null, top = 12): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const label = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    if (!url) return functionName || '(anonymous)';
    // tsx's transpiled files carry no useful line numbers.
    const line = isOwn(url, repoRoot) ? '' : `:${lineNumber + 1}`;
    return `${functionName || '(anonymous)'} (${shortUrl(url, repoRoot)}${line})`;
  };

  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  let gcUs = 0;
  let at = profile.startTime;
  const firstAt = windowUs ? windowUs[0] : profile.startTime;
  const stretches: Array<{ startUs: number; us: number; own: Map<string, number> }> = [];
  let stretch: (typeof stretches)[number] | null = null;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (windowUs && (at < windowUs[0] || at > windowUs[1])) return;
    const node = byId.get(id)!;
    totalUs += us;
    const name = node.callFrame.functionName;
    if (name === IDLE) {
      idleUs += us;
      if (stretch) stretches.push(stretch);
      stretch = null;
      return;
    }
    stretch ??= { startUs: at, us: 0, own: new Map() };
    stretch.us += us;
    let innermostOwn = name.startsWith('(') ? name : 'outside the repository';
    for (let frameId: number | undefined = id; frameId !== undefined; frameId = parent.get(frameId)) {
      const frame = byId.get(frameId)!;
      if (isOwn(frame.callFrame.url, repoRoot)) {
        innermostOwn = label(frame);
        break;
      }
    }
    add(stretch.own, innermostOwn, us);
    if (name === '(garbage collector)') gcUs += us;
    add(self, label(node), us);
    add(modules, moduleOf(node.callFrame.url, name, repoRoot), us);
    const seen = new Set<string>();
    for (let frameId: number | undefined = id; frameId !== undefined; frameId = parent.get(frameId)) {
      const frame = byId.get(frameId)!;
      if (!isOwn(frame.callFrame.url, repoRoot)) continue;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, us);
    }
  });
  if (stretch) stretches.push(stretch);
  const busyUs = totalUs - idleUs;
  const stalls = stretches
    .sort((a, b) => b.us - a.us)
    .slice(0, 3)
    .map((st) => ({
      ms: st.us / 1000,
      atSeconds: (st.startUs - firstAt) / 1e6,
      top: [...st.own]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([name, us]) => ({ name, ms: us / 1000, share: us / st.us })),
    }));
  const rank = (map: Map<string, number>): ProfileEntry[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / busyUs }));
  return {
    file: path.relative(repoRoot, file),
    windowed: windowUs !== null,
    totalMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    garbageCollectorShare: gcUs / busyUs,
    topSelf: rank(self),
    topModules: rank(modules),
    topOwnInclusive: rank(inclusive),
    stalls,
  };
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function isOwn(url: string, repoRoot: string): boolean {
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(repoRoot) && !file.includes('/node_modules/');
}

function shortUrl(url: string, repoRoot: string): string {
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) return file.slice(nm + '/node_modules/'.length);
  if (file.startsWith(repoRoot)) return path.relative(repoRoot, file);
  return file;
}

function moduleOf(url: string, functionName: string, repoRoot: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'native (V8 builtins, C++ bindings)';
  if (url.startsWith('node:')) return 'Node.js internals';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (file.startsWith(repoRoot)) return path.relative(repoRoot, file);
  return file;
}

/**
 * The main thread's profile in a directory. --cpu-prof writes one file per
 * thread, CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; tsx's module
 * loader runs in a worker (thread 1), the server in thread 0.
 */
export function mainThreadProfile(dir: string): string | null {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.0\.\d+\.cpuprofile$/.test(f))
    .map((f) => path.join(dir, f));
  files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0] ?? null;
}
