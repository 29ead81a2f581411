import { useEditorState, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon.js';
import { SIGNATURE_NODE } from '../../shared/Signature.js';
import { headingLevelOf, PARAGRAPH_STYLES, shortcutOf, type ParagraphStyle } from './paragraphStyles.js';
import { CENTRE_SHORTCUT } from './CentreShortcut.js';
import { formatShortcut, onMac } from './shortcuts.js';
import { EMPTY_STATE, readToolbarState, type Alignment } from './toolbarState.js';
import { ToolbarButton } from './ToolbarButton.js';
const isMac = onMac();

const ALIGN_BUTTONS: Array<{ alignment: Alignment; icon: IconName; key: 'alignLeft' | 'alignCenter' | 'alignRight' | 'alignJustify'; shortcut: string }> = [
  { alignment: 'left', icon: 'alignLeft', key: 'alignLeft', shortcut: 'Mod-Shift-l' },
  { alignment: 'center', icon: 'alignCenter', key: 'alignCenter', shortcut: CENTRE_SHORTCUT },
  { alignment: 'right', icon: 'alignRight', key: 'alignRight', shortcut: 'Mod-Shift-r' },
  { alignment: 'justify', icon: 'alignJustify', key: 'alignJustify', shortcut: 'Mod-Shift-j' },
];

function applyStyle(editor: Editor, style: ParagraphStyle) {
  const level = headingLevelOf(style);
  const chain = editor.chain().focus();
  (level === null ? chain.setParagraph() : chain.setHeading({ level })).run();
}

interface ToolbarProps {
  editor: Editor | null;
  /** The body is read-only: formatting is off (commenting may still be on). */
  disabled: boolean;
  /** Starts a comment on the selection; absent for those who may not comment. */
  onComment?: () => void;
  /** The 编辑 | 修订 switch, first in the bar as WPS has it (absent for those who only read). */
  mode?: ReactNode;
  /** 修订 is on: only character formatting can be suggested, so the paragraph and insertion tools are off. */
  suggesting?: boolean;
}

export const COMMENT_SHORTCUT = 'Mod-Alt-m';

/** Word-like formatting bar: undo/redo, paragraph style, character and paragraph formatting, table, comment. */
export function Toolbar({ editor: maybeEditor, disabled: readOnly, onComment, mode, suggesting = false }: ToolbarProps) {
  const { t } = useTranslation();
  const state = useEditorState({ editor: maybeEditor, selector: ({ editor: current }) => (current ? readToolbarState(current) : null) }) ?? EMPTY_STATE;
  // Until the editor exists, the toolbar is shown but inert.
  const disabled = readOnly || !maybeEditor;
  // Styles, lists, alignment, tables, the signature: SuggestMode cannot make them suggestions and would refuse them.
  const structureDisabled = disabled || suggesting;
  const run = (command: (editor: Editor) => void) => () => {
    if (maybeEditor) command(maybeEditor);
  };

  return (
    // Not disabled as a whole while commenting is on: a commenter's 批注 button works in a read-only body.
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} data-testid="toolbar" aria-disabled={disabled && !onComment}>
      {mode}
      <div className="toolbar__group">
        <ToolbarButton
          label={t('toolbar.undo')}
          shortcut="Mod-z"
          disabled={disabled || !state.canUndo}
          onClick={run((editor) => editor.chain().focus().undo().run())}
          testId="toolbar-undo"
        >
          <Icon name="undo" />
        </ToolbarButton>
        <ToolbarButton
          label={t('toolbar.redo')}
          shortcut={isMac ? 'Mod-Shift-z' : 'Mod-y'}
          disabled={disabled || !state.canRedo}
          onClick={run((editor) => editor.chain().focus().redo().run())}
          testId="toolbar-redo"
        >
          <Icon name="redo" />
        </ToolbarButton>
      </div>

      <div className="toolbar__group">
        <select
          className="style-select"
          aria-label={t('toolbar.style')}
          title={t('toolbar.style')}
          data-testid="paragraph-style"
          disabled={structureDisabled}
          value={state.style ?? ''}
          onChange={(event) => run((editor) => applyStyle(editor, event.target.value as ParagraphStyle))()}
        >
          {state.style === null && <option value="" disabled />}
          {PARAGRAPH_STYLES.map((style) => (
            <option
              key={style}
              value={style}
              title={t('toolbar.tooltip', { label: t(`paragraphStyle.${style}`), keys: formatShortcut(shortcutOf(style), isMac) })}
            >
              {t(`paragraphStyle.${style}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="toolbar__group">
        <ToolbarButton
          label={t('toolbar.bold')}
          shortcut="Mod-b"
          active={state.bold}
          disabled={disabled}
          onClick={run((editor) => editor.chain().focus().toggleBold().run())}
          testId="toolbar-bold"
        >
          <span className="toolbar__glyph toolbar__glyph--bold">B</span>
        </ToolbarButton>
        <ToolbarButton
          label={t('toolbar.italic')}
          shortcut="Mod-i"
          active={state.italic}
          disabled={disabled}
          onClick={run((editor) => editor.chain().focus().toggleItalic().run())}
          testId="toolbar-italic"
        >
          <span className="toolbar__glyph toolbar__glyph--italic">I</span>
        </ToolbarButton>
        <ToolbarButton
          label={t('toolbar.underline')}
          shortcut="Mod-u"
          active={state.underline}
          disabled={disabled}
          onClick={run((editor) => editor.chain().focus().toggleUnderline().run())}
          testId="toolbar-underline"
        >
          <span className="toolbar__glyph toolbar__glyph--underline">U</span>
        </ToolbarButton>
      </div>

      <div className="toolbar__group">
        <ToolbarButton
          label={t('toolbar.bulletList')}
          shortcut="Mod-Shift-8"
          active={state.bulletList}
          disabled={structureDisabled}
          onClick={run((editor) => editor.chain().focus().toggleBulletList().run())}
          testId="toolbar-bullet-list"
        >
          <Icon name="bulletList" />
        </ToolbarButton>
        <ToolbarButton
          label={t('toolbar.orderedList')}
          shortcut="Mod-Shift-7"
          active={state.orderedList}
          disabled={structureDisabled}
          onClick={run((editor) => editor.chain().focus().toggleOrderedList().run())}
          testId="toolbar-ordered-list"
        >
          <Icon name="orderedList" />
        </ToolbarButton>
        <ToolbarButton
          label={t('toolbar.numbering')}
          active={state.numbering === 'auto'}
          disabled={structureDisabled || state.numbering === null}
          onClick={run((editor) =>
            editor
              .chain()
              .focus()
              .updateAttributes('heading', { numbering: state.numbering === 'auto' ? 'none' : 'auto' })
              .run(),
          )}
          testId="toolbar-numbering"
        >
          <span className="toolbar__glyph toolbar__glyph--numbering">一、</span>
        </ToolbarButton>
      </div>

      <div className="toolbar__group">
        {ALIGN_BUTTONS.map(({ alignment, icon, key, shortcut }) => (
          <ToolbarButton
            key={alignment}
            label={t(`toolbar.${key}`)}
            shortcut={shortcut}
            active={state.alignment === alignment}
            disabled={structureDisabled}
            onClick={run((editor) => editor.chain().focus().setTextAlign(alignment).run())}
            testId={`toolbar-align-${alignment}`}
          >
            <Icon name={icon} />
          </ToolbarButton>
        ))}
      </div>

      <div className="toolbar__group">
        <ToolbarButton
          label={t('toolbar.insertTable')}
          disabled={structureDisabled}
          onClick={run((editor) => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: false }).run())}
          testId="toolbar-insert-table"
        >
          <Icon name="table" />
        </ToolbarButton>
        <ToolbarButton label={t('signature.insert')} disabled={structureDisabled} onClick={run(goToSignature)} testId="toolbar-signature">
          <span className="toolbar__glyph toolbar__glyph--numbering">署</span>
        </ToolbarButton>
      </div>

      {onComment && (
        <div className="toolbar__group">
          <ToolbarButton
            label={t('comments.add')}
            shortcut={COMMENT_SHORTCUT}
            disabled={!maybeEditor || !state.textSelected}
            onClick={onComment}
            testId="comment-button"
            wide
          >
            <Icon name="addComment" />
            <span className="toolbar__text">{t('comments.add')}</span>
          </ToolbarButton>
        </div>
      )}
    </div>
  );
}

/** Goes to the document's signature block, adding one at the end when it has none. */
function goToSignature(editor: Editor): void {
  let at: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === SIGNATURE_NODE) at = pos;
    return at === null;
  });
  if (at !== null) editor.chain().focus().setNodeSelection(at).scrollIntoView().run();
  else editor.chain().focus().insertContentAt(editor.state.doc.content.size, { type: SIGNATURE_NODE }).scrollIntoView().run();
}
