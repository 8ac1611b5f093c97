/* The one "save a blob" of the site: answers exported as JSON, a filled-in PDF or DOCX, the
 * planner's draaiboek. Nothing leaves the browser: the file is made here and offered as a download. */

/** Offer `blob` as a download called `name`. */
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser may read the address after click() returns; a minute is ample, then it is freed.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
