import { defineArea } from '../area';

/** Full-page capture: progress in the popup, cancelling, and the errors only this capture has. */
export const fullpage = defineArea(
  {
    'fullpage.hint': 'Saves the whole page as an image and an archive of the page, with their SHA-256 and the time.',
    'fullpage.preparing': 'Preparing the page…',
    'fullpage.screen': 'Capturing screen {n} of {total}…',
    'fullpage.archiving': 'Archiving the page…',
    'fullpage.saving': 'Saving…',
    'fullpage.cancel': 'Cancel',
    'fullpage.cancelling': 'Cancelling…',
    'fullpage.section': 'The page is {total} screens tall, more than one capture takes: this one holds screens {first}–{last}.',
    'fullpage.nextSection': 'Capture screens {first}–{last}',
    'error.cancelled': 'Capture cancelled. Nothing was saved, and the page is back as it was.',
    'error.busy': 'This tab is already being captured. Wait for it to finish or cancel it.',
    'error.caseNotFound': 'That case no longer exists, so nothing was saved.',
  },
  {
    zh_CN: {
      'fullpage.hint': '将整个页面保存为图片和网页存档，并记录它们的 SHA-256 和时间。',
      'fullpage.preparing': '正在准备页面…',
      'fullpage.screen': '正在截取第{n}屏，共{total}屏…',
      'fullpage.archiving': '正在存档页面…',
      'fullpage.saving': '正在保存…',
      'fullpage.cancel': '取消',
      'fullpage.cancelling': '正在取消…',
      'fullpage.section': '该页面共{total}屏，超出单次截取的上限：本次保存了第{first}–{last}屏。',
      'fullpage.nextSection': '截取第{first}–{last}屏',
      'error.cancelled': '已取消截取。没有保存任何内容，页面已恢复原样。',
      'error.busy': '此标签页正在截取中。请等待完成或将其取消。',
      'error.caseNotFound': '该案件已不存在，因此没有保存任何内容。',
    },
    ru: {
      'fullpage.hint': 'Сохраняет всю страницу как изображение и архив страницы, с их SHA-256 и временем.',
      'fullpage.preparing': 'Подготовка страницы…',
      'fullpage.screen': 'Снимок экрана {n} из {total}…',
      'fullpage.archiving': 'Архивирование страницы…',
      'fullpage.saving': 'Сохранение…',
      'fullpage.cancel': 'Отмена',
      'fullpage.cancelling': 'Отмена…',
      'fullpage.section': 'Страница длиной {total} экранов — больше, чем помещается в один снимок: сохранены экраны {first}–{last}.',
      'fullpage.nextSection': 'Снять экраны {first}–{last}',
      'error.cancelled': 'Снимок отменён. Ничего не сохранено, страница возвращена в прежний вид.',
      'error.busy': 'Эта вкладка уже снимается. Дождитесь окончания или отмените снимок.',
      'error.caseNotFound': 'Этого дела больше нет, поэтому ничего не сохранено.',
    },
  },
);
