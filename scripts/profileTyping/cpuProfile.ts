// What a CDP sampling profile (Profiler.stop) says about the editor: time per
// source file of the bundle, found again through the build's source maps
// (vite.config.ts builds them), so that a figure reads "CommentHighlights.ts"
// or "prosemirror-view" instead of a minified name. Self time is where the
// samples stopped; total time counts a sample once for every file on its stack
// (a plugin's total includes the ProseMirror and Yjs code it called).
import fs from 'node:fs';
import path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The part of CDP's Profiler.Profile read here. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface Cost {
  name: string;
  /** Milliseconds in the whole profile. */
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  /** Sampled time not idle, in milliseconds. */
  busyMs: number;
  byFile: Cost[];
  byFunction: Cost[];
  /** For the functions `callersOf` matches: their time by direct caller (self) and by the project's functions above them (total). */
  callers: Cost[];
}

/** Frames the V8 profiler makes up: kept as they are, never given to a caller. */
const PSEUDO_FRAMES = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

/** Reads source maps of the built bundle, once per script. */
class SourceMaps {
  private maps = new Map<string, TraceMap | null>();
  constructor(private distDir: string) {}

  private mapOf(url: string): TraceMap | null {
    if (!this.maps.has(url)) {
      const file = path.join(this.distDir, new URL(url).pathname);
      this.maps.set(url, fs.existsSync(`${file}.map`) ? new TraceMap(fs.readFileSync(`${file}.map`, 'utf8')) : null);
    }
    return this.maps.get(url)!;
  }

  /** The source file (a package's name for node_modules) and function name of a frame of the bundle. */
  locate(frame: CallFrame): { file: string; fn: string } | null {
    if (!/^https?:/.test(frame.url)) return null;
    const map = this.mapOf(frame.url);
    const original = map ? originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber }) : null;
    if (!original?.source) return { file: path.basename(new URL(frame.url).pathname), fn: frame.functionName || '(anonymous)' };
    return { file: sourceName(original.source), fn: `${original.name ?? frame.functionName ?? '(anonymous)'}:${original.line}` };
  }
}

/** `client/editor/wordCountOf.ts` for the project's files, the package's name for a dependency's. */
function sourceName(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = source.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return source.replace(/^(\.\.\/)+/, '');
}

/** Time per file and per function of a profile taken of the built app (served from `distDir`). */
export function summarise(profile: CpuProfile, distDir: string, callersOf: RegExp | null = null): ProfileSummary {
  const maps = new SourceMaps(distDir);
  const parent = new Map<number, ProfileNode>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node);
  }
  // Where each node's time goes: its own file, or (a builtin such as RegExp.test) its caller's.
  const place = new Map<number, { file: string; fn: string }>();
  const placeOf = (node: ProfileNode): { file: string; fn: string } => {
    let found = place.get(node.id);
    if (found) return found;
    const name = node.callFrame.functionName;
    const located = maps.locate(node.callFrame);
    const up = parent.get(node.id);
    if (located) found = located;
    else if (PSEUDO_FRAMES.has(name) || !up) found = { file: name || '(native)', fn: name || '(native)' };
    else found = placeOf(up);
    place.set(node.id, found);
    return found;
  };

  const files = new Map<string, Cost>();
  const functions = new Map<string, Cost>();
  const callers = new Map<string, Cost>();
  const cost = (table: Map<string, Cost>, name: string): Cost => {
    let entry = table.get(name);
    if (!entry) table.set(name, (entry = { name, selfMs: 0, totalMs: 0 }));
    return entry;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busyMs = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample stands for the time until the next one (CDP's deltas are in microseconds).
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(samples[i])!;
    const own = placeOf(leaf);
    // (program) is the renderer's own work outside JavaScript (style, layout, paint): busy, not idle.
    if (own.file === '(idle)') continue;
    busyMs += ms;
    cost(files, own.file).selfMs += ms;
    cost(functions, `${own.file} ${own.fn}`).selfMs += ms;
    const seenFiles = new Set<string>();
    const seenFunctions = new Set<string>();
    for (let node: ProfileNode | undefined = leaf; node; node = parent.get(node.id)) {
      const at = placeOf(node);
      if (at.file === '(root)') continue;
      seenFiles.add(at.file);
      seenFunctions.add(`${at.file} ${at.fn}`);
    }
    for (const file of seenFiles) cost(files, file).totalMs += ms;
    for (const fn of seenFunctions) cost(functions, fn).totalMs += ms;
    if (callersOf) attributeToCallers(leaf, ms);
  }
  // Where a costly function's time comes from: its direct caller (self) and the project's functions above it (total).
  function attributeToCallers(leaf: ProfileNode, ms: number) {
    let outermost: ProfileNode | null = null;
    for (let node: ProfileNode | undefined = leaf; node; node = parent.get(node.id)) {
      const at = placeOf(node);
      if (callersOf!.test(`${at.file} ${at.fn}`)) outermost = node;
    }
    const caller = outermost && parent.get(outermost.id);
    if (!caller) return;
    const direct = placeOf(caller);
    cost(callers, `${direct.file} ${direct.fn}`).selfMs += ms;
    const seen = new Set<string>();
    for (let node: ProfileNode | undefined = caller; node; node = parent.get(node.id)) {
      const at = placeOf(node);
      if (/^(client|shared)\//.test(at.file)) seen.add(`${at.file} ${at.fn}`);
    }
    for (const name of seen) cost(callers, name).totalMs += ms;
  }
  const byTotal = (a: Cost, b: Cost) => b.totalMs - a.totalMs;
  return { busyMs, byFile: [...files.values()].sort(byTotal), byFunction: [...functions.values()].sort(byTotal), callers: [...callers.values()].sort(byTotal) };
}
