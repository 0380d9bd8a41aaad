import type { SandboxProvider, SandboxRoute } from './sandbox-types';

/** Which provider and route a request is for, with its path parameters. */
export interface RouteMatch {
  provider: SandboxProvider | null;
  route: SandboxRoute | null;
  params: Record<string, string>;
}

interface RoutePattern {
  provider: SandboxProvider;
  route: SandboxRoute;
  methods: readonly string[];
  pattern: RegExp;
  names: readonly string[];
}

const patterns: readonly RoutePattern[] = [
  { provider: 'segmind', route: 'status', methods: ['GET'], pattern: /^\/segmind\/v2\/requests\/([^/]+)\/status$/, names: ['id'] },
  { provider: 'segmind', route: 'result', methods: ['GET'], pattern: /^\/segmind\/v2\/requests\/([^/]+)$/, names: ['id'] },
  { provider: 'segmind', route: 'submit', methods: ['POST'], pattern: /^\/segmind\/v2\/([^/]+)$/, names: ['model'] },
  { provider: 'apixo', route: 'submit', methods: ['POST'], pattern: /^\/apixo\/api\/v1\/generateTask\/([^/]+)$/, names: ['model'] },
  { provider: 'apixo', route: 'status', methods: ['GET'], pattern: /^\/apixo\/api\/v1\/statusTask\/([^/]+)$/, names: ['model'] },
  { provider: 'apixo', route: 'balance', methods: ['GET'], pattern: /^\/apixo\/api\/v1\/apikeys\/current-balance$/, names: [] },
  { provider: 'minimax', route: 'submit', methods: ['POST'], pattern: /^\/minimax\/v1\/image_generation$/, names: [] },
];

const filePattern = /^\/files\/((segmind|apixo|minimax)-[0-9a-f]+)\.png$/;

/** Matches a method and path (without query) against the sandbox's routes. */
export function identifyRequest(method: string, pathname: string): RouteMatch {
  const fileMatch = filePattern.exec(pathname);
  if (fileMatch !== null && (method === 'GET' || method === 'HEAD')) {
    return { provider: fileMatch[2] as SandboxProvider, route: 'file', params: { name: fileMatch[1] ?? '' } };
  }
  for (const candidate of patterns) {
    const match = candidate.pattern.exec(pathname);
    if (match === null || !candidate.methods.includes(method)) continue;
    const params: Record<string, string> = {};
    candidate.names.forEach((name, index) => {
      params[name] = safeDecode(match[index + 1] ?? '');
    });
    return { provider: candidate.provider, route: candidate.route, params };
  }
  return { provider: providerOfPrefix(pathname), route: null, params: {} };
}

function providerOfPrefix(pathname: string): SandboxProvider | null {
  const first = pathname.split('/')[1];
  return first === 'segmind' || first === 'apixo' || first === 'minimax' ? first : null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
