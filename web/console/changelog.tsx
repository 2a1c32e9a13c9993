import { useState } from 'preact/hooks';
import * as api from './api';
import { ErrorText, useAction } from './ui';

/**
 * A markdown changelog with its preview. The server renders the preview with the feeds' own renderer and
 * sanitiser, so what is shown here is what Sparkle, Velopack and the download page show.
 */
export function ChangelogEditor({ name, initial = '' }: { name: string; initial?: string }) {
  const [text, setText] = useState(initial);
  const [preview, setPreview] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  return (
    <div class="changelog">
      <label>
        Changelog (Markdown)
        <textarea name={name} rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={() =>
          run(async () => {
            const res = await api.call<{ html: string }>('POST', '/console/notes-preview', {
              changelog: text,
            });
            setPreview(res.html);
          })
        }
      >
        Preview changelog
      </button>
      <ErrorText error={error} />
      {preview !== null ? (
        // Sanitised by the server (the feeds' policy): no script, no event handler, no style survives it.
        <section class="notes" aria-label="Changelog preview" dangerouslySetInnerHTML={{ __html: preview }} />
      ) : null}
    </div>
  );
}
