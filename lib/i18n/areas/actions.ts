import { defineArea } from '../area';

/** "One action from anywhere": the context menu, the keyboard command, "Add this page to case" (the in-page button's own strings: ./page-button.ts). */
export const actions = defineArea(
  {
    'actions.menuPage': 'Save as dispute evidence',
    'actions.menuSelection': 'Save selection as chat/quote',
    'actions.caseName': '{platform} order {orderId}',
    'actions.savedTitle': 'Saved to {case}',
    'actions.savedFiles': { one: '{n} file saved with its SHA-256 and the time.', other: '{n} files saved with their SHA-256 and the time.' },
    'actions.savedSelection': 'The selected text was saved as a chat/quote with its SHA-256 and the time.',
    'actions.failedTitle': 'DisputeKit: nothing was saved',
    'actions.noCurrentCase':
      'DisputeKit does not know which case this page belongs to. Open the order’s page and capture it first (or open its case); then other pages, like the listing, the tracking page or a chat, are saved into that case. Nothing was saved.',
    'actions.emptySelection': 'No text is selected. Select the text to save and try again. Nothing was saved.',
    'actions.selectionTooLong': 'The selection is too long to save as a quote (over a million characters). Select only the messages you need, or save the whole page. Nothing was saved.',

    'addPage.heading': 'Add this page to a case',
    'addPage.hint': 'Saves what this page shows (the item’s listing, Taobao’s transaction snapshot, the tracking page…) into the case you pick.',
    'addPage.case': 'Case',
    'addPage.button': 'Capture',
    'addPage.busy': 'Capturing…',
    'addPage.noCases': 'No open case yet. Open the order’s page and capture it first; then you can add other pages to its case.',
    'addPage.saved': 'Saved to {case}: {files}.',
  },
  {
    zh_CN: {
      'actions.menuPage': '保存为纠纷证据',
      'actions.menuSelection': '将所选文字保存为聊天/引用',
      'actions.caseName': '{platform}订单{orderId}',
      'actions.savedTitle': '已保存到{case}',
      'actions.savedFiles': { one: '已保存{n}个文件，附 SHA-256 和时间。', other: '已保存{n}个文件，附 SHA-256 和时间。' },
      'actions.savedSelection': '所选文字已作为聊天/引用保存，附 SHA-256 和时间。',
      'actions.failedTitle': 'DisputeKit：未保存任何内容',
      'actions.noCurrentCase':
        'DisputeKit 不知道此页面属于哪个案件。请先打开订单页面并保存证据（或打开该案件），之后商品页、物流页或聊天等其他页面就会保存到该案件中。未保存任何内容。',
      'actions.emptySelection': '没有选中任何文字。请选中要保存的文字后重试。未保存任何内容。',
      'actions.selectionTooLong': '选中的文字太长（超过一百万个字符），无法保存为引文。请只选中需要的消息，或保存整个页面。未保存任何内容。',

      'addPage.heading': '将此页面添加到案件',
      'addPage.hint': '将此页面显示的内容（商品页、淘宝交易快照、物流页面等）保存到您选择的案件中。',
      'addPage.case': '案件',
      'addPage.button': '保存',
      'addPage.busy': '正在保存…',
      'addPage.noCases': '还没有进行中的案件。请先打开订单页面并保存证据，之后即可将其他页面添加到该案件。',
      'addPage.saved': '已保存到{case}：{files}。',
    },
    ru: {
      'actions.menuPage': 'Сохранить как доказательство для спора',
      'actions.menuSelection': 'Сохранить выделенное как переписку/цитату',
      'actions.caseName': 'заказ {platform} {orderId}',
      'actions.savedTitle': 'Сохранено: {case}',
      'actions.savedFiles': {
        one: 'Сохранён {n} файл с SHA-256 и временем.',
        few: 'Сохранено {n} файла с SHA-256 и временем.',
        many: 'Сохранено {n} файлов с SHA-256 и временем.',
        other: 'Сохранено {n} файла с SHA-256 и временем.',
      },
      'actions.savedSelection': 'Выделенный текст сохранён как переписка/цитата с SHA-256 и временем.',
      'actions.failedTitle': 'DisputeKit: ничего не сохранено',
      'actions.noCurrentCase':
        'DisputeKit не знает, к какому делу относится эта страница. Сначала откройте страницу заказа и сохраните её (или откройте его дело): тогда другие страницы — товар, отслеживание, переписка — сохранятся в это дело. Ничего не сохранено.',
      'actions.emptySelection': 'Текст не выделен. Выделите нужный текст и попробуйте снова. Ничего не сохранено.',
      'actions.selectionTooLong': 'Выделено слишком много текста для цитаты (больше миллиона символов). Выделите только нужные сообщения или сохраните всю страницу. Ничего не сохранено.',

      'addPage.heading': 'Добавить эту страницу в дело',
      'addPage.hint': 'Сохраняет то, что показывает эта страница (карточку товара, снимок сделки Taobao, страницу отслеживания…), в выбранное дело.',
      'addPage.case': 'Дело',
      'addPage.button': 'Сохранить',
      'addPage.busy': 'Сохраняем…',
      'addPage.noCases': 'Открытых дел пока нет. Сначала откройте страницу заказа и сохраните её, затем сюда можно добавлять другие страницы.',
      'addPage.saved': 'Сохранено в «{case}»: {files}.',
    },
  },
);
