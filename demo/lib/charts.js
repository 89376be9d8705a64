// Two small inline-SVG charts built with DOM APIs: a ring (parts of a whole)
// and vertical bars. Colours come from CSS classes; each chart is an image
// with a text alternative that says every number it shows.
import { el, svg } from './dom.js';

/** A ring chart of `parts` ([{ label, value, cls }]) with `center` text in the middle. */
export function ring(caption, parts, center) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  const said = parts.map((p) => `${p.label}: ${p.value}`).join(', ');
  // r such that the circumference is 100: dash lengths are then percentages.
  const r = 100 / (2 * Math.PI);
  let start = 0;
  const arcs = parts.filter((p) => p.value > 0).map((p) => {
    const length = (p.value / total) * 100;
    const arc = svg('circle', { cx: 21, cy: 21, r, class: `seg ${p.cls}`, 'stroke-dasharray': `${length} ${100 - length}`, 'stroke-dashoffset': 25 - start });
    start += length;
    return arc;
  });
  const chart = svg('svg', { viewBox: '0 0 42 42', class: 'ring', role: 'img', 'aria-label': `${caption}. ${said}` },
    svg('circle', { cx: 21, cy: 21, r, class: 'seg empty' }),
    arcs,
    svg('text', { x: 21, y: 21, class: 'ring-center', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, center));
  const legend = el('ul', { class: 'legend' }, parts.map((p) => el('li', {}, el('span', { class: `swatch ${p.cls}`, 'aria-hidden': 'true' }), `${p.label}: ${p.value}`)));
  return el('figure', { class: 'chart' }, el('figcaption', {}, caption), chart, legend);
}

/** A bar chart of `items` ([{ label, value }]). */
export function bars(caption, items) {
  const width = 240, height = 150, top = 18, bottom = 22;
  const max = Math.max(1, ...items.map((i) => i.value));
  const slot = width / items.length;
  const drawn = items.flatMap((item, i) => {
    const h = ((height - top - bottom) * item.value) / max;
    const x = i * slot + slot * 0.2;
    const y = height - bottom - h;
    return [
      svg('rect', { x, y, width: slot * 0.6, height: Math.max(h, 1), rx: 2, class: 'bar' }),
      svg('text', { x: x + slot * 0.3, y: y - 4, 'text-anchor': 'middle', class: 'bar-value' }, String(item.value)),
      svg('text', { x: x + slot * 0.3, y: height - 6, 'text-anchor': 'middle', class: 'bar-label' }, item.label),
    ];
  });
  const said = items.map((i) => `${i.label}: ${i.value}`).join(', ');
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bars', role: 'img', 'aria-label': `${caption}. ${said}` },
    svg('line', { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: 'axis' }),
    drawn);
  return el('figure', { class: 'chart' }, el('figcaption', {}, caption), chart);
}
