/**
 * The rules and escalation ladders, parsed with zod when this module loads: a mistake in the data fails
 * loudly at startup (and in tests), never as a silently wrong deadline.
 */
import { z } from 'zod';
import type { Platform } from '../../common/marketplaces';
import { RULE_DATA } from './data';
import { LADDER_DATA } from './ladders';
import { LadderSchema, RuleSchema } from './schema';
import type { Ladder, Rule } from './schema';

export type { Counting, Ladder, Rule } from './schema';

export function parseRules(data: unknown): Rule[] {
  const rules = z.array(RuleSchema).parse(data);
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new Error(`rule ${rule.id} is listed twice`);
    ids.add(rule.id);
  }
  for (const rule of rules) {
    if (rule.start && 'rule' in rule.start) {
      const base = rules.find((r) => r.id === (rule.start as { rule: string }).rule);
      if (!base?.computable && !base?.countdowns) throw new Error(`rule ${rule.id} starts from ${rule.start.rule}, which has no date`);
      if (rule.start.before && rule.counting !== 'exact') throw new Error(`rule ${rule.id}: counting backwards needs exact counting`);
    }
  }
  return rules;
}

export function parseLadders(data: unknown, rules: Rule[]): Ladder[] {
  const ladders = z.array(LadderSchema).parse(data);
  for (const ladder of ladders) {
    for (const step of ladder.steps) {
      for (const id of step.rules) if (!rules.some((r) => r.id === id)) throw new Error(`ladder ${ladder.id}, step ${step.id}: unknown rule ${id}`);
    }
  }
  return ladders;
}

export const RULES: readonly Rule[] = parseRules(RULE_DATA);
export const LADDERS: readonly Ladder[] = parseLadders(LADDER_DATA, RULES as Rule[]);

const byId = new Map(RULES.map((r) => [r.id, r]));
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export function ladderOf(platform: Platform): Ladder {
  const ladder = LADDERS.find((l) => l.platforms.includes(platform));
  if (!ladder) throw new Error(`no ladder for ${platform}`);
  return ladder;
}

