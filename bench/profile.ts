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
  totalMs: number;
  busyMs: number;
  garbageCollectorShare: number;
  topSelf: ProfileEntry[];
  topModules: ProfileEntry[];
  /** The repository's own functions (server/, shared/), by time with their callees. */
  topOwnInclusive: ProfileEntry[];
}

const IDLE = '(idle)';

export function summarizeProfile(file: string, repoRoot: string, top = 12): ProfileSummary {
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
    return `${functionName || '(anonymous)'} (${shortUrl(url, repoRoot)}:${lineNumber + 1})`;
  };

  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  let gcUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    totalUs += us;
    const name = node.callFrame.functionName;
    if (name === IDLE) {
      idleUs += us;
      return;
    }
    if (name === '(garbage collector)') gcUs += us;
    add(self, label(node), us);
    add(modules, moduleOf(node.callFrame.url, name, repoRoot), us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (!isOwn(frame.callFrame.url, repoRoot)) continue;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, us);
    }
  });
  const busyUs = totalUs - idleUs;
  const rank = (map: Map<string, number>): ProfileEntry[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / busyUs }));
  return {
    file: path.relative(repoRoot, file),
    totalMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    garbageCollectorShare: gcUs / busyUs,
    topSelf: rank(self),
    topModules: rank(modules),
    topOwnInclusive: rank(inclusive),
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

/** The newest .cpuprofile in a directory. */
export function newestProfile(dir: string): string | null {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
  files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0] ?? null;
}
