/* Lookups keyed by text from a link, a file or this browser's storage, without Object.prototype:
 * a plan block, answer id or copy named 'constructor', '__proto__' or 'toString' is a name like
 * any other (README: what an editor sees for bad input). Pure: no DOM (node --test). */

/** An empty map with no prototype: `m[key]` is only ever what was put there. */
export function map() {
  return Object.create(null);
}

/** `object[key]` if the object itself holds it (never an inherited property), else undefined. */
export function own(object, key) {
  return has(object, key) ? object[key] : undefined;
}

/** Whether the object itself holds `key`. */
export function has(object, key) {
  return object != null && Object.prototype.hasOwnProperty.call(object, key);
}
