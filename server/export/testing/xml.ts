// A small XML reader for tests: enough for the parts of a DOCX (no DTDs).
// Throws on malformed XML, so a test that reads a part also checks it is well formed.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const value = ENTITIES[ref];
    if (value === undefined) throw new Error(`Unknown entity ${whole}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const fail = (message: string): never => {
    throw new Error(`${message} at ${pos}: ${source.slice(pos, pos + 40)}`);
  };
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    if (lt === -1) {
      if (source.slice(pos).trim()) fail('Text after the root element');
      break;
    }
    if (lt > pos) {
      const text = source.slice(pos, lt);
      if (stack.length > 1) stack[stack.length - 1].children.push(decode(text));
      else if (text.trim()) fail('Text outside the root element');
    }
    pos = lt;
    if (source.startsWith('<?', pos)) {
      pos = source.indexOf('?>', pos) + 2;
      if (pos < 2) fail('Unclosed declaration');
    } else if (source.startsWith('<!--', pos)) {
      pos = source.indexOf('-->', pos) + 3;
      if (pos < 3) fail('Unclosed comment');
    } else if (source.startsWith('</', pos)) {
      const end = source.indexOf('>', pos);
      const name = source.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`Closing ${name} does not match ${open?.name}`);
      pos = end + 1;
    } else {
      const match = /^<([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(source.slice(pos));
      if (!match) fail('Malformed tag');
      const [whole, name, attrText, selfClosing] = match as RegExpExecArray;
      const attrs: Record<string, string> = {};
      for (const attr of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (attr[1] in attrs) fail(`Duplicate attribute ${attr[1]}`);
        attrs[attr[1]] = decode(attr[2] ?? attr[3] ?? '');
      }
      const element: XmlElement = { name, attrs, children: [] };
      stack[stack.length - 1].children.push(element);
      if (!selfClosing) stack.push(element);
      pos += whole.length;
    }
  }
  if (stack.length !== 1) fail(`Unclosed ${stack[stack.length - 1].name}`);
  const elements = root.children.filter((child): child is XmlElement => typeof child !== 'string');
  if (elements.length !== 1) fail('Not exactly one root element');
  return elements[0];
}

/** Every descendant element with this name, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (el: XmlElement): void => {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) out.push(child);
      visit(child);
    }
  };
  visit(element);
  return out;
}

export function find(element: XmlElement, name: string): XmlElement | undefined {
  return findAll(element, name)[0];
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The concatenated text of an element's w:t descendants. */
export function wordText(element: XmlElement): string {
  return findAll(element, 'w:t')
    .map((t) => t.children.filter((c): c is string => typeof c === 'string').join(''))
    .join('');
}
