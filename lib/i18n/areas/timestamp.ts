import { defineArea } from '../area';

/**
 * Trusted timestamps (RFC 3161): the authorities offered in Settings, what they are sent, and why a
 * timestamp could not be had or does not hold (`timestamp.error.<code>`, one per TimestampErrorCode of
 * lib/timestamp/errors.ts). Authority names are the operators' own and stay untranslated (authorities.ts).
 */
export const timestamp = defineArea(
  {
    'timestamp.sees': 'The authority receives only the file’s SHA-256 fingerprint (32 bytes) and a random number, never the file, the page or the order. Like any website, it also sees your IP address and the time of the request.',
    'timestamp.authority.freetsa': 'FreeTSA.org: a free public service run by an individual in Germany.',
    'timestamp.authority.digicert': 'DigiCert: a large commercial certificate authority (USA); its timestamp service is free to use.',
    'timestamp.authority.sectigo': 'Sectigo: a large commercial certificate authority (UK/USA); its timestamp service is free to use.',
    'timestamp.authority.globalsign': 'GlobalSign: a commercial certificate authority (Belgium/Japan); its timestamp service is free to use.',
    'timestamp.authority.entrust': 'Entrust: a commercial certificate authority (USA); its timestamp service is free to use.',
    'timestamp.authority.custom': 'Another authority, at an address you enter. It must speak RFC 3161 over HTTP.',

    'timestamp.error.unreachable': 'The timestamp authority could not be reached (no connection, or the server is down).',
    'timestamp.error.timeout': 'The timestamp authority did not answer in time.',
    'timestamp.error.http': 'The timestamp authority answered with an error.',
    'timestamp.error.too-large': 'The timestamp authority sent far more data than a timestamp can be.',
    'timestamp.error.garbage': 'The answer is not a timestamp.',
    'timestamp.error.rejected': 'The timestamp authority refused the request.',
    'timestamp.error.wrong-imprint': 'The timestamp is for a different file or record.',
    'timestamp.error.nonce-mismatch': 'The answer does not belong to this request.',
    'timestamp.error.bad-signature': 'The timestamp’s signature is not valid: it was changed or not signed by the authority it names.',
    'timestamp.error.not-tsa-certificate': 'The timestamp was signed with a certificate that is not meant for timestamping.',
  },
  {
    zh_CN: {
      'timestamp.sees': '时间戳机构只会收到文件的 SHA-256 指纹（32 字节）和一个随机数，不会收到文件本身、页面或订单信息。和访问任何网站一样，对方也能看到你的 IP 地址和请求时间。',
      'timestamp.authority.freetsa': 'FreeTSA.org：由德国个人运营的免费公共服务。',
      'timestamp.authority.digicert': 'DigiCert：大型商业证书颁发机构（美国），其时间戳服务可免费使用。',
      'timestamp.authority.sectigo': 'Sectigo：大型商业证书颁发机构（英国/美国），其时间戳服务可免费使用。',
      'timestamp.authority.globalsign': 'GlobalSign：商业证书颁发机构（比利时/日本），其时间戳服务可免费使用。',
      'timestamp.authority.entrust': 'Entrust：商业证书颁发机构（美国），其时间戳服务可免费使用。',
      'timestamp.authority.custom': '其他时间戳机构，由你填写地址。该服务须支持基于 HTTP 的 RFC 3161 协议。',

      'timestamp.error.unreachable': '无法连接时间戳机构（没有网络，或服务器已停止服务）。',
      'timestamp.error.timeout': '时间戳机构未能及时响应。',
      'timestamp.error.http': '时间戳机构返回了错误。',
      'timestamp.error.too-large': '时间戳机构返回的数据远超正常时间戳的大小。',
      'timestamp.error.garbage': '返回的内容不是时间戳。',
      'timestamp.error.rejected': '时间戳机构拒绝了此次请求。',
      'timestamp.error.wrong-imprint': '该时间戳对应的是另一个文件或记录。',
      'timestamp.error.nonce-mismatch': '返回的应答与本次请求不对应。',
      'timestamp.error.bad-signature': '时间戳签名无效：内容已被改动，或并非由其所称的机构签发。',
      'timestamp.error.not-tsa-certificate': '该时间戳所用的签名证书并非时间戳专用证书。',
    },
    ru: {
      'timestamp.sees': 'Служба штампов времени получает только отпечаток файла SHA-256 (32 байта) и случайное число — ни сам файл, ни страницу, ни заказ. Как и любой сайт, она видит также ваш IP-адрес и время запроса.',
      'timestamp.authority.freetsa': 'FreeTSA.org — бесплатная общедоступная служба, которую ведёт частное лицо в Германии.',
      'timestamp.authority.digicert': 'DigiCert — крупный коммерческий удостоверяющий центр (США); штампы времени выдаёт бесплатно.',
      'timestamp.authority.sectigo': 'Sectigo — крупный коммерческий удостоверяющий центр (Великобритания/США); штампы времени выдаёт бесплатно.',
      'timestamp.authority.globalsign': 'GlobalSign — коммерческий удостоверяющий центр (Бельгия/Япония); штампы времени выдаёт бесплатно.',
      'timestamp.authority.entrust': 'Entrust — коммерческий удостоверяющий центр (США); штампы времени выдаёт бесплатно.',
      'timestamp.authority.custom': 'Другая служба, по адресу, который вы укажете. Она должна работать по протоколу RFC 3161 через HTTP.',

      'timestamp.error.unreachable': 'Не удалось связаться со службой штампов времени (нет соединения или сервер не работает).',
      'timestamp.error.timeout': 'Служба штампов времени не ответила вовремя.',
      'timestamp.error.http': 'Служба штампов времени ответила ошибкой.',
      'timestamp.error.too-large': 'Служба штампов времени прислала намного больше данных, чем бывает в штампе.',
      'timestamp.error.garbage': 'Ответ не является штампом времени.',
      'timestamp.error.rejected': 'Служба штампов времени отклонила запрос.',
      'timestamp.error.wrong-imprint': 'Штамп времени выдан для другого файла или записи.',
      'timestamp.error.nonce-mismatch': 'Ответ относится не к этому запросу.',
      'timestamp.error.bad-signature': 'Подпись штампа времени недействительна: его изменили, или подписала не та служба, что в нём указана.',
      'timestamp.error.not-tsa-certificate': 'Штамп времени подписан сертификатом, который не предназначен для штампов времени.',
    },
  },
);
