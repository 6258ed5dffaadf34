/**
 * "Add claim from selection": when the mouse (or keyboard) selects text inside the article body,
 * a bar offers to make a claim of it. The selection's ends are mapped to body offsets through the
 * data-start/data-end of the element holding each text node, widened to whole words; the server
 * trims and checks them again.
 * Without JavaScript nothing shows here and the quote form beside the article does the job.
 */
import { Form, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { snapToWords, sourceOffsetFromDom, trimWhitespace } from "~/domain/claim-spans";

interface Picked {
  start: number;
  end: number;
  text: string;
}

function offsetsOf(el: Element): { start: number; end: number } | null {
  const start = Number(el.getAttribute("data-start"));
  const end = Number(el.getAttribute("data-end"));
  return Number.isFinite(start) && Number.isFinite(end) ? { start, end } : null;
}

/** The body offset of a selection boundary (a node and an offset in it), or null outside the body. */
function boundaryOffset(container: HTMLElement, body: string, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const holder = node.parentElement?.closest("[data-start]");
    if (!holder || !container.contains(holder)) return null;
    const range = offsetsOf(holder);
    return range ? range.start + sourceOffsetFromDom(body.slice(range.start, range.end), offset) : null;
  }
  if (!(node instanceof Element) || !container.contains(node)) return null;
  const child = node.childNodes[offset];
  if (child instanceof Element) {
    const holder = child.matches("[data-start]") ? child : child.querySelector("[data-start]");
    if (holder) return offsetsOf(holder)?.start ?? null;
  }
  const holders = node.querySelectorAll("[data-end]");
  const last = holders[holders.length - 1] ?? (node.matches("[data-end]") ? node : null);
  return last ? (offsetsOf(last)?.end ?? null) : null;
}

export function SelectionClaim({ containerId, body }: { containerId: string; body: string }) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const location = useLocation();
  useEffect(() => setPicked(null), [location.key]);

  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;
    const read = () => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        setPicked(null);
        return;
      }
      const range = selection.getRangeAt(0);
      if (!container.contains(range.commonAncestorContainer)) return;
      const start = boundaryOffset(container, body, range.startContainer, range.startOffset);
      const end = boundaryOffset(container, body, range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) {
        setPicked(null);
        return;
      }
      const words = snapToWords(body, start, end);
      const span = trimWhitespace(body, words.start, words.end);
      const text = span ? body.slice(span.start, span.end) : "";
      setPicked(span && /[\p{L}\p{N}]/u.test(text) ? { ...span, text } : null);
    };
    container.addEventListener("mouseup", read);
    container.addEventListener("keyup", read);
    return () => {
      container.removeEventListener("mouseup", read);
      container.removeEventListener("keyup", read);
    };
  }, [containerId, body]);

  if (!picked) return null;
  const preview = picked.text.length > 140 ? `${picked.text.slice(0, 139)}…` : picked.text;
  return (
    <div className="selection-bar" role="group" aria-label="Selected text">
      <p className="selection-preview">“{preview}”</p>
      <Form
        method="post"
        onSubmit={() => {
          window.getSelection()?.removeAllRanges();
          setPicked(null);
        }}
      >
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="start" value={picked.start} />
        <input type="hidden" name="end" value={picked.end} />
        <button className="btn btn-small" type="submit">
          Add claim from selection
        </button>
      </Form>
      <button className="btn btn-secondary btn-small" type="button" onClick={() => setPicked(null)}>
        Cancel
      </button>
    </div>
  );
}
