/** 中文信函。占位符见 templates.ts。 */
import type { LetterLanguage } from './templates';

const ORDER_FACTS = `订单编号：{orderId}
购物平台：{platform}
卖家（店铺）：{store}
商品：
{items}
实付金额：{amount}
{dates}`;

const EVIDENCE = `证据清单（每份文件均附 SHA-256 哈希值及取证时间）：
{evidence}`;

/** 正式书信的结尾：“此致”后须接“敬礼！”，再署名。 */
const SIGNATURE = `此致
敬礼！

{name}
{contact}
{today}`;

const RU_DEFECT =
  '根据《俄罗斯联邦消费者权益保护法》（第2300-1号联邦法律，以下简称“该法”）第18条，消费者购买到有缺陷的商品，有权自行选择要求更换、相应减价、免费修理，或解除买卖合同并要求退还已付价款。根据该法第22条，退还价款或减价的要求应自提出之日起十日内满足；逾期的，依该法第23条，每逾期一日按商品价格的1%支付违约金。';
const RU_REMOTE = '该商品系以远程方式购买（该法第26.1条）。';
const CN_QUALITY =
  '根据《中华人民共和国消费者权益保护法》第二十三条，经营者应当保证其提供的商品的实际质量与广告、说明等方式表明的质量状况相符；根据第二十四条，经营者提供的商品不符合质量要求的，消费者可以要求退货，或者要求经营者履行更换、修理等义务；根据第二十五条，经营者采用网络方式销售商品，消费者有权自收到商品之日起七日内退货。';

