/** Every area's strings; one import per area, so adding an area touches no other area's file. */
import { actions } from './actions';
import { checklist } from './checklist';
import { evidence } from './evidence';
import { fullpage } from './fullpage';
import { rules } from './rules';

export const AREAS = [fullpage, evidence, actions, rules, checklist] as const;
