// 分配: who writes a section, by when, and how far it is. Owners and editors
// choose the assignees (members who may edit) and the due date; the owner and
// the assignees change the status. What one may not change is shown, not offered.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_STATUSES, type MemberDto, type SectionStatus, type SectionUpdateDto } from '../../shared/api.js';
import { Avatar } from '../components/Avatar.js';
import { Dialog } from '../components/Dialog.js';
import type { OutlineSection } from './sectionOutline.js';

interface SectionAssignDialogProps {
  section: OutlineSection & { id: string };
  members: readonly MemberDto[];
  mayAssign: boolean;
  mayChangeStatus: boolean;
  onSave: (change: SectionUpdateDto) => Promise<boolean>;
  onClose: () => void;
}

export function SectionAssignDialog({ section, members, mayAssign, mayChangeStatus, onSave, onClose }: SectionAssignDialogProps) {
  const { t } = useTranslation();
  const record = section.record;
  const [assignees, setAssignees] = useState<string[]>(record?.assignees ?? []);
  const [due, setDue] = useState(record?.due ?? '');
  const [status, setStatus] = useState<SectionStatus>(record?.status ?? 'todo');
  const writers = members.filter((member) => member.role === 'owner' || member.role === 'editor');
  // an assignee who may no longer edit still shows, to be taken off
  const shown = [
    ...writers.map((member) => member.user),
    ...(record?.people ?? []).filter((person) => !writers.some((m) => m.user.username === person.username)),
  ];

  const change: SectionUpdateDto = {};
  if (mayAssign) {
    const before = record?.assignees ?? [];
    if (assignees.length !== before.length || assignees.some((name) => !before.includes(name))) change.assignees = assignees;
    if ((due || null) !== (record?.due ?? null)) change.due = due || null;
  }
  if (mayChangeStatus && status !== (record?.status ?? 'todo')) change.status = status;
  const changed = Object.keys(change).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // shown at once; a refusal is told (and the list refreshed) by onSave
    if (changed) void onSave(change);
    onClose();
  };

  const title = `${section.number}${section.title}`;
  return (
    <Dialog title={t('sections.assignTitle', { title })} onClose={onClose} className="dialog--narrow" testId="section-assign-dialog">
      <form className="form" onSubmit={submit}>
        <fieldset className="field">
          <legend className="field__label">{t('sections.assignees')}</legend>
          {shown.length === 0 && <p className="field__hint">{t('sections.noEditors')}</p>}
          <div className="section-assign__people">
            {shown.map((person) => (
              <label key={person.username} className="section-assign__person">
                <input
                  type="checkbox"
                  disabled={!mayAssign}
                  checked={assignees.includes(person.username)}
                  onChange={(event) =>
                    setAssignees((current) => (event.target.checked ? [...current, person.username] : current.filter((name) => name !== person.username)))
                  }
                  data-testid={`assignee-${person.username}`}
                />
                <Avatar name={person.displayName} color={person.color} size={22} />
                <span>{person.displayName}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="section-assign__row">
          <label className="field">
            <span className="field__label">{t('sections.due')}</span>
            <input
              type="date"
              className="input"
              value={due}
              disabled={!mayAssign}
              onChange={(event) => setDue(event.target.value)}
              data-testid="section-due-input"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('sections.status')}</span>
            <select
              className="select"
              value={status}
              disabled={!mayChangeStatus}
              onChange={(event) => setStatus(event.target.value as SectionStatus)}
              data-testid="section-status-select"
            >
              {SECTION_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`sections.statuses.${value}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {(!mayAssign || !mayChangeStatus) && <p className="field__hint">{t('sections.readOnlyNote')}</p>}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('sections.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!changed} data-testid="section-assign-save">
            {t('sections.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
