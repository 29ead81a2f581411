import * as Y from 'yjs';
import { Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { schema } from './shared/schema.js';
import { acceptSuggestion, listSuggestions } from './shared/suggestions.js';
import { templateContent } from './shared/templates.js';
import { suggest } from './tests/helpers/suggestionEdits.js';

const sync = (a: Y.Doc, b: Y.Doc) => { Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))); Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))); };
const client = (doc: Y.Doc) => ({ doc, fragment: doc.getXmlFragment('default') }) as any;
const pmOf = (d: Y.Doc) => Node.fromJSON(schema, yXmlFragmentToProsemirrorJSON(d.getXmlFragment('default')));
function accept(server: Y.Doc, id: string) {
  const tr = acceptSuggestion(new Transform(pmOf(server)), id);
  const scratch = new Y.Doc(); Y.applyUpdate(scratch, Y.encodeStateAsUpdate(server));
  const edits: Uint8Array[] = []; scratch.on('update', (u: Uint8Array) => edits.push(u));
  scratch.transact(() => updateYFragment(scratch, scratch.getXmlFragment('default'), tr.doc, { mapping: new Map(), isOMark: new Map() }));
  for (const e of edits) Y.applyUpdate(server, e);
}
for (let seen = 0; seen <= 5; seen++) for (let told = seen; told <= 5; told++) {
  const server = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, templateContent('year-end-summary'), server.getXmlFragment('default'));
  const author = new Y.Doc(); sync(server, author);
  const first = suggest(client(author), 'insert', '一是围绕', 'c', '全年');
  sync(author, server);
  const chunks = ['召开1次', '协商2次', '议事3次', '会议4次', '调研5次'];
  let prev = '全年';
  const ups: Uint8Array[] = [];
  author.on('update', (u: Uint8Array) => ups.push(u));
  let acc: Uint8Array[] = [];
  for (let i = 0; i <= chunks.length; i++) {
    if (i === seen) { for (const u of ups) Y.applyUpdate(server, u); const sv = Y.encodeStateVector(server); accept(server, first); acc.push(Y.encodeStateAsUpdate(server, sv)); }
    if (i === told) for (const u of acc) Y.applyUpdate(author, u);
    if (i < chunks.length) { suggest(client(author), 'insert', prev, 'c', chunks[i]); prev = chunks[i]; }
  }
  sync(author, server);
  const s = listSuggestions(pmOf(server));
  console.log(seen, told, s.some((x) => x.id === first) ? 'FIRST PENDING' : 'ok', s.map((x) => `${x.id.slice(-2)}:${x.text}`).join(' '));
}
