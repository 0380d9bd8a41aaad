import { jsonReply } from './http-replies';
import type { ImageFiles } from './image-files';
import type { RouteReply, SandboxExchange } from './sandbox-types';

/**
 * `GET /files/{name}.png`: the generated PNG, no key needed. The header `x-sandbox-image-size`
 * gives the documented size (`WIDTHxHEIGHT`) the image stands for when it was scaled down.
 */
export function serveImageFile(images: ImageFiles, exchange: SandboxExchange): RouteReply {
  const file = images.find(exchange.params.name ?? '');
  if (file === undefined) return jsonReply(404, { error: 'File not found' });
  return {
    status: 200,
    headers: {
      'content-type': 'image/png',
      'cache-control': 'public, max-age=86400',
      'x-sandbox-image-size': `${file.recipe.size.width}x${file.recipe.size.height}`,
    },
    body: images.bytes(file),
  };
}
