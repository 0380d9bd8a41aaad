/** The image type from the first bytes (PNG, JPEG, WebP, GIF), or undefined. */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  const startsWith = (signature: readonly number[], offset = 0): boolean =>
    signature.every((value, index) => bytes[offset + index] === value);
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith([0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  return undefined;
}

/** Decodes base64 (plain or a `data:` URL). */
export function decodeBase64(data: string): Uint8Array {
  const comma = data.startsWith('data:') ? data.indexOf(',') : -1;
  return new Uint8Array(Buffer.from(comma >= 0 ? data.slice(comma + 1) : data, 'base64'));
}
