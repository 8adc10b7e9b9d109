// The two DOM helpers every page script uses: find by id, and build an element with its text as text (never HTML).
export const $ = id => document.getElementById(id);

export function el(tag, attributes = {}, ...children) {
  const node = Object.assign(document.createElement(tag), attributes);
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}
