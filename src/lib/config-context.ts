import { createContext, use } from 'react';
import type { AppConfig } from '../types/config.ts';

export const ConfigContext = createContext<AppConfig | null>(null);

/** The validated runtime configuration (public/config.json). */
export function useConfig(): AppConfig {
  const config = use(ConfigContext);
  if (!config) throw new Error('useConfig must be used inside <ConfigContext>');
  return config;
}
