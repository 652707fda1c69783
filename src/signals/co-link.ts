// Co-link: two accounts sharing the same canonical URL within the window, and its weaker variant co-domain
// (the same site). Link-sharing networks push one set of URLs in short bursts (Giglietto et al. 2020,
// "It takes a village to manipulate the media", coordinated link sharing). Platform domains are not items.
import type { Store } from '../store/index.js';
import { sqlString } from '../store/index.js';
import { signalCode } from './_common.js';

export async function touchCoLinks(store: Store): Promise<void> {
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('colink')}, hash('u', url), aid, t, pid
    FROM (SELECT unnest(list_distinct(urls)) AS url, aid, t, pid FROM _p
          WHERE kind <> 'repost' AND len(urls) > 0)
    WHERE url <> ''`);
}

export async function touchCoDomains(store: Store, platformDomains: readonly string[]): Promise<void> {
  const skip = platformDomains.length ? platformDomains.map(sqlString).join(', ') : `''`;
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('codomain')}, hash('d', domain), aid, t, pid
    FROM (SELECT unnest(list_distinct(domains)) AS domain, aid, t, pid FROM _p
          WHERE kind <> 'repost' AND len(domains) > 0)
    WHERE domain <> '' AND domain NOT IN (${skip})`);
}
