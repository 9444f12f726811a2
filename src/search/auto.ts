import { applicableRewrites, busiestRules, isSpent, type ApplicableOptions, type RewriteOptions, type Step, type WorkBudget } from '../rewrite/index.js';
import type { Direction, Rule } from '../rules/index.js';
import { equalTerms, termKey, type Term } from '../term/index.js';
import { nodeCount } from './simp.js';

/**
 * `auto`: a chain of rule applications from one term to another, found by a
 * bidirectional breadth-first search — one tree grows from `from`, one from
 * `to`, each a layer at a time (the smaller frontier first), and the search
 * stops where they meet. Where they meet, the steps of the tree from `to`
 * are reversed (each the same rule the other way, found by the rewriter and
 * giving back exactly the parent; a meeting through a step that cannot be
 * reversed is passed over), so every path found is a list of ordinary
 * kernel steps from `from` to `to`, which the caller re-checks. Two passes,
 * as in the checker's `by auto`: rules left to right only (both sides then
 * meet at a common simplification), then both directions.
 * Invariant: `ok` results chain — the first step's `before` is `from`, each
 * `after` is the next `before`, and the last `after` equals `to`.
 */
export type AutoBudget = {
  /** Rule applications from each side, at most (a proof is at most twice as long). */
  readonly maxDepth: number;
  /** Distinct terms kept, both trees together. */
  readonly maxTerms: number;
  /** Terms expanded (each one call of the rewriter). */
  readonly maxExpansions: number;
  /** Matching work, in the rewriter's units. */
  readonly work: number;
  /** Largest term kept, in nodes. */
  readonly maxTermNodes: number;
  /** Milliseconds; null for no clock (the checker's verdicts must not depend on the machine). */
  readonly maxMillis: number | null;
};

export const DEFAULT_AUTO_BUDGET: AutoBudget = { maxDepth: 3, maxTerms: 2000, maxExpansions: 600, work: 2_000_000, maxTermNodes: 4000, maxMillis: null };

export type AutoStop = 'no rule applies further' | 'depth reached' | 'term budget reached' | 'expansion budget reached' | 'work budget reached' | 'time budget reached';

export type AutoStats = { readonly expanded: number; readonly kept: number };

export type AutoResult =
  | { readonly ok: true; readonly steps: readonly Step[]; readonly stats: AutoStats }
  | { readonly ok: false; readonly stop: AutoStop; readonly stats: AutoStats; readonly busiest: readonly string[] };

/** A term of one tree and the step parent → term that reached it (in the backward tree, reversed only when a proof goes through it). */
type Node = { readonly term: Term; readonly depth: number; readonly parent: Node | null; readonly step: Step | null };

export function searchBetween(
  from: Term, to: Term, rules: readonly Rule[], options: RewriteOptions,
  budget: Partial<AutoBudget> = {}, now: () => number = () => performance.now(),
): AutoResult {
  const full = { ...DEFAULT_AUTO_BUDGET, ...budget };
  if (equalTerms(from, to)) return { ok: true, steps: [], stats: { expanded: 0, kept: 1 } };
  const forwardOnly = new Search(from, to, rules, { ...options, directions: ['forward'] }, full, now).run();
  if (forwardOnly.ok) return forwardOnly;
  const both = new Search(from, to, rules, { ...options, directions: ['forward', 'backward'] }, full, now).run();
  return both.ok || forwardOnly.stop === 'no rule applies further' ? both : { ...both, stats: sum(forwardOnly.stats, both.stats) };
}

const sum = (a: AutoStats, b: AutoStats): AutoStats => ({ expanded: a.expanded + b.expanded, kept: a.kept + b.kept });

/** One pass: the two trees, the budgets spent so far, and the rules that made the most terms. */
class Search {
  readonly #trees: [Map<string, Node>, Map<string, Node>] = [new Map(), new Map()];
  readonly #work: WorkBudget;
  readonly #made = new Map<string, number>();
  readonly #byId: Map<string, Rule[]>;
  readonly #started: number;
  /** Backward-tree steps reversed so far (null: no reverse). */
  readonly #reversed = new Map<Node, Step | null>();
  #expanded = 0;

  constructor(
    from: Term, to: Term, readonly rules: readonly Rule[], readonly options: ApplicableOptions,
    readonly budget: AutoBudget, readonly now: () => number,
  ) {
    this.#work = { left: budget.work };
    this.#byId = new Map(rules.map((r) => [r.id, [r]]));
    this.#started = now();
    this.#trees[0].set(termKey(from), { term: from, depth: 0, parent: null, step: null });
    this.#trees[1].set(termKey(to), { term: to, depth: 0, parent: null, step: null });
  }

