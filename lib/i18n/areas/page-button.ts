import { defineArea } from '../area';
import type { Locale } from '../translate';
import type { PageButtonKey, PageButtonStrings } from './page-button-keys';

/**
 * The in-page "Save order to DisputeKit" button (lib/content/page-button.ts): its labels, and the answers a save
 * from it can get (lib/capture/page-button-save.ts), which the popup shows too. The content scripts do not carry
 * this table: the background sends a page's button the strings of the user's language (message
 * 'strings:pageButton'), so keep it to what the button says; every other screen reads these from the full catalogue.
 * Its keys are ./page-button-keys.ts, the list the content script checks what it receives against.
 */
export const pageButton = defineArea(
  {
    'actions.pageButton': 'Save order to DisputeKit',
    'actions.pageButtonBusy': 'Saving…',
    'actions.pageButtonSaved': 'The order and a copy of this page are saved in DisputeKit.',
    'actions.screenshotHint': 'Screenshot: click the DisputeKit icon and press Capture evidence, or press {shortcut}.',
    'actions.screenshotHintNoShortcut': 'Screenshot: click the DisputeKit icon and press Capture evidence.',
    'actions.close': 'Close',
    'error.orderMismatch': 'The order number this page shows is not the one in its address, so nothing was saved. Open the order from your order list and try again.',
    'error.noOrderInUrl': 'This page’s address names no order, so DisputeKit cannot tell which case it belongs to. Nothing was saved; use the DisputeKit icon instead.',
    'error.rateLimited': 'This page has already been saved several times in the last minute. Nothing was saved this time; wait a minute and try again.',
    'error.notOrderPage': 'This page is not an order page DisputeKit can read, so nothing was saved.',
    'error.detail': 'Details: {detail}',
    'error.pageChanged': 'The page changed while it was being captured. Nothing was saved; try again.',
    'error.storageFull': 'There is no room left to save evidence. Free some disk space and try again; nothing already saved was lost.',
    'error.internal': 'Something went wrong. Nothing was saved.',
  } satisfies Record<PageButtonKey, string>,
  {
    zh_CN: {
      'actions.pageButton': '保存订单到 DisputeKit',
      'actions.pageButtonBusy': '正在保存…',
      'actions.pageButtonSaved': '订单和此页面的副本已保存到 DisputeKit。',
      'actions.screenshotHint': '截图：点击 DisputeKit 图标，再点击“保存证据”；也可以按 {shortcut}。',
      'actions.screenshotHintNoShortcut': '截图：点击 DisputeKit 图标，再点击“保存证据”。',
      'actions.close': '关闭',
      'error.orderMismatch': '此页面显示的订单号与网址中的订单号不一致，因此未保存任何内容。请从订单列表打开该订单后重试。',
      'error.noOrderInUrl': '此页面的网址中没有订单号，DisputeKit 无法判断它属于哪个案件。未保存任何内容；请改为点击 DisputeKit 图标保存。',
      'error.rateLimited': '此页面在过去一分钟内已保存多次。本次未保存任何内容；请稍等一分钟后再试。',
      'error.notOrderPage': '此页面不是 DisputeKit 能读取的订单页面，未保存任何内容。',
      'error.detail': '详细信息：{detail}',
      'error.pageChanged': '保存过程中页面发生了变化。未保存任何内容，请重试。',
      'error.storageFull': '存储空间不足，无法保存证据。请释放磁盘空间后重试；已保存的内容不会丢失。',
      'error.internal': '出错了，未保存任何内容。',
    },
    ru: {
      'actions.pageButton': 'Сохранить заказ в DisputeKit',
      'actions.pageButtonBusy': 'Сохраняем…',
      'actions.pageButtonSaved': 'Заказ и копия этой страницы сохранены в DisputeKit.',
      'actions.screenshotHint': 'Снимок экрана: нажмите значок DisputeKit, затем «Сохранить доказательства» — или нажмите {shortcut}.',
      'actions.screenshotHintNoShortcut': 'Снимок экрана: нажмите значок DisputeKit, затем «Сохранить доказательства».',
      'actions.close': 'Закрыть',
      'error.orderMismatch': 'Номер заказа на этой странице не совпадает с номером в её адресе, поэтому ничего не сохранено. Откройте заказ из списка заказов и попробуйте ещё раз.',
      'error.noOrderInUrl': 'В адресе этой страницы нет номера заказа, и DisputeKit не может понять, к какому делу она относится. Ничего не сохранено; сохраните страницу через значок DisputeKit.',
      'error.rateLimited': 'За последнюю минуту эту страницу уже сохраняли несколько раз. Сейчас ничего не сохранено; подождите минуту и попробуйте снова.',
      'error.notOrderPage': 'Это не страница заказа, которую DisputeKit умеет читать, поэтому ничего не сохранено.',
      'error.detail': 'Подробности: {detail}',
      'error.pageChanged': 'Страница изменилась во время сохранения. Ничего не сохранено; попробуйте снова.',
      'error.storageFull': 'Не хватает места для сохранения доказательств. Освободите место на диске и попробуйте снова; всё, что уже сохранено, на месте.',
      'error.internal': 'Что-то пошло не так. Ничего не сохранено.',
    },
  },
);

/** The button's strings in `locale`: what the background answers 'strings:pageButton' with. */
export function pageButtonStrings(locale: Locale): PageButtonStrings {
  return pageButton[locale];
}
