// A new document's initial Yjs state, built on the server from a template
// through the shared schema.
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { schema, BODY_FRAGMENT } from '../../shared/schema.js';
import { templateContent, type TemplateId } from '../../shared/templates.js';

export function seedState(template: TemplateId, title: string): Uint8Array {
  const doc = prosemirrorJSONToYDoc(schema, templateContent(template, title), BODY_FRAGMENT);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
