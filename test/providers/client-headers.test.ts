import { http, HttpResponse } from 'msw';
import { expect, it } from 'vitest';
import { ImageClient, apixo, segmind } from 'imagegate';
import { useMockProvider } from '../helpers/mock-provider';

const { server, recorded, fetch } = useMockProvider();
const clashing = { 'Content-Type': 'text/plain', Authorization: 'Bearer proxy-token', 'X-Api-Key': 'proxy-key', 'X-Tenant': 'acme' };

it('never lets the client headers replace the key or the JSON content type, however they are spelled', async () => {
  server.use(
    http.post('https://api.apixo.ai/api/v1/generateTask/minimax-image-01', () => HttpResponse.json({ code: 200, message: 'success', data: { taskId: 't1' } })),
    http.post('https://api.segmind.com/v2/image-01', () => HttpResponse.json({ request_id: 'r1', status: 'QUEUED' })),
  );
  await new ImageClient({ provider: apixo({ apiKey: 'apixo-key' }), fetch, headers: clashing }).submit({ prompt: 'x' });
  await new ImageClient({ provider: segmind({ apiKey: 'SG_key' }), fetch, headers: clashing }).submit({ prompt: 'x' });
  const [apixoSubmit, segmindSubmit] = recorded;
  expect(apixoSubmit?.headers).toMatchObject({ authorization: 'Bearer apixo-key', 'content-type': 'application/json', 'x-tenant': 'acme' });
  expect(segmindSubmit?.headers).toMatchObject({ 'x-api-key': 'SG_key', 'content-type': 'application/json', 'x-tenant': 'acme' });
});
