// The compare view's page: the document with the changes marked inline, each
// in the colour of who made it, drawn with the same page styles as the editor.
// The newer side's pending 修订 are drawn on top, dashed as in the editor
// (diffBlocks.ts on the server says which text they cover).
import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffDto, PersonDto } from '../../shared/api.js';
import { diffItemsOf, UNKNOWN_COLOR, type Container, type DiffBlockView, type DiffRun, type RunSuggestion } from './diffView.js';
import { authorNames } from './versionLabel.js';

const authorStyle = (person: PersonDto | null | undefined) => ({ '--author': person?.color ?? UNKNOWN_COLOR }) as CSSProperties;

/** A pending 修订 on a run, drawn as the editor draws it: dashed, in its author's colour. */
function Suggested({ suggestion, children }: { suggestion: RunSuggestion; children: ReactNode }) {
  const { t } = useTranslation();
  const name = suggestion.author?.displayName ?? '?';
  const props = {
    className: `suggestion-run${suggestion.arrived ? ' suggestion-run--arrived' : ''}`,
    'data-testid': suggestion.kind === 'insert' ? 'diff-suggested-insert' : 'diff-suggested-delete',
    'data-author': suggestion.author?.username ?? '',
    style: authorStyle(suggestion.author),
    title: t(suggestion.kind === 'insert' ? 'versions.suggestedInsertBy' : 'versions.suggestedDeleteBy', { name }),
  };
  return suggestion.kind === 'insert' ? <ins {...props}>{children}</ins> : <del {...props}>{children}</del>;
}

function Run({ run }: { run: DiffRun }) {
  const { t } = useTranslation();
  const text = run.suggestion ? <Suggested suggestion={run.suggestion}>{run.text}</Suggested> : run.text;
  if (run.op === 'equal') return <>{text}</>;
  const name = run.author?.displayName;
  const props = {
    className: 'diff-run',
    'data-author': run.author?.username ?? '',
    style: authorStyle(run.author),
  };
  return run.op === 'insert' ? (
    <ins {...props} data-testid="diff-insert" title={name ? t('versions.insertedBy', { name }) : t('versions.inserted')}>
      {text}
    </ins>
  ) : (
    <del {...props} data-testid="diff-delete" title={name ? t('versions.deletedBy', { name }) : t('versions.deleted')}>
      {text}
    </del>
  );
}

function Block({ block }: { block: DiffBlockView }) {
  const { t } = useTranslation();
  const names = authorNames(block.authors, { separator: t('versions.separator'), andOthers: (list, count) => t('versions.andOthers', { names: list, count }) });
  const title = !names
    ? undefined
    : block.status === 'added'
      ? t('versions.addedBlock', { names })
      : block.status === 'removed'
        ? t('versions.removedBlock', { names })
        : undefined;
  const formatNote =
    block.changes.length > 0
      ? t('versions.formatChanged', { what: block.changes.map((change) => t(`versions.formatChanges.${change}`)).join(t('versions.separator')) })
      : null;
  const common = {
    className: `diff-block diff-block--${block.status}${formatNote ? ' diff-block--reformatted' : ''}`,
    'data-testid': 'diff-block',
    'data-status': block.status,
    style: { ...authorStyle(block.authors[0]), textAlign: (block.textAlign ?? undefined) as CSSProperties['textAlign'] },
  };
  if (block.tag === 'hr') return <hr {...common} title={title} />;
  const Tag = block.tag;
  return (
    <Tag {...common} title={title ?? formatNote ?? undefined}>
      {formatNote && (
        <span className="diff-block__note" title={formatNote} aria-label={formatNote}>
          {t('versions.formatChangedShort')}
        </span>
      )}
      {block.runs.length === 0 ? <br /> : block.runs.map((run, index) => <Run key={index} run={run} />)}
    </Tag>
  );
}

function Group({ container, blocks }: { container: Container; blocks: DiffBlockView[] }) {
  const wrapEach = (wrap: (block: DiffBlockView, content: ReactNode) => ReactNode) => blocks.map((block) => wrap(block, <Block block={block} />));
  switch (container) {
    case 'bulletList':
      return (
        <ul>
          {wrapEach((block, content) => (
            <li key={block.key} className={`diff-item diff-item--${block.status}`}>
              {content}
            </li>
          ))}
        </ul>
      );
    case 'orderedList':
      return (
        <ol>
          {wrapEach((block, content) => (
            <li key={block.key} value={block.ordinal ?? undefined} className={`diff-item diff-item--${block.status}`}>
              {content}
            </li>
          ))}
        </ol>
      );
    case 'blockquote':
      return (
        <blockquote>
          {wrapEach((block, content) => (
            <div key={block.key}>{content}</div>
          ))}
        </blockquote>
      );
    case 'table':
      // Cells only: the diff does not say where rows end, so the table is drawn as a column of cells.
      return (
        <div className="diff-table">
          {wrapEach((block, content) => (
            <div key={block.key} className="diff-table__cell">
              {content}
            </div>
          ))}
        </div>
      );
  }
}

export function DiffContent({ diff }: { diff: DiffDto }) {
  const items = useMemo(() => diffItemsOf(diff.blocks, diff.authors), [diff]);
  return (
    <div className="page__body version-body version-body--diff" data-testid="version-body">
      {items.map((item) =>
        item.kind === 'block' ? <Block key={item.block.key} block={item.block} /> : <Group key={item.key} container={item.container} blocks={item.blocks} />,
      )}
    </div>
  );
}
