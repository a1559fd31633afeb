/**
 * The case's plan on screen (popup, case page, dashboard): the headline's parts around lib/deadlines/case-status.ts's line,
 * each deadline's state in the list, the dates editor's day and time fields, a countdown known only to the hour.
 */
import { defineArea } from '../area';

export const plan = defineArea(
  {
    'plan.heading': 'What to do now',
    'plan.headline.enter': 'Enter it',
    // A day-precision due in the rule's zone, and when that is on the user's own clock. {time}: "Nov 27, 4:00 PM".
    'plan.due.yourTime': '{time} your time',
    // A countdown the page gave to the hour, with less than an hour to go.
    'plan.time.underHour': 'under an hour',
    'plan.state.missed': 'missed',
    'plan.state.met': 'done in time',
    'plan.due.done': 'Done',
    'plan.dates.day': 'Day',
    'plan.dates.time': 'Time (if you know it)',
    'plan.dates.hint': 'A day is enough: deadlines counted in days end at midnight of their last day. Add the time only where a timer counts hours.',
  },
  {
    zh_CN: {
      'plan.heading': '现在该做什么',
      'plan.headline.enter': '去填写',
      'plan.due.yourTime': '您的当地时间：{time}',
      'plan.time.underHour': '不到1小时',
      'plan.state.missed': '已错过',
      'plan.state.met': '已按时办理',
      'plan.due.done': '完成',
      'plan.dates.day': '日期',
      'plan.dates.time': '时间（如果知道）',
      'plan.dates.hint': '填日期即可：按天计算的期限在最后一天24:00截止。只有按小时计时的期限才需要填时间。',
    },
    ru: {
      'plan.heading': 'Что делать сейчас',
      'plan.headline.enter': 'Указать',
      'plan.due.yourTime': '{time} по вашему времени',
      'plan.time.underHour': 'меньше часа',
      'plan.state.missed': 'пропущен',
      'plan.state.met': 'сделано в срок',
      'plan.due.done': 'Готово',
      'plan.dates.day': 'День',
      'plan.dates.time': 'Время (если известно)',
      'plan.dates.hint': 'Достаточно дня: сроки в днях истекают в 24:00 последнего дня. Время нужно, только если таймер считает часы.',
    },
  },
);
