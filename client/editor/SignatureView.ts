// The signature block (shared/Signature.ts) in the editor: the issuing body
// and the date as two fields at the end of the body, filled in by anyone who
// may edit and seen by everyone at once (the values are the node's
// attributes). Exports lay them out per GB/T 9704 7.3.5.
import i18next from 'i18next';
import type { Node as PMNode } from '@tiptap/pm/model';
import { MAX_ISSUER_LENGTH, Signature } from '../../shared/Signature.js';

function field(className: string, type: 'text' | 'date', label: string): { wrap: HTMLLabelElement; input: HTMLInputElement } {
  const wrap = document.createElement('label');
  wrap.className = 'signature-block__field';
  const caption = document.createElement('span');
  caption.className = 'signature-block__label';
  caption.textContent = label;
  const input = document.createElement('input');
  input.type = type;
  input.className = className;
  if (type === 'text') input.maxLength = MAX_ISSUER_LENGTH;
  wrap.append(caption, input);
  return { wrap, input };
}

export const SignatureWithView = Signature.extend({
  addNodeView() {
    return ({ node, getPos, editor }) => {
      let current: PMNode = node;
      const dom = document.createElement('div');
      dom.className = 'signature-block';
      dom.contentEditable = 'false';
      dom.dataset.testid = 'signature';
      const title = document.createElement('div');
      title.className = 'signature-block__title';
      title.textContent = i18next.t('signature.title');
      const issuer = field('signature-block__issuer', 'text', i18next.t('signature.issuer'));
      issuer.input.placeholder = i18next.t('signature.issuerPlaceholder');
      const date = field('signature-block__date', 'date', i18next.t('signature.date'));
      dom.append(title, issuer.wrap, date.wrap);

      const commit = (attrs: Record<string, string>) => {
        const pos = getPos();
        if (typeof pos !== 'number' || !editor.isEditable) return;
        editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, ...attrs }));
      };
      issuer.input.addEventListener('change', () => commit({ issuer: issuer.input.value.trim() }));
      date.input.addEventListener('change', () => commit({ date: date.input.value }));

      const sync = () => {
        if (document.activeElement !== issuer.input) issuer.input.value = String(current.attrs.issuer ?? '');
        if (document.activeElement !== date.input) date.input.value = String(current.attrs.date ?? '');
        issuer.input.disabled = !editor.isEditable;
        date.input.disabled = !editor.isEditable;
      };
      sync();
      // becoming read-only (an approval) or editable again reaches the fields too
      editor.on('transaction', sync);
      return {
        dom,
        update(next) {
          if (next.type !== current.type) return false;
          current = next;
          sync();
          return true;
        },
        stopEvent: (event) => event.target instanceof HTMLInputElement,
        ignoreMutation: () => true,
        destroy: () => {
          editor.off('transaction', sync);
        },
      };
    };
  },
});
