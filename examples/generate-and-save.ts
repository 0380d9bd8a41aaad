/**
 * generate(): one call from prompt to saved files, with the job handle kept as soon as it exists.
 *
 *   npx tsx examples/generate-and-save.ts          # local sandbox, no key, nothing billed
 *   SEGMIND_API_KEY=SG_… npx tsx examples/generate-and-save.ts
 */
import { ImageClient, segmind } from 'imagegate';
import { startSandbox } from 'imagegate/testing';

const sandbox = process.env['SEGMIND_API_KEY'] ? undefined : await startSandbox();
const client = new ImageClient({ provider: segmind(sandbox ? { apiKey: 'sandbox', baseUrl: sandbox.baseUrls.segmind } : {}) });

try {
  const result = await client.generate(
    { prompt: 'a red fox in fresh snow, golden hour', aspectRatio: '16:9', n: 2 },
    {
      timeoutMs: 300_000,
      onSubmitted: (job) => console.log('submitted', JSON.stringify(job.toJSON())), // store this to resume after a crash
      onStatus: (status) => console.log('status', status.state),
    },
  );
  for (const [index, image] of result.images.entries()) {
    console.log('saved', await image.save(`out/fox-${index + 1}.png`));
  }
  console.log('timings', result.timings, 'cost', result.cost ?? 'not reported');
} finally {
  await client.close();
  await sandbox?.close();
}
