// A new document's initial Yjs state, built on the server from a template
// through the shared schema.
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { schema, BODY_FRAGMENT } from '../../shared/schema.js';
import { templateContent, type TemplateId } from '../../shared/templates.js';
import { giveSectionIds, headingsWithoutId } from '../sections/sectionIds.js';

export function seedState(template: TemplateId, title: string): Uint8Array {
  const doc = prosemirrorJSONToYDoc(schema, templateContent(template, title), BODY_FRAGMENT);
  // each section of the skeleton has its own id from the start (分工)
  giveSectionIds(headingsWithoutId(doc.getXmlFragment(BODY_FRAGMENT)));
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
