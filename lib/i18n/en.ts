/** English, the reference catalogue: every key here must exist in zh_CN and ru (the compiler checks). */
export const en = {
  appName: 'DisputeKit',
  'platform.aliexpress': 'AliExpress',
  'platform.taobao': 'Taobao',
  'platform.tmall': 'Tmall',
  'platform.yandex-market': 'Yandex Market',

  'popup.reading': 'Reading this page…',
  'popup.notOrderPage':
    'This is not an order page DisputeKit knows. Open the order’s detail page on AliExpress, Taobao, Tmall or Yandex Market.',
  'popup.orderListPage': 'DisputeKit found no orders on this list yet. Wait for it to load, or open one order’s page.',
  'list.heading': { one: '{n} order on this page', other: '{n} orders on this page' },
  'list.more': '…and {n} more',
  'list.saveAll': 'Save all orders on this page',
  'list.saveHint': 'Opens a case for each order so its deadlines are kept; cancelled and closed orders are filed as closed cases. Open an order to capture evidence for it.',
  'list.saved': 'Saved: {created} new{closedNew}, {updated} updated{closedUpdated}.',
  'list.saved.closedNew': ' ({n} closed)',
  'list.saved.closedUpdated': ' ({n} now closed)',
  'list.saved.keptOpen': {
    one: 'The page says {n} order is closed, but you are working on its case, so it stays open.',
    other: 'The page says {n} orders are closed, but you are working on their cases, so they stay open.',
  },
  'popup.unreadable':
    'This looks like a {platform} page, but DisputeKit could not find an order on it. The page may still be loading, or its layout has changed: reload it and try again.',
  'popup.reload': 'Reload the page, then open DisputeKit again: it started after this tab was opened.',

  'order.heading.aliexpress': 'Order on AliExpress',
  'order.heading.taobao': 'Order on Taobao',
  'order.heading.tmall': 'Order on Tmall',
  'order.heading.yandex-market': 'Order on Yandex Market',
  'order.id': 'Order number',
  'order.store': 'Store',
  'order.status': 'Status',
  'order.notFound': 'not found on the page',

  'capture.button': 'Capture evidence',
  'capture.busy': 'Capturing…',
  'capture.saved': 'Saved: {files}.',

  'case.heading': 'Case',
  'case.empty': 'No evidence saved for this order yet.',
  'case.files': { one: '{n} file', other: '{n} files' },

  'size.bytes': { one: '{n} byte', other: '{n} bytes' },
  'size.kB': '{n} kB',
  'size.MB': '{n} MB',
  'size.GB': '{n} GB',
  'size.TB': '{n} TB',
  'case.lastCapture': 'Last capture {time}',
  'case.thumbnailAlt': 'Screenshot taken {time}',

  'error.noTab': 'There is no tab to read. Open an order page and try again.',
  'error.tabClosed': 'The tab was closed before the capture finished. Nothing was saved.',
  'error.tabNotVisible': 'Switch to the order’s tab first: the browser can only capture the tab you are looking at.',
  'error.permission':
    'The browser did not allow the screenshot. Click the DisputeKit icon in the toolbar on the order page, then Capture evidence. Nothing was saved.',
  'error.captureFailed': 'The screenshot failed. Nothing was saved; try again.',
  'error.interrupted': 'The last capture was interrupted before it finished, so nothing from it was saved. Please capture again.',
} as const;
