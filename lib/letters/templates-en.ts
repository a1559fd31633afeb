/** The letters in English. See templates.ts for the placeholders. */
import type { LetterLanguage } from './templates';

const ORDER_FACTS = `Order number: {orderId}
Marketplace: {platform}
Seller (store): {store}
Items:
{items}
Amount paid: {amount}
{dates}`;

const EVIDENCE = `Evidence (each file is identified by its SHA-256 fingerprint and the time it was captured):
{evidence}`;

const SIGNATURE = `{name}
{contact}
{today}`;

const RU_REMOTE = 'The goods were bought remotely (Article 26.1 of the Law).';
const RU_DEFECT =
  'Under Article 18 of the Russian Federation Law No. 2300-1 "On Consumer Rights Protection" (the Law), a consumer sold goods with a defect may, at their choice, demand a replacement, a proportionate reduction of the price, free repair, or withdraw from the contract and demand a refund of the amount paid. Under Article 22 of the Law, a demand for a refund or a price reduction must be met within ten days of being made; for each day of delay Article 23 of the Law sets a penalty of 1% of the price of the goods.';
const CN_QUALITY =
  'Under Article 23 of the Consumer Rights Protection Law of the PRC, a business must ensure that its goods match the quality shown in its advertising and descriptions; under Article 24, goods that do not meet the quality requirements may be returned, or the business must replace or repair them. Article 25 gives a buyer of goods sold online the right to return them within seven days.';

