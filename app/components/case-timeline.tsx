/**
 * The case timeline: the window(s) the claims speak of as shaded bands, each record the claims
 * bear on as a bar from start to resolution, coloured AND patterned by organisation (with the
 * organisation named in the row label, so colour is never the only cue), the cause tags the
 * claims assert marked on the records that carry them. The picture is role="img" with a title
 * and description; the list below it is the accessible version, with a link to each record
 * (the bars link too, for the mouse). Server-rendered SVG: no JavaScript needed.
 */
import type { CaseTimeline as TimelineData, TimelineIncident } from "~/models/evidence.server";

const DAY = 86_400_000;
const WIDTH = 960;
const LABEL_W = 250;
const CHART_X = LABEL_W + 10;
const CHART_W = WIDTH - CHART_X - 20;
const ROW_H = 30;
/** Space above the rows for the first window's label; each further window's label gets a line of its own. */
const TOP = 46;
const LABEL_LINE = 15;
/** Days shown either side of the claimed windows. */
const MARGIN_DAYS = 3;
/** Records further than this from every window are listed, not drawn. */
const NEAR_DAYS = 14;

/** Organisation styles: a colour and a pattern each; beyond six, they repeat with the name as the cue. */
const STYLES = [
  { color: "#1d5fbf", pattern: "solid", label: "solid" },
  { color: "#b45309", pattern: "stripes", label: "diagonal stripes" },
  { color: "#0f766e", pattern: "dots", label: "dots" },
  { color: "#7e22ce", pattern: "cross", label: "cross-hatch" },
  { color: "#be123c", pattern: "hlines", label: "horizontal lines" },
  { color: "#4d7c0f", pattern: "vlines", label: "vertical lines" },
] as const;

