import type { ImageProvider } from '../core/provider';
import { apixo } from '../providers/apixo';
import { minimax } from '../providers/minimax';
import { segmind } from '../providers/segmind';
import type { ProviderName } from './cli-arguments';

/** The provider for a CLI run: the real API, or the sandbox's base URL with a placeholder key. */
export function cliProvider(name: ProviderName, sandboxBaseUrl?: string): ImageProvider {
  const options = sandboxBaseUrl === undefined ? {} : { apiKey: 'sandbox', baseUrl: sandboxBaseUrl };
  if (name === 'apixo') return apixo(options);
  if (name === 'minimax') return minimax(options);
  return segmind(options);
}
