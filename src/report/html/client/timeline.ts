/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Per-network timelines with Observable Plot: the whole dataset's posts per bucket (grey) with the network's
// accounts' posts over it, then the network alone with its coordinated span marked. Plot's own <style>
// element is dropped (the page's policy allows one stylesheet; its rules are in the report's CSS).
import * as Plot from '@observablehq/plot';
import type { ReportData, ReportNetwork } from '../report-data.js';
import { el } from './_dom.js';
import { networkColor } from './_format.js';

type Point = { t: Date; n: number };

/** Every bucket from the first to the last of the whole dataset, empty ones as 0, so areas drop to zero. */
function fill(points: Array<[number, number]>, start: number, end: number, step: number): Point[] {
  const byT = new Map(points);
  const out: Point[] = [];
  for (let t = start; t <= end; t += step) out.push({ t: new Date(t * 1000), n: byT.get(t) ?? 0 });
  return out;
}

export function bucketName(seconds: number): string {
  if (seconds === 3600) return 'hour';
  if (seconds === 86_400) return 'day';
  if (seconds === 7 * 86_400) return 'week';
  return seconds % 86_400 === 0 ? `${seconds / 86_400} days` : `${seconds / 3600} hours`;
}

function clean(svg: Element): HTMLElement {
  for (const style of svg.querySelectorAll('style')) style.remove();
  return el('div', { class: 'plot' }, svg);
}

export function renderTimeline(data: ReportData, n: ReportNetwork, width: number): HTMLElement {
  const { bucketSeconds: step, all } = data.timeline;
  const first = all[0]?.[0];
  const last = all[all.length - 1]?.[0];
  if (first === undefined || last === undefined) return el('p', { class: 'note' }, 'No timed posts.');
  const whole = fill(all, first, last, step);
  const own = fill(data.timeline.networks[String(n.id)] ?? [], first, last, step);
  const color = networkColor(n.id);
  const unit = bucketName(step);
  const x = {
    type: 'utc' as const,
    label: null,
    domain: [new Date(first * 1000), new Date(last * 1000 + step * 1000)],
  };
  const span =
    n.start !== null && n.end !== null ? [new Date(Date.parse(n.start)), new Date(Date.parse(n.end))] : [];
  const against = Plot.plot({
    width,
    height: 150,
    marginLeft: 56,
    x,
    y: { label: `posts per ${unit}`, grid: true },
    marks: [
      Plot.areaY(whole, { x: 't', y: 'n', fill: '#c9ced6', curve: 'step-after' }),
      Plot.areaY(own, { x: 't', y: 'n', fill: color, curve: 'step-after' }),
      Plot.ruleY([0]),
    ],
  });
  const alone = Plot.plot({
    width,
    height: 120,
    marginLeft: 56,
    x,
    y: { label: `this network, per ${unit}`, grid: true },
    marks: [
      Plot.ruleX(span, { stroke: '#333', strokeDasharray: '3,3' }),
      Plot.areaY(own, { x: 't', y: 'n', fill: color, fillOpacity: 0.85, curve: 'step-after' }),
      Plot.ruleY([0]),
    ],
  });
  return el(
    'div',
    null,
    clean(against),
    clean(alone),
    el(
      'p',
      { class: 'note' },
      `Posts per ${unit}, UTC (offset +00:00). Top: the whole dataset (grey) and the posts of this network's accounts (colour), on one scale. ` +
        'Bottom: this network alone; dashed lines mark the first and last of its coordinated posts.',
    ),
  );
}

/** The network's accounts by creation day (or month): batch-created accounts stand out as tall bars. */
export function renderCreation(data: ReportData, n: ReportNetwork, width: number): HTMLElement | null {
  const creation = data.timeline.creation[String(n.id)];
  if (!creation || creation.counts.length === 0) return null;
  const points = creation.counts.map(([day, count]) => ({ t: new Date(`${day}T00:00:00Z`), n: count }));
  const chart = Plot.plot({
    width,
    height: 120,
    marginLeft: 56,
    x: { type: 'utc', label: null },
    y: { label: `accounts created per ${creation.unit}`, grid: true },
    marks: [
      Plot.rectY(points, {
        x: 't',
        y: 'n',
        interval: creation.unit === 'day' ? 'day' : 'month',
        fill: networkColor(n.id),
      }),
      Plot.ruleY([0]),
    ],
  });
  return clean(chart);
}
