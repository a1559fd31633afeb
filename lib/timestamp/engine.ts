/**
 * pkijs's crypto engine, set up once for every context DisputeKit runs in: the background (service worker or
 * event page), the extension's pages and Node 20 all have WebCrypto as `globalThis.crypto`, so one code path
 * signs nothing, verifies everything and draws the request nonces, with no Node module.
 */
import { CryptoEngine, setEngine } from 'pkijs';

let engine: CryptoEngine | undefined;

export function cryptoEngine(): CryptoEngine {
  if (!engine) {
    const webcrypto = globalThis.crypto;
    if (!webcrypto?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available here');
    engine = new CryptoEngine({ name: 'webcrypto', crypto: webcrypto });
    // The global engine too, for the pkijs calls that take none as an argument.
    setEngine('webcrypto', engine);
  }
  return engine;
}
