export declare const TRUSTED_TYPES_POLICIES: string[];
export declare const DEFAULT_FRAME_ANCESTORS: string;
export declare const EMBED_FRAME_SOURCES: string[];
export declare function contentSecurityPolicy(options?: {
  frameAncestors?: string;
  sourceOrigins?: string;
  allowWasm?: boolean;
  connectOrigins?: string[];
}): string;
export declare function securityHeaders(env?: Record<string, string | undefined>): Record<string, string>;
