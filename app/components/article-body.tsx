/**
 * An article's body as plain text paragraphs with its claims highlighted. Every piece of text is
 * an exact slice of the stored body, rendered by React as text (never as markup), inside an
 * element that carries its body offsets (data-start, data-end), so a browser selection can be
 * mapped back to the body. Each highlight is a link that opens its claim (?claim=…, so it works
 * without JavaScript); Tab or the arrow keys move between highlights. The links are not
 * draggable, so that a mouse selection may start inside a highlight.
 */
import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { paragraphsOf, piecesOf, spansByRange } from "~/domain/article-layout";

export type MarkTone = "accepted" | "proposed" | "dismissed" | "below";

export interface ArticleMark {
  /** The appearance's id: one highlight per appearance. */
  id: string;
  claimId: string;
  start: number;
  end: number;
  /** The claim's wording, for the highlight's accessible name. */
  label: string;
  tone: MarkTone;
}

const TONE_NAMES: Record<MarkTone, string> = { accepted: "accepted", proposed: "proposed", dismissed: "dismissed", below: "below the threshold" };

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Moves focus between the highlights (the first piece of each), in reading order; the links stay the interactive elements. */
function onArrowKeys(event: React.KeyboardEvent<HTMLDivElement>) {
  const target = event.target as HTMLElement;
  if (!target.matches("a.claim-mark[data-first]")) return;
  const marks = Array.from(event.currentTarget.querySelectorAll<HTMLElement>("a.claim-mark[data-first]"));
  const index = marks.indexOf(target);
  let next = -1;
  if (event.key === "ArrowRight" || event.key === "ArrowDown") next = Math.min(marks.length - 1, index + 1);
  else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = Math.max(0, index - 1);
  else if (event.key === "Home") next = 0;
  else if (event.key === "End") next = marks.length - 1;
  if (next < 0) return;
  event.preventDefault();
  marks[next].focus();
}

/** A drag that selects text inside a highlight ends with a click on its link; that click selects, it does not open the claim. */
function keepSelection(event: React.MouseEvent<HTMLDivElement>) {
  const selection = window.getSelection();
  if (selection && !selection.isCollapsed && (event.target as Element).closest("a.claim-mark")) event.preventDefault();
}

export function ArticleBody({
  body,
  marks,
  selectedClaimId,
  linkFor,
  id = "article-body",
}: {
  body: string;
  marks: ArticleMark[];
  selectedClaimId: string | null;
  linkFor: (claimId: string) => string;
  id?: string;
}) {
  const paragraphs = useMemo(() => paragraphsOf(body), [body]);
  const byId = useMemo(() => new Map(marks.map((m) => [m.id, m])), [marks]);
  const marksOf = useMemo(() => spansByRange(paragraphs, marks), [paragraphs, marks]);
  const started = new Set<string>();
  return (
    <>
      <p className="visually-hidden" id={`${id}-keys`}>
        Highlighted passages are claims. Use Tab or the arrow keys to move between them, and Enter to open one.
      </p>
      <div
        id={id}
        className="article-body"
        role="region"
        aria-label="Article text"
        aria-describedby={`${id}-keys`}
        onKeyDown={onArrowKeys}
        onClickCapture={keepSelection}
      >
        {paragraphs.map((p, index) => (
          <p key={p.start} data-start={p.start} data-end={p.end} className={/^\s{0,3}#{1,6}\s/.test(body.slice(p.start, p.end)) ? "article-heading" : undefined}>
            {piecesOf(p, marksOf[index]).map((piece) => {
              const text = body.slice(piece.start, piece.end);
              const mark = piece.ids.length ? byId.get(piece.ids[0]) : undefined;
              if (!mark) {
                return (
                  <span key={piece.start} data-start={piece.start} data-end={piece.end}>
                    {text}
                  </span>
                );
              }
              const first = !started.has(mark.id);
              started.add(mark.id);
              const selected = mark.claimId === selectedClaimId;
              return (
                <Link
                  key={piece.start}
                  to={linkFor(mark.claimId)}
                  preventScrollReset
                  draggable={false}
                  className={`claim-mark tone-${mark.tone}${selected ? " is-selected" : ""}`}
                  data-claim={mark.claimId}
                  data-first={first ? "" : undefined}
                  tabIndex={first ? undefined : -1}
                  aria-hidden={first ? undefined : true}
                  aria-label={first ? `Claim: ${shorten(mark.label)} (${TONE_NAMES[mark.tone]})` : undefined}
                  aria-current={selected && first ? "true" : undefined}
                >
                  <mark data-start={piece.start} data-end={piece.end}>
                    {text}
                  </mark>
                </Link>
              );
            })}
          </p>
        ))}
      </div>
    </>
  );
}
