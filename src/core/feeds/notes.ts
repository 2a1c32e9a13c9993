import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { BoundedMap } from '../bounded-map.js';

/** GitHub-flavoured, as release pipelines write changelogs; an instance of its own, so no global option leaks in. */
const markdown = new Marked({ gfm: true, async: false });

/**
 * What release notes may keep: sanitize-html's defaults (text formatting, lists, tables, code, links with
 * http/https/mailto) plus images, the tags a changelog uses. Scripts, styles, event handlers, iframes and
 * `javascript:` links go: updaters show these notes in a web view inside the app.
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 's'],
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    img: ['src', 'alt', 'title', 'width', 'height'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
};

/** A changelog is rendered once per text, not once per feed answer (answers are cached per device bucket). */
const rendered = new BoundedMap<string, string>(512);

/**
 * A release's markdown changelog as HTML that is safe to show: Sparkle's `<description>` and Velopack's
 * `NotesHtml`. Markdown may carry raw HTML, so the rendered HTML is sanitised after rendering, never before.
 */
export function notesHtml(changelog: string): string {
  if (changelog.trim() === '') return '';
  const hit = rendered.get(changelog);
  if (hit !== undefined) return hit;
  const html = sanitizeHtml(markdown.parse(changelog, { async: false }), POLICY).trim();
  rendered.set(changelog, html);
  return html;
}
