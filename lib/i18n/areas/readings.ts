import { defineArea } from '../area';

/** The case page's list of what the order's page said at different times (lib/cases/readings.ts). */
export const readings = defineArea(
  {
    'readings.heading': 'The order’s page did not always say the same',
    'readings.hint':
      'DisputeKit keeps a reading of the order each time it is saved. Below are the facts on which the readings differ. The order facts above are the case’s own: a capture you start refreshes them; the page’s own button and a restored backup never replace them.',
    'readings.saidOnce': 'read {when}, {source}',
    'readings.saidTimes': {
      one: 'read {n} time, last {when}, {source}',
      other: 'read {n} times, last {when}, {source}',
    },
    'readings.caseValue': 'the case’s',
    'readings.source.capture': 'by Capture evidence',
    'readings.source.selection': 'with a saved selection',
    'readings.source.list': 'by “Save all orders”',
    'readings.source.popup': 'when the popup opened the case',
    'readings.source.page-button': 'by the page’s “Save order to DisputeKit” button',
    'readings.source.backup': 'from a restored backup',
    'readings.source.before-readings': 'as the case held it before readings were kept',
  },
  {
    zh_CN: {
      'readings.heading': '订单页面前后显示的内容不一致',
      'readings.hint':
        'DisputeKit 每次保存订单时都会记下一条读取记录。下面列出各条记录不一致的信息。上方的订单信息是案件自己的：您主动保存证据时会更新它；页面上的按钮和恢复的备份永远不会替换它。',
      'readings.saidOnce': '读取于{when}，{source}',
      'readings.saidTimes': { other: '读取{n}次，最近一次{when}，{source}' },
      'readings.caseValue': '案件当前值',
      'readings.source.capture': '通过“保存证据”',
      'readings.source.selection': '保存所选文字时',
      'readings.source.list': '通过“保存本页所有订单”',
      'readings.source.popup': '弹出窗口创建案件时',
      'readings.source.page-button': '通过页面上的“保存订单到 DisputeKit”按钮',
      'readings.source.backup': '来自恢复的备份',
      'readings.source.before-readings': '开始记录读取之前案件中的信息',
    },
    ru: {
      'readings.heading': 'Страница заказа показывала не всегда одно и то же',
      'readings.hint':
        'При каждом сохранении DisputeKit записывает, что показывала страница заказа. Ниже — данные, в которых эти записи расходятся. Данные заказа выше принадлежат делу: их обновляет сохранение, которое запускаете вы; кнопка на самой странице и восстановленная копия их никогда не заменяют.',
      'readings.saidOnce': 'считано {when}, {source}',
      'readings.saidTimes': {
        one: 'считано {n} раз, последний — {when}, {source}',
        few: 'считано {n} раза, последний — {when}, {source}',
        many: 'считано {n} раз, последний — {when}, {source}',
        other: 'считано {n} раза, последний — {when}, {source}',
      },
      'readings.caseValue': 'в деле',
      'readings.source.capture': 'кнопкой «Сохранить доказательства»',
      'readings.source.selection': 'при сохранении выделенного текста',
      'readings.source.list': 'кнопкой «Сохранить все заказы»',
      'readings.source.popup': 'когда дело открыли из всплывающего окна',
      'readings.source.page-button': 'кнопкой «Сохранить заказ в DisputeKit» на странице',
      'readings.source.backup': 'из восстановленной копии',
      'readings.source.before-readings': 'так, как было в деле до начала записи считываний',
    },
  },
);
