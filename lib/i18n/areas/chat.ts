import { defineArea } from '../area';

/** "Capture this chat": the popup's button and messages, the context-menu item, the transcript's sender words. */
export const chat = defineArea(
  {
    'chat.button': 'Capture this chat',
    'chat.hint': 'Saves the whole conversation on this page as one image and its messages as a transcript; on a marketplace’s chat page they also go into the case’s contact log.',
    'chat.menu': 'Capture this chat',
    'chat.transcript': { one: '{n} message in the transcript.', other: '{n} messages in the transcript.' },
    'chat.noMessages': 'No messages could be read from this chat, so only its image was saved (no transcript).',
    'chat.contacts': { one: '{n} new message added to the case’s contact log.', other: '{n} new messages added to the case’s contact log.' },
    'chat.olderCapped': 'The chat kept loading older messages, and scrolling up stopped at DisputeKit’s limit: earlier messages may be missing (the capture’s record says so).',
    'chat.me': 'Me',
    'chat.them': 'Them',
    'evidenceKind.chat-transcript': 'Chat transcript',
    'error.noChatBox': 'No scrolling conversation was found on this page, so nothing was saved. Open the chat so its messages show, then try again.',
  },
  {
    zh_CN: {
      'chat.button': '保存这段聊天记录',
      'chat.hint': '将此页面上的整段对话保存为一张图片，并把消息保存为聊天记录文本；在平台的聊天页面上，这些消息还会加入案件的联系记录。',
      'chat.menu': '保存这段聊天记录',
      'chat.transcript': { other: '聊天记录共{n}条消息。' },
      'chat.noMessages': '未能从这段聊天中读出任何消息，因此只保存了图片（没有聊天记录文本）。',
      'chat.contacts': { other: '已将{n}条新消息加入案件的联系记录。' },
      'chat.olderCapped': '该聊天一直在加载更早的消息，向上滚动已达到 DisputeKit 的上限而停止：可能缺少更早的消息（截取记录中已注明）。',
      'chat.me': '我',
      'chat.them': '对方',
      'evidenceKind.chat-transcript': '聊天记录',
      'error.noChatBox': '此页面上没有找到可滚动的对话，因此没有保存任何内容。请先打开聊天窗口、让消息显示出来，然后重试。',
    },
    ru: {
      'chat.button': 'Сохранить этот чат',
      'chat.hint': 'Сохраняет всю переписку на этой странице одним изображением, а сообщения — текстовой расшифровкой; на странице чата маркетплейса они попадают и в журнал обращений по делу.',
      'chat.menu': 'Сохранить этот чат',
      'chat.transcript': { one: 'В расшифровке {n} сообщение.', few: 'В расшифровке {n} сообщения.', many: 'В расшифровке {n} сообщений.', other: 'В расшифровке {n} сообщения.' },
      'chat.noMessages': 'Не удалось прочитать ни одного сообщения из этого чата, поэтому сохранено только изображение (без расшифровки).',
      'chat.contacts': {
        one: 'В журнал обращений по делу добавлено {n} новое сообщение.',
        few: 'В журнал обращений по делу добавлено {n} новых сообщения.',
        many: 'В журнал обращений по делу добавлено {n} новых сообщений.',
        other: 'В журнал обращений по делу добавлено {n} новых сообщения.',
      },
      'chat.olderCapped': 'Чат продолжал подгружать более ранние сообщения, и прокрутка вверх остановилась на пределе DisputeKit: самых ранних сообщений может не хватать (это отмечено в записи о снимке).',
      'chat.me': 'Я',
      'chat.them': 'Собеседник',
      'evidenceKind.chat-transcript': 'Расшифровка чата',
      'error.noChatBox': 'На этой странице не найдено прокручиваемой переписки, поэтому ничего не сохранено. Откройте чат, чтобы сообщения были видны, и попробуйте ещё раз.',
    },
  },
);
