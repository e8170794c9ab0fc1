// rrule ships ESM for bundlers (Vite, Vitest) and a UMD build for Node. Node's ESM loader sees the
// UMD build as one default export, so named imports fail there (tsx scripts, benchmarks). Reading
// the namespace dynamically gives the same classes in every runtime.
import * as rruleNamespace from 'rrule';

type RRuleModule = typeof rruleNamespace;
const namespace: Record<string, unknown> = rruleNamespace;
const resolved = (typeof namespace.RRule === 'function' ? namespace : namespace.default) as RRuleModule;

export const RRule = resolved.RRule;
export const RRuleSet = resolved.RRuleSet;
export const rrulestr = resolved.rrulestr;
export type RRule = InstanceType<RRuleModule['RRule']>;
export type RRuleSet = InstanceType<RRuleModule['RRuleSet']>;
