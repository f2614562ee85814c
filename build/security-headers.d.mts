export declare const TRUSTED_TYPES_POLICIES: string[];
export declare const DEFAULT_FRAME_ANCESTORS: string;
export declare function contentSecurityPolicy(options?: { frameAncestors?: string }): string;
export declare function securityHeaders(env?: Record<string, string | undefined>): Record<string, string>;