export const en: LetterLanguage = {
  blank: '____',
  you: { name: '[your name]', contact: '[your e-mail or phone]', address: '[your postal address]' },
  dateLine: '{label}: {date}',
  dateLabels: {
    placed: 'Order placed',
    paid: 'Paid',
    shipped: 'Shipped',
    expectedDelivery: 'Delivery promised by',
    delivered: 'Delivered',
    receiptConfirmed: 'Receipt confirmed',
    refundRequested: 'Refund requested',
    disputeOpened: 'Dispute opened',
    returnShipped: 'Return shipped',
    claimSent: 'Written claim sent',
    paymentDisputeOpened: 'PayPal dispute or chargeback opened',
  },
  itemLine: '- {title}{quantity}{price}',
  quantity: ' × {n}',
  price: ', {price}',
  problems: {
    'not-received': {
      promised: 'The goods were to be delivered by the delivery date promised when I placed the order.',
      happened: 'I have not received the goods.',
    },
    'not-as-described': {
      promised: 'The goods were to be as described in the listing.',
      happened: 'The goods I received do not match the description in the listing.',
    },
    damaged: {
      promised: 'The goods were to arrive undamaged and in working order.',
      happened: 'The goods arrived damaged.',
    },
    counterfeit: {
      promised: 'The goods were sold as genuine branded goods.',
      happened: 'The goods I received are not genuine: they are a counterfeit.',
    },
    'missing-parts': {
      promised: 'The goods were to be complete, with every part and accessory listed.',
      happened: 'The goods arrived incomplete: parts listed in the description are missing.',
    },
  },
  demands: {
    refund: 'a full refund of {amount}',
    replacement: 'a replacement with goods of the same model, free of defects',
    repair: 'free repair of the goods',
    'price-reduction': 'a proportionate reduction of the price of {amount}',
    'return-refund': 'a full refund of {amount} against the return of the goods at your expense',
  },
  details: 'In detail: {text}',
  legal: {
    'ru-claim': {
      'not-received': `Under Article 23.1 of the Russian Federation Law No. 2300-1 "On Consumer Rights Protection" (the Law), if a seller who has received prepayment does not hand over the goods on time, the consumer may demand a refund of the prepayment, which must be made within ten days of the demand; for each day of delay in handing over prepaid goods the seller owes a penalty of 0.5% of the prepaid amount. ${RU_REMOTE}`,
      'not-as-described': `The goods do not match their description in the listing, which is a defect within the meaning of the Law. ${RU_DEFECT} ${RU_REMOTE}`,
      damaged: `The goods were handed over damaged, which is a defect within the meaning of the Law. ${RU_DEFECT} ${RU_REMOTE}`,
      counterfeit: `The goods are not genuine, contrary to the information given about them (Articles 10 and 12 of the Law); this is a material defect. ${RU_DEFECT} ${RU_REMOTE}`,
      'missing-parts': `The goods were handed over incomplete (Articles 478 and 480 of the Civil Code of the Russian Federation). ${RU_DEFECT} ${RU_REMOTE}`,
    },
    'cn-12315': {
      'not-received': 'Under Article 20 of the E-Commerce Law of the PRC, an e-commerce business must deliver goods in the manner and within the time it promised or agreed with the consumer; under Article 53 of the Consumer Rights Protection Law, a business paid in advance must deliver as agreed or refund the prepayment at the consumer\'s request.',
      'not-as-described': CN_QUALITY,
      damaged: CN_QUALITY,
      counterfeit: `${CN_QUALITY} Selling counterfeit goods as genuine is fraud: under Article 55 of the same Law the business must pay compensation of three times the price, and at least 500 yuan.`,
      'missing-parts': CN_QUALITY,
    },
  },
  evidenceLine: '{n}. {kind}{name}, SHA-256 {hash}, captured {time}',
  evidenceName: ' "{name}"',
  noEvidence: '(no evidence saved yet)',
  routes: {
    seller: {
      subject: 'Order {orderId}: request to resolve a problem',
      body: `Dear seller,

I am writing about my order {orderId} from your store {store} on {platform}.

${ORDER_FACTS}

{promised}
{happened}
{details}

I ask you for {demand}.
Please reply by {due}. If the problem is not resolved by then, I will open a dispute with {platform}.

${EVIDENCE}

Kind regards,
${SIGNATURE}`,
    },
    'platform-dispute': {
      subject: 'Dispute for order {orderId}',
      body: `To {platform} customer service,

I am opening a dispute about order {orderId}, bought from the store {store}.

${ORDER_FACTS}

{promised}
{happened}
{details}

I ask for {demand}.
Please have the seller answer, and settle the dispute, by {due}.

${EVIDENCE}

Kind regards,
${SIGNATURE}`,
    },
    'platform-escalation': {
      subject: 'Request for {platform} to step in: order {orderId}',
      body: `To {platform} customer service,

I ask {platform} to step in and decide my dispute about order {orderId}. The seller, {store}, has not resolved it.

${ORDER_FACTS}

{promised}
{happened}
{details}

I contacted the seller and opened a dispute, but the problem remains. I ask {platform} to decide in my favour: {demand}.
Please decide by {due}.

${EVIDENCE}

Kind regards,
${SIGNATURE}`,
    },
    chargeback: {
      subject: 'Card payment dispute (chargeback): {platform} order {orderId}',
      body: `To the card disputes department,

Cardholder: {name}
Card: [last four digits of the card]

I dispute a card payment to {platform} for order {orderId} and ask the bank to open a chargeback.

${ORDER_FACTS}

{promised}
{happened}
{details}

I asked the merchant for {demand}, through the seller and the marketplace's dispute process, without success.
I ask the bank to dispute the transaction with the merchant and return {amount} to my card. Please confirm that the dispute has been opened by {due}.

${EVIDENCE}

Kind regards,
${SIGNATURE}`,
    },
    'cn-12315': {
      subject: 'Consumer complaint (12315): order {orderId} on {platform}',
      body: `To: the market regulation administration (12315), [city or district]

Complainant: {name}
Contact: {contact}
Address: {address}
Respondent: {store}, a store on {platform}

Subject of the complaint: order {orderId}

Facts:
${ORDER_FACTS}

{promised}
{happened}
{details}
I contacted the seller and the platform, but the problem has not been resolved.

Legal basis:
{legal}

Request: that the respondent provide {demand}.
Under the Interim Measures for Handling Complaints and Reports on Market Regulation, I ask you to decide whether to accept this complaint by {due} (within seven working days of receiving it).

${EVIDENCE}

Complainant: {name}
Date: {today}`,
    },
    'ru-claim': {
      subject: 'Claim (pretenziya) regarding order {orderId}',
      body: `To: {store}, seller on {platform}
From: {name}
Address: {address}
Phone / e-mail: {contact}

CLAIM

I bought the following goods remotely from the seller {store} on {platform}, order No. {orderId}:
{items}
Amount paid: {amount}
{dates}

{promised}
{happened}
{details}

{legal}

On these grounds I demand {demand}.

Please meet this claim within 10 (ten) calendar days of its presentation, that is, no later than {due} (Article 22 of the Law). Otherwise I will go to court and, in addition, claim the penalty provided by the Law, compensation for moral damage (Article 15 of the Law) and a fine of 50% of the amount awarded (Article 13(6) of the Law).

Attachments:
{evidence}

Date: {today}
Signature: ____________ / {name}`,
    },
    'consumer-agency': {
      subject: 'Consumer complaint: {platform} order {orderId}',
      body: `To: [name of the consumer protection authority]

From: {name}
Contact: {contact}
Address: {address}

I ask for your help with a purchase from the store {store} on {platform}, order {orderId}.

${ORDER_FACTS}

{promised}
{happened}
{details}

I contacted the seller and the marketplace, but the problem has not been resolved. I ask you to review my complaint and help me obtain {demand}.
Please answer by {due}.

${EVIDENCE}

Kind regards,
${SIGNATURE}`,
    },
  },
};
