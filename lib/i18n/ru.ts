import type { Catalogue } from './catalogue';

export const ru: Catalogue = {
  appName: 'DisputeKit',
  'platform.aliexpress': 'AliExpress',
  'platform.taobao': 'Taobao',
  'platform.tmall': 'Tmall',
  'platform.yandex-market': 'Яндекс Маркет',

  'popup.reading': 'Читаю страницу…',
  'popup.notOrderPage':
    'Это не страница заказа, которую знает DisputeKit. Откройте страницу заказа на AliExpress, Taobao, Tmall или Яндекс Маркете.',
  'popup.orderListPage': 'DisputeKit пока не нашёл заказов в этом списке. Дождитесь загрузки или откройте страницу заказа.',
  'list.heading': { one: '{n} заказ на странице', few: '{n} заказа на странице', many: '{n} заказов на странице', other: '{n} заказа на странице' },
  'list.more': '…и ещё {n}',
  'list.saveAll': 'Сохранить все заказы со страницы',
  'list.saveHint': 'Для каждого заказа заводится дело, чтобы не пропустить сроки; отменённые и закрытые заказы сохраняются как закрытые дела. Откройте заказ, чтобы сохранить доказательства.',
  'list.saved': 'Сохранено: новых {created}{closedNew}, обновлено {updated}{closedUpdated}.',
  'list.saved.closedNew': ' (закрытых: {n})',
  'list.saved.closedUpdated': ' (теперь закрыто: {n})',
  'list.saved.keptOpen': {
    one: 'На странице указано, что {n} заказ закрыт, но вы работаете с его делом, поэтому оно остаётся открытым.',
    few: 'На странице указано, что {n} заказа закрыты, но вы работаете с их делами, поэтому они остаются открытыми.',
    many: 'На странице указано, что {n} заказов закрыто, но вы работаете с их делами, поэтому они остаются открытыми.',
    other: 'На странице указано, что {n} заказа закрыты, но вы работаете с их делами, поэтому они остаются открытыми.',
  },
  'popup.unreadable':
    'Похоже на страницу {platform}, но DisputeKit не нашёл на ней заказ. Возможно, страница ещё загружается или её вёрстка изменилась: обновите её и попробуйте снова.',
  'popup.reload': 'Обновите страницу и откройте DisputeKit снова: вкладка была открыта до запуска расширения.',

  // «на» takes the prepositional case: «на Яндекс Маркете», so each platform has its own heading.
  'order.heading.aliexpress': 'Заказ на AliExpress',
  'order.heading.taobao': 'Заказ на Taobao',
  'order.heading.tmall': 'Заказ на Tmall',
  'order.heading.yandex-market': 'Заказ на Яндекс Маркете',
  'order.id': 'Номер заказа',
  'order.store': 'Продавец',
  'order.status': 'Статус',
  'order.notFound': 'не найдено на странице',

  'capture.button': 'Сохранить доказательства',
  'capture.busy': 'Сохраняю…',
  'capture.saved': 'Сохранено: {files}.',

  'case.heading': 'Дело',
  'case.empty': 'По этому заказу ещё ничего не сохранено.',
  'case.files': { one: '{n} файл', few: '{n} файла', many: '{n} файлов', other: '{n} файла' },

  'size.bytes': { one: '{n} байт', few: '{n} байта', many: '{n} байт', other: '{n} байта' },
  'size.kB': '{n} КБ',
  'size.MB': '{n} МБ',
  'size.GB': '{n} ГБ',
  'size.TB': '{n} ТБ',
  'case.lastCapture': 'Последнее сохранение {time}',
  'case.thumbnailAlt': 'Снимок от {time}',

  'error.noTab': 'Нет вкладки для чтения. Откройте страницу заказа и попробуйте снова.',
  'error.tabClosed': 'Вкладку закрыли до завершения сохранения. Ничего не сохранено.',
  'error.tabNotVisible': 'Сначала перейдите на вкладку заказа: браузер снимает только ту вкладку, которую вы видите.',
  'error.permission':
    'Браузер не разрешил снимок экрана. Нажмите значок DisputeKit на панели на странице заказа, затем «Сохранить доказательства». Ничего не сохранено.',
  'error.captureFailed': 'Не удалось сделать снимок. Ничего не сохранено, попробуйте снова.',
  'error.interrupted': 'Предыдущее сохранение прервалось, и из него ничего не сохранилось. Сохраните ещё раз.',
};
