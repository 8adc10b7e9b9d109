// The DOM helpers the page scripts share: find by id, build an element with its text as text (never HTML), save a file.
export const $ = id => document.getElementById(id);

export function el(tag, attributes = {}, ...children) {
  const node = Object.assign(document.createElement(tag), attributes);
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}

/** Saves text as a file the browser downloads (a CSV the page made or fetched). */
export function saveFile(name, text, type = 'text/csv') {
  const link = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}