export const zh: LetterLanguage = {
  blank: '____',
  you: { name: '[您的姓名]', contact: '[您的电话或电子邮箱]', address: '[您的通讯地址]' },
  dateLine: '{label}：{date}',
  dateLabels: {
    placed: '下单时间',
    paid: '付款时间',
    shipped: '发货时间',
    expectedDelivery: '承诺送达时间',
    delivered: '签收时间',
    receiptConfirmed: '确认收货时间',
    refundRequested: '申请退款时间',
    disputeOpened: '发起纠纷时间',
    returnShipped: '退货寄出时间',
    claimSent: '书面索赔发出时间',
    paymentDisputeOpened: '发起 PayPal 争议或信用卡拒付时间',
  },
  itemLine: '- {title}{quantity}{price}',
  quantity: ' × {n}',
  price: '，{price}',
  problems: {
    'not-received': {
      promised: '卖家承诺在下单时约定的期限内将商品送达。',
      happened: '本人至今未收到商品。',
    },
    'not-as-described': {
      promised: '卖家承诺所售商品与商品详情页的描述一致。',
      happened: '本人收到的商品与商品详情页的描述不符。',
    },
    damaged: {
      promised: '卖家承诺商品完好无损、功能正常。',
      happened: '本人收到的商品已损坏。',
    },
    counterfeit: {
      promised: '卖家以正品名义销售该商品。',
      happened: '本人收到的商品并非正品，系假冒商品。',
    },
    'missing-parts': {
      promised: '卖家承诺商品配件齐全，与描述一致。',
      happened: '本人收到的商品缺少描述中列明的部件或配件。',
    },
  },
  demands: {
    refund: '全额退还货款{amount}',
    replacement: '更换同型号、无质量问题的商品',
    repair: '免费修理商品',
    'price-reduction': '就货款{amount}相应减价',
    'return-refund': '办理退货（退货运费由卖家承担），并全额退还货款{amount}',
  },
  details: '具体情况：{text}',
  legal: {
    'cn-12315': {
      'not-received': '根据《中华人民共和国电子商务法》第二十条，电子商务经营者应当按照承诺或者与消费者约定的方式、时限向消费者交付商品；根据《中华人民共和国消费者权益保护法》第五十三条，经营者以预收款方式提供商品的，应当按照约定提供，未按照约定提供的，应当按照消费者的要求履行约定或者退回预付款。',
      'not-as-described': CN_QUALITY,
      damaged: CN_QUALITY,
      counterfeit: `${CN_QUALITY}以假充真属于欺诈行为，根据该法第五十五条，经营者应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为消费者购买商品的价款的三倍；增加赔偿的金额不足五百元的，为五百元。`,
      'missing-parts': CN_QUALITY,
    },
    'ru-claim': {
      'not-received': `根据《俄罗斯联邦消费者权益保护法》（第2300-1号联邦法律，以下简称“该法”）第23.1条，已收取预付款的卖方未在合同约定期限内交付商品的，消费者有权要求退还预付款，该要求应自提出之日起十日内满足；卖方逾期交付已预付商品的，每逾期一日按预付金额的0.5%支付违约金。${RU_REMOTE}`,
      'not-as-described': `商品与商品详情页描述不符，属于该法所称的缺陷。${RU_DEFECT}${RU_REMOTE}`,
      damaged: `商品交付时已损坏，属于该法所称的缺陷。${RU_DEFECT}${RU_REMOTE}`,
      counterfeit: `商品并非正品，与卖方提供的商品信息不符（该法第10条、第12条），属于重大缺陷。${RU_DEFECT}${RU_REMOTE}`,
      'missing-parts': `商品交付时不完整（《俄罗斯联邦民法典》第478条、第480条）。${RU_DEFECT}${RU_REMOTE}`,
    },
  },
  evidenceLine: '{n}. {kind}{name}，SHA-256 {hash}，取证时间：{time}',
  evidenceName: '“{name}”',
  noEvidence: '（尚未保存证据）',
  routes: {
    seller: {
      subject: '关于订单{orderId}售后问题的处理请求',
      body: `{store}负责人：

您好！本人在贵店（{platform}平台）购买的商品出现问题（订单编号：{orderId}），现特函告知，请予处理。

${ORDER_FACTS}

{promised}
{happened}
{details}

现本人要求：{demand}。
请于{due}前给予答复。如逾期未答复或问题仍未解决，本人将在{platform}平台申请退款、发起纠纷，并申请平台介入处理。

${EVIDENCE}

${SIGNATURE}`,
    },
    'platform-dispute': {
      subject: '关于订单{orderId}的售后纠纷申请',
      body: `尊敬的{platform}客服：

您好！本人在店铺{store}购买的商品出现问题（订单编号：{orderId}），与卖家协商未果，现发起售后纠纷，具体情况如下。

${ORDER_FACTS}

{promised}
{happened}
{details}

本人的诉求：{demand}。
恳请平台督促卖家于{due}前答复并妥善处理本纠纷。

${EVIDENCE}

${SIGNATURE}`,
    },
    'platform-escalation': {
      subject: '关于订单{orderId}申请{platform}介入处理',
      body: `尊敬的{platform}客服：

您好！本人就订单{orderId}的纠纷申请{platform}介入处理。卖家{store}至今未能解决问题。

${ORDER_FACTS}

{promised}
{happened}
{details}

本人已联系卖家并发起纠纷，但问题仍未解决。恳请平台介入核实，支持本人的诉求：{demand}。
请于{due}前作出处理决定。

${EVIDENCE}

${SIGNATURE}`,
    },
    chargeback: {
      subject: '银行卡交易争议（拒付）申请：{platform}订单{orderId}',
      body: `尊敬的发卡行争议处理部门：

持卡人：{name}
卡号：[卡号后四位]

本人对向{platform}支付订单{orderId}款项的这笔银行卡交易提出异议，特申请贵行发起拒付（退单）。

${ORDER_FACTS}

{promised}
{happened}
{details}

本人已通过卖家及平台的纠纷处理程序要求{demand}，但至今未获解决。
恳请贵行向商户发起交易争议，并将{amount}退回本人银行卡。请于{due}前确认是否受理本争议。

${EVIDENCE}

${SIGNATURE}`,
    },
    'cn-12315': {
      subject: '消费者投诉（12315）：{platform}订单{orderId}',
      body: `致：[所在市、区]市场监督管理局（12315）

投诉人：{name}
联系方式：{contact}
通讯地址：{address}
被投诉人：{store}（{platform}平台店铺）

投诉事项：订单{orderId}

事实与理由：
${ORDER_FACTS}

{promised}
{happened}
{details}
本人已与卖家及平台沟通，但问题至今未获解决。

法律依据：
{legal}

投诉请求：责令被投诉人{demand}。
根据《市场监督管理投诉举报处理暂行办法》，恳请贵局于{due}前（自收到投诉之日起七个工作日内）作出是否受理的决定。

${EVIDENCE}

投诉人：{name}
日期：{today}`,
    },
    'ru-claim': {
      subject: '关于订单{orderId}的书面索赔函（претензия）',
      body: `致：{store}（{platform}平台卖家）
发件人：{name}
地址：{address}
电话/电子邮箱：{contact}

书面索赔函（ПРЕТЕНЗИЯ）

本人以远程方式在{platform}平台向卖家{store}购买了以下商品，订单号{orderId}：
{items}
实付金额：{amount}
{dates}

{promised}
{happened}
{details}

{legal}

据此，本人要求{demand}。

请自本索赔函提出之日起十日内（即不迟于{due}）满足上述要求（该法第22条）。否则，本人将向法院提起诉讼，并另行要求支付该法规定的违约金、精神损害赔偿（该法第15条）以及相当于判决金额50%的罚款（该法第13条第6款）。

附件：
{evidence}

日期：{today}
签名：____________ / {name}`,
    },
    'consumer-agency': {
      subject: '消费者投诉：{platform}订单{orderId}',
      body: `致：[消费者权益保护机构名称]

投诉人：{name}
联系方式：{contact}
通讯地址：{address}

本人在{platform}平台店铺{store}购物（订单编号：{orderId}）时发生消费纠纷，恳请贵机构协助处理。

${ORDER_FACTS}

{promised}
{happened}
{details}

本人已与卖家及平台沟通，但问题至今未获解决。恳请贵机构受理本投诉，并协助本人实现以下请求：{demand}。
请于{due}前答复。

${EVIDENCE}

${SIGNATURE}`,
    },
  },
};
