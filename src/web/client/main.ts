/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The UI client: the server's page is an empty shell, so this reads the page's JSON twin (/api + the path)
// and builds the view with DOM calls (data as text only; see the report's _dom.ts). Bundled by esbuild and
// served as /static/ui.js.
import { el } from '../../report/html/client/_dom.js';
import type { AccountPayload } from '../views/account.js';
import type { EvidencePayload } from '../views/evidence.js';
import type { NetworkPayload } from '../views/network.js';
import type { NetworksPayload } from '../views/networks.js';
import { renderAccount } from './account.js';
import { renderEvidence } from './evidence.js';
import { renderNetwork } from './network.js';
import { renderNetworks } from './networks.js';

type Payload = NetworksPayload | NetworkPayload | AccountPayload | EvidencePayload;

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (root === null) return;
  const path = location.pathname === '/' ? '/networks' : location.pathname;
  root.append(el('p', { class: 'muted', id: 'loading' }, 'Loading…'));
  let payload: Payload;
  try {
    const res = await fetch(`/api${path}${location.search}`, { headers: { Accept: 'application/json' } });
    const body = (await res.json()) as Payload | { error: string; status: number };
    if ('error' in body) throw new Error(`${body.status}: ${body.error}`);
    payload = body;
  } catch (err) {
    root.replaceChildren(el('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
    return;
  }
  root.replaceChildren();
  if (payload.view === 'networks') renderNetworks(root, payload);
  else if (payload.view === 'network') renderNetwork(root, payload);
  else if (payload.view === 'account') renderAccount(root, payload);
  else renderEvidence(root, payload);
  root.setAttribute('data-ready', payload.view);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void main());
else void main();
