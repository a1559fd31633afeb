import { defineArea } from '../area';

/**
 * The band of a stamped print: what a judge or an arbiter reads on the image itself (the page's address, the
 * capture time, the original file's SHA-256), since metadata is not what they look at.
 */
export const print = defineArea(
  {
    'print.address': 'Page address: {url}',
    'print.time': 'Captured: {utc} UTC; {local} ({zone})',
    'print.sha256': 'SHA-256 of the original image: {sha256}',
    'print.made': 'Print made by DisputeKit {version}. The original image is kept unchanged beside this print.',
    'print.part': 'Part {index} of {count} of the page.',
    'print.section': 'Screens {first}–{last} of {total}.',
  },
  {
    zh_CN: {
      'print.address': '页面地址：{url}',
      'print.time': '截取时间：{utc}（UTC）；{local}（{zone}）',
      'print.sha256': '原始图片的 SHA-256：{sha256}',
      'print.made': '本打印件由 DisputeKit {version} 生成，原始图片原样另存。',
      'print.part': '页面第 {index} 部分，共 {count} 部分。',
      'print.section': '第 {first}–{last} 屏，共 {total} 屏。',
    },
    ru: {
      'print.address': 'Адрес страницы: {url}',
      'print.time': 'Время съёмки: {utc} UTC; {local} ({zone})',
      'print.sha256': 'SHA-256 исходного снимка: {sha256}',
      'print.made': 'Копия со штампом создана DisputeKit {version}. Исходный снимок хранится рядом без изменений.',
      'print.part': 'Часть страницы: {index} из {count}.',
      'print.section': 'Экраны {first}–{last} из {total}.',
    },
  },
);
