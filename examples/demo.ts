/**
 * `npm run demo`: starts the local sandbox, generates with every provider through the public API
 * (generate, and submit + wait), saves the PNG files under out/ and prints a summary. No API keys.
 *
 *   npm run demo            # files in ./out
 *   npm run demo -- DIR     # files in DIR
 */
import { join } from 'node:path';
import { ImageClient, apixo, minimax, segmind, type ImageRequest, type ImageResult, type ImageProvider } from 'imagegate';
import { startSandbox } from 'imagegate/testing';

const outputFolder = process.argv[2] ?? 'out';
const sandbox = await startSandbox();
// Sandbox jobs finish in about a second: poll often (real providers get their own defaults).
const polling = { initialDelayMs: 150, intervalMs: 150, backoffFactor: 1 };

interface Run {
  provider: ImageProvider;
  mode: 'generate' | 'submit + wait';
  request: ImageRequest;
}

const key = { apiKey: 'sandbox-demo-key' };
const runs: Run[] = [
  { provider: segmind({ ...key, baseUrl: sandbox.baseUrls.segmind }), mode: 'generate', request: { prompt: 'a lighthouse at dawn', aspectRatio: '16:9', n: 2 } },
  { provider: segmind({ ...key, baseUrl: sandbox.baseUrls.segmind }), mode: 'submit + wait', request: { model: 'gpt-image-1-mini', prompt: 'a pop-art city poster', size: '1536x1024' } },
  { provider: apixo({ ...key, baseUrl: sandbox.baseUrls.apixo }), mode: 'generate', request: { prompt: 'a panda in a neon alley', resolution: '2K', aspectRatio: '3:4' } },
  { provider: apixo({ ...key, baseUrl: sandbox.baseUrls.apixo }), mode: 'submit + wait', request: { prompt: 'a watercolor harbor', size: '1280x720', seed: 42 } },
  { provider: minimax({ ...key, baseUrl: sandbox.baseUrls.minimax }), mode: 'generate', request: { prompt: 'a portrait in 90s film style', aspectRatio: '1:1', responseFormat: 'base64' } },
  { provider: minimax({ ...key, baseUrl: sandbox.baseUrls.minimax }), mode: 'submit + wait', request: { prompt: 'a desert road trip', size: { width: 1024, height: 768 } } },
];

async function execute(run: Run, index: number): Promise<{ run: Run; result: ImageResult; files: string[]; elapsedMs: number }> {
  const client = new ImageClient({ provider: run.provider });
  const started = performance.now();
  try {
    const result =
      run.mode === 'generate'
        ? await client.generate(run.request, { polling })
        : await (await client.submit(run.request)).wait({ polling });
    const files = await Promise.all(
      result.images.map((image, imageIndex) => image.save(join(outputFolder, `${index + 1}-${result.provider}-${result.model}-${imageIndex + 1}.png`))),
    );
    return { run, result, files, elapsedMs: Math.round(performance.now() - started) };
  } finally {
    await client.close();
  }
}

try {
  const outcomes = await Promise.all(runs.map(execute));
  const rows = [
    ['provider', 'model', 'mode', 'images', 'time', 'files'],
    ...outcomes.map(({ run, result, files, elapsedMs }) => [
      result.provider,
      result.model,
      run.mode,
      String(result.images.length),
      `${elapsedMs} ms`,
      files.map((file) => file.replace(`${process.cwd()}/`, '')).join(', '),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
  console.log(`\n${outcomes.reduce((total, outcome) => total + outcome.files.length, 0)} PNG files written under ${outputFolder}/ (sandbox images are scaled down: longest side 256 px).`);
} finally {
  await sandbox.close();
}
