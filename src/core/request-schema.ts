import { z } from 'zod';

const aspectRatios = ['1:1', '16:9', '4:3', '3:2', '2:3', '3:4', '9:16', '21:9'] as const;

const sizePattern = /^\s*(\d+)\s*[x*X]\s*(\d+)\s*$/;

/** `'1024x768'` (also `*` or `X`), `{ width, height }` or `'auto'`, parsed to one shape. */
export const sizeSchema = z.union([
  z.literal('auto'),
  z
    .string()
    .regex(sizePattern, { message: "use 'WIDTHxHEIGHT', e.g. '1024x768', or { width, height }" })
    .transform((value) => {
      const match = sizePattern.exec(value);
      return { width: Number(match?.[1]), height: Number(match?.[2]) };
    }),
  z.object({
    width: z.number().int({ message: 'must be a whole number of pixels' }),
    height: z.number().int({ message: 'must be a whole number of pixels' }),
  }),
]);

/**
 * The shape every request must have, whatever the provider: types and enumerations only. Ranges
 * that depend on the model (prompt length, n, size limits, seed range) live in its capabilities.
 */
export const requestSchema = z.object({
  prompt: z
    .string({ message: 'prompt is required and must be a string' })
    .refine((value) => value.trim().length > 0, { message: 'must not be empty: describe the image to generate' }),
  model: z.string().min(1, { message: "must be a model slug such as 'image-01'" }).optional(),
  n: z.number().int({ message: 'must be a whole number' }).optional(),
  aspectRatio: z.enum(aspectRatios, { message: `must be one of ${aspectRatios.join(', ')}` }).optional(),
  size: sizeSchema.optional(),
  resolution: z.enum(['1K', '2K'], { message: "must be '1K' or '2K'" }).optional(),
  seed: z.number().int({ message: 'must be a whole number' }).optional(),
  promptOptimizer: z.boolean().optional(),
  referenceImageUrl: z
    .string()
    .refine((value) => /^https:\/\//i.test(value) || /^data:image\/[a-z0-9.+-]+;base64,/i.test(value), {
      message: 'must be an https:// URL or a data:image/...;base64, URL',
    })
    .optional(),
  responseFormat: z.enum(['url', 'base64'], { message: "must be 'url' or 'base64'" }).optional(),
  quality: z.enum(['low', 'medium', 'high', 'auto'], { message: "must be 'low', 'medium', 'high' or 'auto'" }).optional(),
  background: z.enum(['transparent', 'opaque'], { message: "must be 'transparent' or 'opaque'" }).optional(),
  moderation: z.enum(['low', 'auto'], { message: "must be 'low' or 'auto'" }).optional(),
  outputFormat: z.enum(['png', 'jpeg', 'webp'], { message: "must be 'png', 'jpeg' or 'webp'" }).optional(),
  outputCompression: z.number().int().min(0).max(100, { message: 'must be a whole number from 0 to 100' }).optional(),
  providerOptions: z.record(z.string(), z.unknown(), { message: 'must be an object of raw wire fields' }).optional(),
});

export type ParsedRequest = z.output<typeof requestSchema>;
