import { describe, expect, it } from 'vitest';
import { chatPlatformOf } from '@/lib/readers/chat/chat-pages';

describe('marketplace chat pages', () => {
  it('are known by their address, https only', () => {
    expect(chatPlatformOf('https://msg.aliexpress.com/buyerMsgListNew.htm?sellerId=1&orderId=2')).toBe('aliexpress');
    expect(chatPlatformOf('https://www.aliexpress.us/p/message/index.html')).toBe('aliexpress');
    expect(chatPlatformOf('https://h5.m.taobao.com/ww/index.htm#!dialog-abc')).toBe('taobao');
    expect(chatPlatformOf('https://im.tmall.com/chat')).toBe('tmall');
    expect(chatPlatformOf('https://market.yandex.ru/my/chat?orderId=5')).toBe('yandex-market');
    expect(chatPlatformOf('http://msg.aliexpress.com/buyerMsgListNew.htm')).toBeNull();
  });

  it('are not the marketplaces’ other pages, nor look-alike hosts', () => {
    expect(chatPlatformOf('https://www.aliexpress.com/p/order/detail.html?orderId=1')).toBeNull();
    expect(chatPlatformOf('https://market.yandex.ru/my/orders')).toBeNull();
    expect(chatPlatformOf('https://h5.m.taobao.com/trade/detail.html')).toBeNull();
    expect(chatPlatformOf('https://msg.aliexpress.com.evil.example/buyerMsgListNew.htm')).toBeNull();
    expect(chatPlatformOf('not a url')).toBeNull();
  });
});
