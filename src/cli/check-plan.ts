import { resolve } from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import { VerdictCache } from './check-cache.js';
import { checkOutcome, isFailure, outputOrder } from './check-output.js';
import type { CheckFn, FileName } from './check-session.js';
import type { LookupSet } from './dependency-log.js';
import { checkLimits, DEFAULT_LIMITS, type Limits } from './limits.js';
import { findProofFiles } from './load-proofs.js';
import type { CommandOutcome } from './outcome.js';
import type { ProgressSink } from './progress.js';
import { nameKey, type ResultView } from './result-view.js';
import { shardFiles, type Shard } from './shard.js';
import { readVersion } from './version.js';

export type CheckCommandOptions = {
  json?: boolean;
  /** The checker (default `checkWithSearch`); another one runs in this process only, and is cached only under a `checker` name. */
  check?: CheckFn;
  /** Names `check` in cache keys (`numeric:seed=1`); without it a custom `check` is never cached. */
  checker?: string;
  /** Worker threads (default 1: this process). */
  jobs?: number;
  /** Where verdicts are cached; none when absent or null. */
  cacheDir?: string | null;
  shard?: Shard;
  /** Limits other than the defaults (`--limit NAME=N`, `--max-input-bytes`, `--max-rules`). */
  limits?: Limits;
  /** Makes the progress bar for a run of `total` files, or not. */
  progress?: (total: number) => ProgressSink | undefined;
  /** Stands for the Leibniz version in cache keys (tests). */
  version?: string;
  /** Proof text per worker thread, at least (default 32 000 bytes; tests lower it to use threads on small files). */
  minBytesPerWorker?: number;
  /** Told of each file checked afresh (not answered by the cache), as it is recorded. */
  onFresh?: (file: FileName) => void;
};

/**
 * One run of `leibniz check` between finding the files and printing: the
 * files to report (`tops`, in order; files given but in another shard are
 * `hidden`), the views collected so far (cache hits, then fresh checks), and
 * the files still to check. Invariant: every top is either in `misses` or has
 * its view, and the views of the files it uses, in `views`.
 */
export type Plan = {
  readonly tops: readonly FileName[];
  readonly hidden: ReadonlySet<string>;
  readonly pathErrors: readonly Diagnostic[];
  readonly views: Map<string, ResultView>;
  readonly misses: readonly FileName[];
  readonly cache: VerdictCache | null;
  readonly limits: Limits;
  readonly progress: { sink: ProgressSink | undefined; done: number; failed: number };
  readonly onFresh: ((file: FileName) => void) | undefined;
};

/** Finds the files, takes the shard, and looks each file up in the cache. */
export function planCheck(paths: readonly string[], options: CheckCommandOptions): Plan {
  const found = findProofFiles(paths);
  const inShard = options.shard ? shardFiles(found.files, options.shard) : null;
  const names = found.files.map((f) => ({ absolute: resolve(f), shownAs: f }));
  const tops = inShard === null ? names : names.filter((n) => inShard.has(n.absolute));
  const hidden = new Set(inShard === null ? [] : names.filter((n) => !inShard.has(n.absolute)).map((n) => n.absolute));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const cache = cacheFor(options, limits);
  const plan: Plan = {
    tops, hidden, pathErrors: found.diagnostics, views: new Map(), misses: [], cache, limits,
    progress: { sink: options.progress?.(tops.length), done: 0, failed: 0 }, onFresh: options.onFresh,
  };
  const misses: FileName[] = [];
  for (const top of tops) {
    const hit = cache?.lookup(top) ?? null;
    if (hit === null) misses.push(top);
    else record(plan, top, hit);
  }
  return { ...plan, misses };
}

function cacheFor(options: CheckCommandOptions, limits: Plan['limits']): VerdictCache | null {
  const checker = options.check === undefined ? 'plain' : options.checker;
  if (options.cacheDir == null || checker === undefined) return null;
  return new VerdictCache(options.cacheDir, { version: options.version ?? readVersion(), checker, ...checkLimits(limits) });
}

/**
 * A fresh check of `top`: its view and those of the files it uses (any
 * order), with what it looked up. Stored in the cache unless a use cycle
 * makes the result depend on where checking started.
 */
export function recordFresh(plan: Plan, top: FileName, views: readonly ResultView[], lookups: LookupSet): void {
  plan.onFresh?.(top);
  record(plan, top, views);
  const own = views.find((v) => v.absolute === top.absolute && v.shownAs === top.shownAs);
  if (plan.cache !== null && own !== undefined && !own.tainted) plan.cache.store(top, lookups, views);
}

function record(plan: Plan, top: FileName, views: readonly ResultView[]): void {
  for (const v of views) if (!plan.views.has(nameKey(v))) plan.views.set(nameKey(v), v);
  const own = plan.views.get(nameKey(top));
  const p = plan.progress;
  p.done++;
  if (own !== undefined && (own.badInput || isFailure(own.report))) p.failed++;
  p.sink?.update(p.done, p.failed);
}

/** Is some result's report dependent on where checking started (a use cycle)? Then the run is redone in one session. */
export const needsOneSession = (plan: Plan): boolean => [...plan.views.values()].some((v) => v.tainted);

/**
 * The outcome of the run. `oneSession`, when given (a use cycle was met),
 * is the whole run redone in one in-process session, in its order.
 */
export function finishCheck(plan: Plan, json: boolean, oneSession?: readonly ResultView[]): CommandOutcome {
  plan.progress.sink?.finish();
  const views = oneSession ?? outputOrder(plan.tops, plan.views, plan.hidden);
  return checkOutcome(views, plan.pathErrors, json);
}