  run(): AutoResult {
    const layers: [Node[], Node[]] = [[...this.#trees[0].values()], [...this.#trees[1].values()]];
    for (;;) {
      const side = this.#nextSide(layers);
      if (side === null) return this.#failed(layers[0].length + layers[1].length === 0 ? 'no rule applies further' : 'depth reached');
      const grown = this.#grow(side, layers[side]);
      if (!Array.isArray(grown)) return 'stop' in grown ? this.#failed(grown.stop) : grown;
      layers[side] = grown;
    }
  }

  /** The side to grow: the smaller frontier still under the depth budget. */
  #nextSide(layers: [Node[], Node[]]): 0 | 1 | null {
    const open = ([0, 1] as const).filter((s) => layers[s].length > 0 && layers[s][0]!.depth < this.budget.maxDepth);
    if (open.length === 0) return null;
    return open.length === 1 ? open[0]! : layers[0].length <= layers[1].length ? 0 : 1;
  }

  /** Expands every node of `layer` on `side`: the next layer, a proof where the trees meet, or the budget that stopped it. */
  #grow(side: 0 | 1, layer: readonly Node[]): Node[] | AutoResult | { stop: AutoStop } {
    const own = this.#trees[side];
    const other = this.#trees[1 - side]!;
    const next: Node[] = [];
    for (const node of layer) {
      const spent = this.#spent();
      if (spent !== null) return { stop: spent };
      this.#expanded++;
      for (const { step } of applicableRewrites(node.term, this.rules, { ...this.options, budget: this.#work })) {
        if (nodeCount(step.after, this.budget.maxTermNodes + 1) > this.budget.maxTermNodes) continue;
        const key = termKey(step.after);
        if (own.has(key)) continue;
        const child: Node = { term: step.after, depth: node.depth + 1, parent: node, step };
        own.set(key, child);
        this.#made.set(step.ruleId, (this.#made.get(step.ruleId) ?? 0) + 1);
        const met = other.get(key);
        const proof = met === undefined ? null : this.#proof(side === 0 ? child : met, side === 0 ? met : child);
        if (proof !== null) return proof;
        if (own.size + other.size >= this.budget.maxTerms) return { stop: 'term budget reached' };
        next.push(child);
      }
    }
    return next;
  }

  #spent(): AutoStop | null {
    if (this.#expanded >= this.budget.maxExpansions) return 'expansion budget reached';
    if (isSpent(this.#work)) return 'work budget reached';
    if (this.budget.maxMillis !== null && this.now() - this.#started > this.budget.maxMillis) return 'time budget reached';
    return null;
  }

  /** The step `step.after → step.before`: its rule the other way, found by the rewriter; null when none gives back exactly `step.before`. */
  #reverse(step: Step): Step | null {
    const direction: Direction = step.direction === 'forward' ? 'backward' : 'forward';
    const rule = this.#byId.get(step.ruleId);
    if (rule === undefined) return null;
    const back = applicableRewrites(step.after, rule, { ...this.options, directions: [direction], budget: this.#work });
    return back.find((a) => equalTerms(a.step.after, step.before))?.step ?? null;
  }

  /** The steps from the root of the forward tree to `forward`, then from `backward` back to the root of the backward tree; null when one of those cannot be reversed. */
  #proof(forward: Node, backward: Node): AutoResult | null {
    const head: Step[] = [];
    for (let n: Node | null = forward; n?.step; n = n.parent) head.unshift(n.step);
    const tail: Step[] = [];
    for (let n: Node | null = backward; n?.step; n = n.parent) {
      if (!this.#reversed.has(n)) this.#reversed.set(n, this.#reverse(n.step));
      const back = this.#reversed.get(n)!;
      if (back === null) return null;
      tail.push(back);
    }
    return { ok: true, steps: [...head, ...tail], stats: this.#stats() };
  }

  #stats(): AutoStats {
    return { expanded: this.#expanded, kept: this.#trees[0].size + this.#trees[1].size };
  }

  #failed(stop: AutoStop): AutoResult {
    const busiest = busiestRules(this.#made);
    return { ok: false, stop, stats: this.#stats(), busiest: stop === 'no rule applies further' || stop === 'depth reached' ? [] : busiest };
  }
}

/** The checker's limits that bound `by auto` (structurally `SearchLimits` of `src/check`). */
export type AutoLimits = { readonly autoDepth: number; readonly autoTerms: number; readonly lineWork: number; readonly searchNodes: number };

/**
 * `by auto` as the checker asks it (an `AutoProposer` of `src/check`): this
 * search within the line's limits — `autoDepth` applications from each side,
 * `autoTerms` terms kept and expanded, `lineWork` matching work — and no
 * clock, so a verdict does not depend on the machine.
 */
export function proposeChain(from: Term, to: Term, rules: readonly Rule[], options: RewriteOptions, limits: AutoLimits):
  { readonly ok: true; readonly steps: readonly Step[] } | { readonly ok: false; readonly stop: string; readonly explored: number; readonly busiest: readonly string[] } {
  const budget = { maxDepth: limits.autoDepth, maxTerms: limits.autoTerms, maxExpansions: limits.autoTerms, work: limits.lineWork, maxTermNodes: limits.searchNodes, maxMillis: null };
  const found = searchBetween(from, to, rules, options, budget);
  return found.ok ? { ok: true, steps: found.steps } : { ok: false, stop: found.stop, explored: found.stats.kept, busiest: found.busiest };
}
