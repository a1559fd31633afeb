import type { Catalogue } from './catalogue';

export const zh_CN: Catalogue = {
  appName: 'DisputeKit 维权助手',
  'platform.aliexpress': '速卖通 AliExpress',
  'platform.taobao': '淘宝',
  'platform.tmall': '天猫',
  'platform.yandex-market': 'Yandex Market',

  'popup.reading': '正在读取此页面…',
  'popup.notOrderPage': '这不是 DisputeKit 能识别的订单页面。请打开速卖通、淘宝、天猫或 Yandex Market 的订单详情页。',
  'popup.orderListPage': 'DisputeKit 尚未在此列表中找到订单。请等待页面加载完成，或打开某个订单的页面。',
  'list.heading': { other: '此页面上有 {n} 个订单' },
  'list.more': '……还有 {n} 个',
  'list.saveAll': '保存此页面上的所有订单',
  'list.saveHint': '为每个订单建立维权案件，以便跟踪期限；已取消和已关闭的订单记为已关闭的案件。打开订单页面可保存证据。',
  'list.saved': '已保存：新增 {created} 个{closedNew}，更新 {updated} 个{closedUpdated}。',
  'list.saved.closedNew': '（其中 {n} 个已关闭）',
  'list.saved.closedUpdated': '（其中 {n} 个现已关闭）',
  'list.saved.keptOpen': { other: '页面显示有 {n} 个订单已关闭，但您正在处理相应的案件，这些案件仍为“进行中”。' },
  'popup.unreadable': '这像是{platform}的页面，但 DisputeKit 没有找到订单。页面可能仍在加载，或版式已更改：请刷新后重试。',
  'popup.reload': '请刷新页面后再打开 DisputeKit：此标签页是在扩展启动前打开的。',

  'order.heading': '{platform}订单',
  'order.id': '订单编号',
  'order.store': '店铺',
  'order.status': '状态',
  'order.notFound': '页面上未找到',

  'capture.button': '保存证据',
  'capture.busy': '正在保存…',
  'capture.saved': '已保存：{files}。',

  'case.heading': '维权案件',
  'case.empty': '此订单尚未保存证据。',
  'case.files': { other: '{n} 个文件' },

  'size.bytes': { other: '{n} 字节' },
  'size.kB': '{n} 千字节',
  'size.MB': '{n} 兆字节',
  'size.GB': '{n} 吉字节',
  'size.TB': '{n} 太字节',
  'case.lastCapture': '最近一次保存：{time}',
  'case.thumbnailAlt': '截图时间 {time}',

  'error.noTab': '没有可读取的标签页。请打开订单页面后重试。',
  'error.tabClosed': '保存完成前标签页已关闭，未保存任何内容。',
  'error.tabNotVisible': '请先切换到订单所在的标签页：浏览器只能截取当前正在查看的标签页。',
  'error.permission': '浏览器不允许截图。请在订单页面上点击工具栏中的 DisputeKit 图标，再点“保存证据”。未保存任何内容。',
  'error.captureFailed': '截图失败。未保存任何内容，请重试。',
  'error.interrupted': '上一次保存在完成前被中断，其内容未被保存。请重新保存。',
};
