// Line icons drawn on a 20×20 grid, stroked in the current text colour.
const paths = {
  close: 'M5 5l10 10M15 5L5 15',
  undo: 'M7 4L3.5 7.5 7 11M3.5 7.5H12a4.5 4.5 0 010 9H8',
  redo: 'M13 4l3.5 3.5L13 11M16.5 7.5H8a4.5 4.5 0 000 9h4',
  bulletList: 'M8 5h9M8 10h9M8 15h9M3.5 5h.01M3.5 10h.01M3.5 15h.01',
  orderedList: 'M8.5 5h8.5M8.5 10h8.5M8.5 15h8.5M3 3.5h1.5V7M3 7h3M3 12.5a1.3 1.3 0 012.5.5c0 .9-2.5 1.8-2.5 3h2.6',
  alignLeft: 'M3 4.5h14M3 8.5h9M3 12.5h14M3 16.5h9',
  alignCenter: 'M3 4.5h14M5.5 8.5h9M3 12.5h14M5.5 16.5h9',
  alignRight: 'M3 4.5h14M8 8.5h9M3 12.5h14M8 16.5h9',
  alignJustify: 'M3 4.5h14M3 8.5h14M3 12.5h14M3 16.5h14',
  table: 'M3 4h14v12H3zM3 8h14M3 12h14M7.7 4v12M12.3 4v12',
  back: 'M12 4.5L6.5 10l5.5 5.5',
  more: 'M10 4.5h.01M10 10h.01M10 15.5h.01',
  share: 'M8 9a3 3 0 100-6 3 3 0 000 6zM2.5 17a5.5 5.5 0 0111 0M15.5 6.5v5M13 9h5',
  plus: 'M10 4v12M4 10h12',
  document: 'M5 2.5h6.5L15 6v11.5H5zM11.5 2.5V6H15M7.5 10h5M7.5 13h5',
  check: 'M4 10.5l4 4 8-9',
  history: 'M4 10a6 6 0 1 0 1.8-4.3M5.8 2.8v2.9h2.9M10 6.8V10l2.4 1.7',
  bookmark: 'M6 3h8v14l-4-3.2L6 17z',
  comment: 'M4.5 4h11A1.5 1.5 0 0117 5.5v7a1.5 1.5 0 01-1.5 1.5H9.5L6 17v-3H4.5A1.5 1.5 0 013 12.5v-7A1.5 1.5 0 014.5 4zM6.5 7.8h7M6.5 10.6h4.5',
  addComment: 'M4.5 4h11A1.5 1.5 0 0117 5.5v7a1.5 1.5 0 01-1.5 1.5H9.5L6 17v-3H4.5A1.5 1.5 0 013 12.5v-7A1.5 1.5 0 014.5 4zM10 6.5v5M7.5 9h5',
  bell: 'M10 3a4.5 4.5 0 00-4.5 4.5v3.2L4 13.5h12l-1.5-2.8V7.5A4.5 4.5 0 0010 3zM8.2 16a1.9 1.9 0 003.6 0',
  send: 'M3.5 9.5L16.5 4l-4.8 12.5-2.4-5.1zM9.3 11.4l7.2-7.4',
  approve: 'M10 2.5a7.5 7.5 0 100 15 7.5 7.5 0 000-15zM6.8 10.2l2.2 2.2 4.3-4.6',
  download: 'M10 3v9.5M6 8.5l4 4 4-4M4 16.5h12',
  lock: 'M5.5 9h9v8h-9zM7.5 9V6.5a2.5 2.5 0 015 0V9',
  suggest: 'M12.5 4l3.5 3.5L8 15.5H4.5V12zM10.5 6l3.5 3.5M3 18h14',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  const wide = name === 'more' ? 2.6 : 1.6;
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={wide}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
