/**
 * V8's compiler tuned for a batch run. V8 optimises a function after little use and inlines deeply, which suits a
 * long-lived process such as the language server; a cable-lint run is short, and over 6,000 cables it spent about as
 * much CPU in the optimising compiler (on background threads, once per worker) as in linting: with two jobs on two
 * cores the compiler took the second core, and two jobs ran slower than one. Waiting longer before optimising
 * (the functions that are optimised are the truly hot ones, with better type feedback, so fewer are thrown away)
 * and inlining less cut the compiler's CPU to a fifth (measured with `npm run bench` and per-thread CPU times).
 * Flags are process-wide, so the workers started after this get them too.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode a function runs before V8 considers optimising it (V8 11's default: 67,584). */
const INTERRUPT_BUDGET = 400_000;
/** Bytecode inlined into one optimised function at most (V8 11's default: 920). */
const CUMULATIVE_INLINING = 200;

/** Sets the flags unless the user set them (NODE_OPTIONS or node's own arguments): theirs win. */
export function tuneJitForBatchRun(
  env: NodeJS.ProcessEnv,
  execArgv: readonly string[],
  setFlags: (flags: string) => void = setFlagsFromString,
): void {
  const given = `${env.NODE_OPTIONS ?? ''} ${execArgv.join(' ')}`;
  if (!/--interrupt[-_]budget\b/.test(given)) setFlags(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  if (!/--max[-_]inlined[-_]bytecode[-_]size[-_]cumulative\b/.test(given))
    setFlags(`--max-inlined-bytecode-size-cumulative=${CUMULATIVE_INLINING}`);
}
