// Types of tsa.mjs, for the TypeScript tests that start it.
export type TestTsaMode = 'good' | 'good-ec' | 'down' | 'slow' | 'http-error' | 'garbage' | 'too-large' | 'rejection' | 'wrong-imprint' | 'wrong-nonce' | 'not-tsa' | 'eku-not-critical' | 'bad-signature';
export interface TestTsa {
  mode: TestTsaMode;
  slowMs: number;
  requests: { method?: string; contentType?: string; body: Uint8Array }[];
  dir: string;
  caPem: string;
  tsaPem: string;
  /** SHA-256 fingerprints (hex) of the RSA and the EC TSA certificates, as openssl prints them. */
  tsaFingerprint: string;
  tsaEcFingerprint: string;
  url: string;
  close(): Promise<void>;
}
export const TEST_POLICY: string;
export function startTestTsa(): Promise<TestTsa>;
