import { createHash } from 'node:crypto';

/** SHA-256 of the parts joined with NUL bytes, as bytes. */
export function hashBytes(...parts: readonly (string | number)[]): Buffer {
  return createHash('sha256').update(parts.map(String).join('\u0000')).digest();
}

/** A number in [0, 1) derived from the parts. */
export function hashFraction(...parts: readonly (string | number)[]): number {
  return hashBytes(...parts).readUInt32BE(0) / 0x1_0000_0000;
}
