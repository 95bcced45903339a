/**
 * bench:api's hostile-document rows: how long the API takes to refuse each kind of 40-fragment
 * bomb (and a document of pairwise-compared fields), and how long a /health request sent at the
 * same moment waited, which shows whether refusing blocked the event loop. Measured in the same
 * run, against the same server, as the throughput rows.
 */
import { performance } from 'node:perf_hooks';
import { median } from '../measure';
import { fragmentBombs, sameFieldRepeated } from './hostileDocuments';

export const BOMB_TARGET_MS = 50;

export interface BombSample {
  name: string;
  /** Medians and maxima over the runs, in ms. */
  refuse: { median: number; max: number };
  health: { median: number; max: number };
  /** Every answer was a 400 with one error naming a limit. */
  refused: boolean;
}

const DOCUMENTS: [string, string][] = [
  ['40-fragment bomb on Query', fragmentBombs.query(40)],
  ['40-fragment bomb, aliased signIns', fragmentBombs.aliasedSignIns(40)],
  ['40-fragment bomb, signIn per level', fragmentBombs.signInPerLevel(40)],
  ['400 copies of one field', sameFieldRepeated(400)],
];

const spread = (values: number[]) => ({ median: median(values), max: Math.max(...values) });

async function once(graphqlUrl: string, healthUrl: string, apiKey: string, query: string) {
  const started = performance.now();
  const health = fetch(healthUrl).then(async (response) => {
    await response.arrayBuffer();
    return performance.now() - started;
  });
  const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  const refuseMs = performance.now() - started;
  const code = body.errors?.[0]?.extensions?.code;
  const refused = response.status === 400 && body.errors?.length === 1 && (code === 'QUERY_TOO_COMPLEX' || code === 'TOO_MANY_SENSITIVE_OPERATIONS');
  return { refuseMs, healthMs: await health, refused };
}

export async function measureBombs(graphqlUrl: string, apiKey: string, runs: number): Promise<BombSample[]> {
  const healthUrl = graphqlUrl.replace(/\/graphql$/, '/health');
  const samples: BombSample[] = [];
  for (const [name, query] of DOCUMENTS) {
    await once(graphqlUrl, healthUrl, apiKey, query); // warm-up
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await once(graphqlUrl, healthUrl, apiKey, query));
    samples.push({ name, refuse: spread(results.map((r) => r.refuseMs)), health: spread(results.map((r) => r.healthMs)), refused: results.every((r) => r.refused) });
  }
  return samples;
}
