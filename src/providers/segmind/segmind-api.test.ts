import { describe, expect, it } from 'vitest';
import { segmindErrorText, segmindImageSources, segmindMetricsSchema, segmindResultSchema, segmindStatusSchema, segmindSubmitSchema } from './segmind-api';

const sources = (body: unknown) => segmindImageSources(segmindResultSchema.parse(body));

describe('segmindImageSources', () => {
  it('prefers images[].url, with its content type', () => {
    expect(
      sources({
        output: 'https://cdn.example/ignored.png',
        images: [
          { url: 'https://cdn.example/a.png', content_type: 'image/png', file_name: 'a.png', file_size: 10 },
          { url: 'https://cdn.example/b.jpg' },
        ],
      }),
    ).toEqual([{ url: 'https://cdn.example/a.png', mediaType: 'image/png' }, { url: 'https://cdn.example/b.jpg' }]);
  });

  it('falls back to output when images is empty or missing', () => {
    expect(sources({ images: [], output: 'https://cdn.example/o.png' })).toEqual([{ url: 'https://cdn.example/o.png' }]);
    expect(sources({ output: 'https://cdn.example/o.png' })).toEqual([{ url: 'https://cdn.example/o.png' }]);
  });

  it('reads output as an array of strings or {url} objects', () => {
    expect(sources({ output: ['https://cdn.example/1.png', { url: 'https://cdn.example/2.png' }] })).toEqual([
      { url: 'https://cdn.example/1.png' },
      { url: 'https://cdn.example/2.png' },
    ]);
  });

  it('reads output as one {url} object', () => {
    expect(sources({ output: { url: 'https://cdn.example/x.webp', extra: true } })).toEqual([{ url: 'https://cdn.example/x.webp' }]);
  });

  it('reads an output string that is not a URL as base64 data, and keeps data: URLs as URLs', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64');
    expect(sources({ output: png })).toEqual([{ base64: png }]);
    expect(sources({ output: [`data:image/png;base64,${png}`, png, { url: 'https://cdn.example/3.png' }] })).toEqual([
      { url: `data:image/png;base64,${png}` },
      { base64: png },
      { url: 'https://cdn.example/3.png' },
    ]);
  });

  it('gives nothing for an empty or unusable output, so the caller can report it', () => {
    expect(sources({ output: '' })).toEqual([]);
    expect(sources({ output: 42 })).toEqual([]);
    expect(sources({ images: 'nope' })).toEqual([]);
    expect(sources({})).toEqual([]);
  });
});

describe('segmind wire schemas', () => {
  it('accepts a request_id as a string or a number and keeps it as a string', () => {
    expect(segmindSubmitSchema.parse({ request_id: 'abc' }).request_id).toBe('abc');
    expect(segmindSubmitSchema.parse({ request_id: 123 }).request_id).toBe('123');
    expect(segmindSubmitSchema.safeParse({ request_id: '' }).success).toBe(false);
    expect(segmindSubmitSchema.safeParse({ status: 'QUEUED' }).success).toBe(false);
  });

  it('reads metrics given as numbers or numeric strings, and an unusable metrics value as empty', () => {
    expect(segmindMetricsSchema.parse({ inference_time: '1.5', cost: 0.01 })).toMatchObject({ inference_time: 1.5, cost: 0.01 });
    expect(segmindStatusSchema.parse({ status: 'COMPLETED', metrics: 'n/a' }).metrics).toEqual({});
  });

  it('requires a status on a status body', () => {
    expect(segmindStatusSchema.safeParse({ request_id: 'x' }).success).toBe(false);
  });
});

describe('segmindErrorText', () => {
  it('takes error, then message, then detail, trimmed', () => {
    expect(segmindErrorText({ error: '  Invalid API key ' })).toBe('Invalid API key');
    expect(segmindErrorText({ message: 'Slow down' })).toBe('Slow down');
    expect(segmindErrorText({ detail: 'Bad field' })).toBe('Bad field');
  });

  it('reads the message of an error given as an object', () => {
    expect(segmindErrorText({ error: { message: 'Prompt flagged', code: 'NSFW' } })).toBe('Prompt flagged');
    expect(segmindErrorText({ error: { detail: 'Bad field' } })).toBe('Bad field');
    expect(segmindErrorText({ detail: { error: 'Too large' } })).toBe('Too large');
  });

  it('gives nothing for bodies without text', () => {
    expect(segmindErrorText({ error: '' })).toBeUndefined();
    expect(segmindErrorText({ error: { nested: true } })).toBeUndefined();
    expect(segmindErrorText({ error: { message: '' } })).toBeUndefined();
    expect(segmindErrorText('plain')).toBeUndefined();
    expect(segmindErrorText(null)).toBeUndefined();
  });
});
