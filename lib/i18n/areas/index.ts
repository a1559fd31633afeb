/** Every area's strings; one import per area, so adding an area touches no other area's file. */
import { actions } from './actions';
import { backup } from './backup';
import { chat } from './chat';
import { checklist } from './checklist';
import { dashboard } from './dashboard';
import { deadlines } from './deadlines';
import { dossier } from './dossier';
import { evidence } from './evidence';
import { fullpage } from './fullpage';
import { letters } from './letters';
import { listing } from './listing';
import { pageButton } from './page-button';
import { plan } from './plan';
import { print } from './print';
import { reading } from './reading';
import { readings } from './readings';
import { rules } from './rules';
import { timestamp } from './timestamp';

export const AREAS = [fullpage, evidence, actions, rules, checklist, dossier, letters, dashboard, backup, readings, deadlines, reading, plan, pageButton, print, timestamp, listing, chat] as const;