function dayStart(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

function formatDay(ms: number): string {
  return new Date(ms).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

function formatWhen(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}

function windowText(w: { from: string; to: string }): string {
  const from = formatDay(dayStart(w.from));
  return w.from === w.to ? from : `${from} – ${formatDay(dayStart(w.to))}`;
}

function tagLabel(tag: string): string {
  return tag.replace(/_/g, " ");
}

function Patterns({ orgs }: { orgs: string[] }) {
  return (
    <defs>
      <pattern id="tl-window" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#fff4e0" />
        <line x1="0" y1="0" x2="0" y2="8" stroke="#f2c98a" strokeWidth="3" />
      </pattern>
      {orgs.map((org, i) => {
        const s = STYLES[i % STYLES.length];
        const id = `tl-org-${i}`;
        const bg = <rect width="8" height="8" fill={s.color} />;
        switch (s.pattern) {
          case "stripes":
            return (
              <pattern key={org} id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                {bg}
                <line x1="0" y1="0" x2="0" y2="8" stroke="#fff" strokeWidth="3" />
              </pattern>
            );
          case "dots":
            return (
              <pattern key={org} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
                {bg}
                <circle cx="4" cy="4" r="1.8" fill="#fff" />
              </pattern>
            );
          case "cross":
            return (
              <pattern key={org} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
                {bg}
                <path d="M0 0L8 8M8 0L0 8" stroke="#fff" strokeWidth="1.2" />
              </pattern>
            );
          case "hlines":
            return (
              <pattern key={org} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
                {bg}
                <line x1="0" y1="4" x2="8" y2="4" stroke="#fff" strokeWidth="2" />
              </pattern>
            );
          case "vlines":
            return (
              <pattern key={org} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
                {bg}
                <line x1="4" y1="0" x2="4" y2="8" stroke="#fff" strokeWidth="2" />
              </pattern>
            );
          default:
            return (
              <pattern key={org} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
                {bg}
              </pattern>
            );
        }
      })}
    </defs>
  );
}

function ticks(from: number, to: number): number[] {
  const days = Math.round((to - from) / DAY);
  const step = days <= 16 ? 1 : days <= 45 ? 7 : days <= 200 ? 30 : 91;
  const out: number[] = [];
  for (let t = from; t <= to; t += step * DAY) out.push(t);
  return out;
}

export function CaseTimeline({ timeline, headingId = "case-timeline-heading" }: { timeline: TimelineData; headingId?: string }) {
  const { windows, incidents, tags } = timeline;
  if (!windows.length && !incidents.length) {
    return <p className="muted">Nothing to draw yet: run the analysis, or link records to the claims.</p>;
  }
  const windowFrom = windows.length ? Math.min(...windows.map((w) => dayStart(w.from))) : null;
  const windowTo = windows.length ? Math.max(...windows.map((w) => dayStart(w.to) + DAY)) : null;
  const endOf = (i: TimelineIncident) => Date.parse(i.resolvedAt ?? i.startedAt);
  const isNear = (i: TimelineIncident) =>
    windowFrom === null || (Date.parse(i.startedAt) <= windowTo! + NEAR_DAYS * DAY && endOf(i) >= windowFrom - NEAR_DAYS * DAY);
  const drawn = incidents.filter(isNear);
  const listedOnly = incidents.filter((i) => !isNear(i));

  const starts = [...(windowFrom !== null ? [windowFrom, windowTo!] : []), ...drawn.flatMap((i) => [Date.parse(i.startedAt), endOf(i)])];
  const from = dayStart(new Date(Math.min(...starts)).toISOString()) - MARGIN_DAYS * DAY;
  const to = dayStart(new Date(Math.max(...starts)).toISOString()) + (MARGIN_DAYS + 1) * DAY;
  const x = (ms: number) => CHART_X + ((ms - from) / (to - from)) * CHART_W;
  const orgs = [...new Set(incidents.map((i) => i.organization ?? "no organisation"))].sort();
  const orgIndex = new Map(orgs.map((o, i) => [o, i]));
  const top = TOP + LABEL_LINE * Math.max(0, windows.length - 1);
  const height = top + Math.max(1, drawn.length) * ROW_H + 30;
  const titleId = `${headingId}-title`;
  const descId = `${headingId}-desc`;
  const desc = [
    windows.length ? `Claimed ${windows.length === 1 ? "window" : "windows"}: ${windows.map(windowText).join("; ")}.` : "The claims name no dates.",
    `${drawn.length} ${drawn.length === 1 ? "record" : "records"} drawn${listedOnly.length ? `, ${listedOnly.length} further away listed below` : ""}.`,
    tags.length ? `Marked causes: ${tags.map(tagLabel).join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <figure className="case-timeline">
      <div className="case-timeline-scroll">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="case-timeline-svg" width="100%">
          <title id={titleId}>The claimed window beside the incident records</title>
          <desc id={descId}>{desc}</desc>
          <Patterns orgs={orgs} />
          {ticks(from, to).map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={top - 4} y2={height - 22} stroke="#d7dde5" />
              <text x={x(t) + 2} y={height - 8} className="tl-tick">
                {formatDay(t)}
              </text>
            </g>
          ))}
          {windows.map((w, i) => {
            const x1 = x(dayStart(w.from));
            const x2 = x(dayStart(w.to) + DAY);
            return (
              <g key={`${w.from}-${w.to}`} className="tl-window">
                <rect x={x1} y={top - 8} width={Math.max(2, x2 - x1)} height={height - top - 14} fill="url(#tl-window)" stroke="#b96d00" strokeDasharray="4 3" />
                <text x={Math.min(x1 + 4, WIDTH - 260)} y={top - 12 - LABEL_LINE * (windows.length - 1 - i)} className="tl-window-label">
                  Claimed: {windowText(w)}
                  {w.claims > 1 ? ` (${w.claims} claims)` : ""}
                </text>
              </g>
            );
          })}
          {drawn.map((incident, row) => {
            const y = top + row * ROW_H;
            const org = incident.organization ?? "no organisation";
            const pattern = `url(#tl-org-${orgIndex.get(org)})`;
            const x1 = x(Date.parse(incident.startedAt));
            const x2 = Math.max(x1 + 4, x(endOf(incident)));
            const label = `${incident.id}: ${incident.title} (${org}), ${formatWhen(incident.startedAt)} to ${incident.resolvedAt ? formatWhen(incident.resolvedAt) : "unresolved"}${incident.markedTags.length ? `; ${incident.markedTags.map(tagLabel).join(", ")}` : ""}`;
            return (
              <a key={incident.id} href={`/incidents/${encodeURIComponent(incident.id)}`} tabIndex={-1} className="tl-incident">
                <title>{label}</title>
                <text x={8} y={y + 18} className={`tl-label${incident.linked ? " tl-linked" : ""}`}>
                  {incident.linked ? "● " : ""}
                  {incident.id} · {org}
                </text>
                <rect x={x1} y={y + 6} width={x2 - x1} height={16} fill={pattern} stroke="#16202c" strokeWidth={incident.linked ? 2 : 0.5} rx={2} />
                {incident.markedTags.length ? (
                  <text x={Math.min(x2 + 6, WIDTH - 150)} y={y + 18} className="tl-tag">
                    ◆ {incident.markedTags.map(tagLabel).join(", ")}
                  </text>
                ) : null}
              </a>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="tl-legend" aria-label="Organisations">
          {orgs.map((org, i) => (
            <li key={org}>
              <svg width="28" height="14" aria-hidden="true" focusable="false">
                <rect width="28" height="14" fill={`url(#tl-org-${i})`} stroke="#16202c" strokeWidth="0.5" />
              </svg>{" "}
              {org} <span className="muted">({STYLES[i % STYLES.length].label})</span>
            </li>
          ))}
          <li>
            <span className="tl-legend-window" aria-hidden="true" /> claimed window
          </li>
          {tags.length ? <li>◆ cause the claims assert</li> : null}
          <li>● linked as evidence</li>
        </ul>
        <details className="tl-list" open={drawn.length <= 6}>
          <summary>The records as a list</summary>
          <ul>
            {incidents.map((i) => (
              <li key={i.id}>
                <a href={`/incidents/${encodeURIComponent(i.id)}`}>{i.id}</a>: {i.title} ({i.organization ?? "no organisation"}),{" "}
                {formatWhen(i.startedAt)} to {i.resolvedAt ? formatWhen(i.resolvedAt) : "unresolved"}
                {i.markedTags.length ? <> · causes the claims assert: {i.markedTags.map(tagLabel).join(", ")}</> : null}
                {i.linked ? " · linked as evidence" : ""}
                {listedOnly.includes(i) ? <span className="muted"> · outside the period drawn</span> : null}
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}
