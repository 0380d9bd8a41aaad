/** Width and height in pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

/** The aspect ratios image-01 offers on every provider. */
export const aspectRatios = ['1:1', '16:9', '4:3', '3:2', '2:3', '3:4', '9:16', '21:9'] as const;
export type AspectRatio = (typeof aspectRatios)[number];

/** Documented sizes of each aspect ratio (MiniMax image-01, Segmind image-01, APIXO 1K). */
export const standardSizes: Readonly<Record<AspectRatio, ImageSize>> = {
  '1:1': { width: 1024, height: 1024 },
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 1152, height: 864 },
  '3:2': { width: 1248, height: 832 },
  '2:3': { width: 832, height: 1248 },
  '3:4': { width: 864, height: 1152 },
  '9:16': { width: 720, height: 1280 },
  '21:9': { width: 1344, height: 576 },
};

/** APIXO minimax-image-01 2K presets. */
export const apixo2KSizes: Readonly<Record<AspectRatio, ImageSize>> = {
  '1:1': { width: 2048, height: 2048 },
  '16:9': { width: 2048, height: 1152 },
  '4:3': { width: 2048, height: 1536 },
  '3:2': { width: 2048, height: 1368 },
  '2:3': { width: 1368, height: 2048 },
  '3:4': { width: 1536, height: 2048 },
  '9:16': { width: 1152, height: 2048 },
  '21:9': { width: 2048, height: 880 },
};

/** The size used when a request names none. */
export const defaultSize: ImageSize = { width: 1024, height: 1024 };

export function isAspectRatio(value: unknown): value is AspectRatio {
  return typeof value === 'string' && (aspectRatios as readonly string[]).includes(value);
}

/** The size actually generated: the documented size divided by the scale factor. */
export function scaledSize(size: ImageSize, imageScale: number | 'auto', maxAutoSide = 256): ImageSize {
  const factor = imageScale === 'auto' ? Math.max(1, Math.max(size.width, size.height) / maxAutoSide) : imageScale;
  return {
    width: Math.max(1, Math.round(size.width / factor)),
    height: Math.max(1, Math.round(size.height / factor)),
  };
}
