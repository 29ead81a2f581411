// One heading of the outline (大纲): its number and title, and under a
// section its assignment (SectionRowMeta). Drawn again only when what it shows
// changed: a keystroke above a heading moves it without changing its row, and
// a long document's outline is read again a frame after every keystroke.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionAccess } from './sectionAccess.js';
import { sameSectionRow, SectionRowMeta } from './SectionRowMeta.js';
import type { OutlineSection } from './sectionOutline.js';

interface OutlineRowProps {
  /** The heading's place among the outline's headings (what a click goes to). */
  index: number;
  level: number;
  number: string;
  text: string;
  section: OutlineSection | undefined;
  current: boolean;
  access: SectionAccess | null;
  onJump: (index: number) => void;
  onAssign: (sectionId: string) => void;
}

function OutlineRowItem({ index, level, number, text, section, current, access, onJump, onAssign }: OutlineRowProps) {
  const { t } = useTranslation();
  const classes = ['outline__item', `outline__item--level${level}`];
  if (section) classes.push('outline__item--section');
  if (current) classes.push('outline__item--current');
  return (
    <li
      className={classes.join(' ')}
      data-testid={section ? 'outline-section' : undefined}
      data-section-id={section?.id ?? undefined}
      aria-current={current ? 'location' : undefined}
    >
      <button type="button" className="outline__link" onClick={() => onJump(index)}>
        {number}
        {text || t('outline.untitled')}
      </button>
      {section && access && <SectionRowMeta section={section} access={access} onAssign={onAssign} />}
    </li>
  );
}

const sameRow = (a: OutlineRowProps, b: OutlineRowProps): boolean =>
  a.index === b.index &&
  a.level === b.level &&
  a.number === b.number &&
  a.text === b.text &&
  a.current === b.current &&
  a.onJump === b.onJump &&
  a.onAssign === b.onAssign &&
  (a.access === null) === (b.access === null) &&
  (a.section === undefined) === (b.section === undefined) &&
  (!a.section || !a.access || sameSectionRow(a.section, a.access, b.section!, b.access!));

export const OutlineRow = memo(OutlineRowItem, sameRow);
