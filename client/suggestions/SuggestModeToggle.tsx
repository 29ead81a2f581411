// The 编辑 | 修订 switch at the start of the toolbar, like WPS's 修订 button:
// two buttons (each a plain Tab stop, the one in force pressed). Locked on 修订 (with the reason as
// its tooltip) for a member who may only suggest.
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { formatShortcut, onMac } from '../editor/shortcuts.js';
import { SUGGEST_SHORTCUT, type SuggestModeControl } from './useSuggestMode.js';

const isMac = onMac();

export function SuggestModeToggle({ mode }: { mode: SuggestModeControl }) {
  const { t } = useTranslation();
  const keys = formatShortcut(SUGGEST_SHORTCUT, isMac);
  const title = mode.lock ? t(`suggestions.lock.${mode.lock}`) : t('suggestions.modeHint', { keys });
  const option = (suggesting: boolean) => (
    <button
      type="button"
      className={suggesting ? 'mode-toggle__option mode-toggle__option--suggest' : 'mode-toggle__option'}
      aria-pressed={mode.suggesting === suggesting}
      disabled={!mode.mayChoose}
      data-testid={suggesting ? 'mode-suggest' : 'mode-edit'}
      title={title}
      // Keep the editor's selection and focus: the member goes on typing in the new mode.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => mode.choose(suggesting)}
    >
      {suggesting && mode.lock && <Icon name="lock" size={14} />}
      {suggesting ? t('suggestions.modeSuggest') : t('suggestions.modeEdit')}
    </button>
  );
  return (
    <div className="toolbar__group">
      <div
        className="mode-toggle"
        role="group"
        aria-label={t('suggestions.modeLabel')}
        title={title}
        data-testid="suggest-mode-toggle"
        data-mode={mode.suggesting ? 'suggest' : 'edit'}
      >
        {option(false)}
        {option(true)}
      </div>
    </div>
  );
}
