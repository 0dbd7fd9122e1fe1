/** How a section of the homework is headed for a reader; its id (`CC · forward`) stays the gradebooks' column name. */
import type { Graph, Section } from '../engine/graph.js';
import { msg, type Message } from '../i18n/index.js';

/** `CC · forward` in English; the loss's own section by the course's word for loss. */
export function sectionHeading(graph: Graph, section: Pick<Section, 'layer' | 'phase' | 'stepIds'>): Message {
  const loss = section.stepIds.length > 0 && section.stepIds.every((id) => graph.byId.get(id)?.kind === 'loss');
  return loss ? msg('section.loss') : msg('section.heading', { layer: section.layer, backward: section.phase === 'backward' });
}
