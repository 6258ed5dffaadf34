/**
 * Shows Markdown that the server has already rendered and sanitized (utils/markdown.server.ts).
 * The HTML must never come from anywhere else: this is the one place the incident pages inject
 * markup.
 */
export function Markdown({ html, id }: { html: string; id?: string }) {
  return <div className="markdown" id={id} dangerouslySetInnerHTML={{ __html: html }} />;
}
