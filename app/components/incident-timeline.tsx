/**
 * An incident's timeline drawn as SVG on the server: a UTC time axis, the impact window as a
 * shaded band, detection as a dashed line, and each timeline event as a numbered marker with its
 * time and a short label. Labels that would overlap are put on further rows. The picture is one
 * image to assistive technology (a title and a description saying the same in words); the
 * events follow as a list, so nothing is only in the drawing.
 */
import type { TimelineEntry } from "~/domain/incidents";
import { durationBetween, formatUtcDate, formatUtcDateTime, formatUtcTime, isSameUtcDay } from "~/domain/duration";

const WIDTH = 960;
const PAD_X = 28;
const BAND_TOP = 30;
const AXIS_Y = 96;
const ROWS_TOP = 148;
const ROW_HEIGHT = 40;
const CHAR_WIDTH = 6.6;
const LABEL_CHARS = 34;

const MINUTE = 60_000;
const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 7 * 1440, 14 * 1440, 30 * 1440, 90 * 1440, 365 * 1440];

interface Props {
  /** Used for element ids and the title. */
  incidentId: string;
  startedAt: string;
  detectedAt?: string;
  resolvedAt?: string;
  events: TimelineEntry[];
}

interface PlacedLabel {
  n: number;
  x: number;
  row: number;
  anchor: "start" | "end";
  time: string;
  text: string;
  full: string;
}

function shorten(text: string, max = LABEL_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Evenly spaced, UTC-aligned tick instants covering [t0, t1], at most about eight. */
function ticks(t0: number, t1: number): { at: number; step: number }[] {
  const span = t1 - t0;
  const step = (STEPS_MIN.find((s) => span / (s * MINUTE) <= 8) ?? STEPS_MIN[STEPS_MIN.length - 1]) * MINUTE;
  const out: { at: number; step: number }[] = [];
  for (let at = Math.ceil(t0 / step) * step; at <= t1; at += step) out.push({ at, step });
  return out;
}

/** Rows for the labels: each goes on the first row where it overlaps no label already there. */
function placeLabels(items: { x: number; width: number }[], plotRight: number): { row: number; anchor: "start" | "end" }[] {
  const rows: [number, number][][] = [];
  return items.map(({ x, width }) => {
    const anchor: "start" | "end" = x + width > plotRight + PAD_X / 2 ? "end" : "start";
    const span: [number, number] = anchor === "start" ? [x - 4, x + width + 8] : [x - width - 8, x + 4];
    let row = rows.findIndex((taken) => taken.every(([a, b]) => span[1] <= a || span[0] >= b));
    if (row === -1) {
      rows.push([]);
      row = rows.length - 1;
    }
    rows[row].push(span);
    return { row, anchor };
  });
}

/** A sentence or two describing the picture, for its <desc>. */
export function describeTimeline({ startedAt, detectedAt, resolvedAt, events }: Omit<Props, "incidentId">): string {
  const parts: string[] = [];
  const end = resolvedAt ? (isSameUtcDay(startedAt, resolvedAt) ? `${formatUtcTime(resolvedAt)} UTC` : formatUtcDateTime(resolvedAt)) : undefined;
  const duration = durationBetween(startedAt, resolvedAt);
  parts.push(
    end
      ? `Impact from ${formatUtcDateTime(startedAt)} to ${end}${duration ? ` (${duration})` : ""}.`
      : `Impact began ${formatUtcDateTime(startedAt)}; no end is recorded.`,
  );
  if (detectedAt) {
    const ttd = durationBetween(startedAt, detectedAt);
    parts.push(`Detected at ${formatUtcTime(detectedAt)} UTC${ttd ? `, ${ttd} after impact began` : ""}.`);
  }
  if (events.length) {
    const listed = events.map((e, i) => `${i + 1}, ${formatUtcTime(e.at)}: ${e.text}`).join("; ");
    parts.push(`${events.length} ${events.length === 1 ? "event" : "events"}: ${listed}.`);
  } else {
    parts.push("No timeline events are recorded.");
  }
  return parts.join(" ");
}

export function IncidentTimeline(props: Props) {
  const { incidentId, startedAt, detectedAt, resolvedAt } = props;
  const events = [...props.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const instants = [startedAt, detectedAt, resolvedAt, ...events.map((e) => e.at)]
    .filter((v): v is string => Boolean(v))
    .map((v) => Date.parse(v))
    .filter(Number.isFinite);
  let t0 = Math.min(...instants);
  let t1 = Math.max(...instants);
  if (t1 - t0 < 10 * MINUTE) {
    const mid = (t0 + t1) / 2;
    [t0, t1] = [mid - 15 * MINUTE, mid + 15 * MINUTE];
  }
  const margin = (t1 - t0) * 0.05;
  // With no end recorded, the band runs on past the last known instant.
  const openEnd = !resolvedAt;
  [t0, t1] = [t0 - margin, t1 + margin * (openEnd ? 3 : 1)];
  const plotLeft = PAD_X;
  const plotRight = WIDTH - PAD_X;
  const x = (iso: string | number) => plotLeft + (((typeof iso === "number" ? iso : Date.parse(iso)) - t0) / (t1 - t0)) * (plotRight - plotLeft);

  const labels: PlacedLabel[] = [];
  const placements = placeLabels(
    events.map((e) => ({ x: x(e.at), width: Math.max(formatUtcTime(e.at).length + 4, shorten(e.text).length) * CHAR_WIDTH })),
    plotRight,
  );
  events.forEach((e, i) =>
    labels.push({ n: i + 1, x: x(e.at), ...placements[i], time: formatUtcTime(e.at), text: shorten(e.text), full: e.text }),
  );
  const rowCount = Math.max(0, ...labels.map((l) => l.row + 1));
  const height = ROWS_TOP + rowCount * ROW_HEIGHT + (rowCount ? 6 : -30);

  const bandX0 = x(startedAt);
  const bandX1 = resolvedAt ? x(resolvedAt) : plotRight;
  const duration = durationBetween(startedAt, resolvedAt);
  const bandLabel = `Impact${duration ? ` ${duration}` : openEnd ? ", no end recorded" : ""}`;
  const bandWide = bandX1 - bandX0 > bandLabel.length * CHAR_WIDTH + 12;
  const tickList = ticks(t0, t1);
  const multiDay = !isSameUtcDay(new Date(t0).toISOString(), new Date(t1).toISOString());
  const key = incidentId.replace(/[^A-Za-z0-9_-]/g, "-");
  const titleId = `timeline-title-${key}`;
  const descId = `timeline-desc-${key}`;
  const detectX = detectedAt ? x(detectedAt) : null;

  return (
    // Focusable so that keyboard users can scroll the drawing sideways on a narrow screen.
    <div className="timeline-figure" tabIndex={0} role="group" aria-label="Timeline drawing">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        className="timeline-svg"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={titleId}>{`Timeline of ${incidentId} (times in UTC)`}</title>
        <desc id={descId}>{describeTimeline({ startedAt, detectedAt, resolvedAt, events })}</desc>
        <defs>
          <pattern id={`hatch-${key}`} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
            <rect width="8" height="8" className="tl-band-fill" />
            <line x1="0" y1="0" x2="0" y2="8" className="tl-band-hatch" />
          </pattern>
          {openEnd ? (
            <linearGradient id={`fade-${key}`} x1="0" x2="1" y1="0" y2="0">
              <stop offset="0.7" stopColor="#fff" stopOpacity="0" />
              <stop offset="1" stopColor="#fff" stopOpacity="0.9" />
            </linearGradient>
          ) : null}
        </defs>

        {/* the impact window */}
        <rect x={bandX0} y={BAND_TOP} width={Math.max(2, bandX1 - bandX0)} height={AXIS_Y - BAND_TOP} fill={`url(#hatch-${key})`} className="tl-band" />
        {openEnd ? <rect x={bandX0} y={BAND_TOP} width={Math.max(2, bandX1 - bandX0)} height={AXIS_Y - BAND_TOP} fill={`url(#fade-${key})`} /> : null}
        <line x1={bandX0} x2={bandX0} y1={BAND_TOP - 6} y2={AXIS_Y} className="tl-edge" />
        {resolvedAt ? <line x1={bandX1} x2={bandX1} y1={BAND_TOP - 6} y2={AXIS_Y} className="tl-edge" /> : null}
        <text x={bandWide ? bandX0 + 6 : bandX0} y={BAND_TOP - 10} className="tl-band-label" textAnchor={!bandWide && bandX0 > WIDTH / 2 ? "end" : "start"}>
          {bandLabel}
        </text>

        {/* detection */}
        {detectX !== null && detectedAt ? (
          <g>
            <line x1={detectX} x2={detectX} y1={BAND_TOP + 4} y2={AXIS_Y} className="tl-detect" />
            <rect x={detectX - 5} y={BAND_TOP + 18} width={10} height={10} transform={`rotate(45 ${detectX} ${BAND_TOP + 23})`} className="tl-detect-mark" />
            <text
              x={detectX + (detectX > WIDTH - 200 ? -10 : 10)}
              y={BAND_TOP + 27}
              textAnchor={detectX > WIDTH - 200 ? "end" : "start"}
              className="tl-detect-label"
            >
              Detected {formatUtcTime(detectedAt)}
            </text>
          </g>
        ) : null}

        {/* the axis */}
        <line x1={plotLeft} x2={plotRight} y1={AXIS_Y} y2={AXIS_Y} className="tl-axis" />
        {tickList.map(({ at, step }, i) => {
          const iso = new Date(at).toISOString();
          const showDate = step >= 1440 * MINUTE || (multiDay && (i === 0 || iso.slice(11, 16) === "00:00"));
          return (
            <g key={at}>
              <line x1={x(at)} x2={x(at)} y1={AXIS_Y} y2={AXIS_Y + 6} className="tl-axis" />
              <text x={x(at)} y={AXIS_Y + 20} textAnchor="middle" className="tl-tick">
                {step >= 1440 * MINUTE ? formatUtcDate(iso).replace(/ \d{4}$/, "") : formatUtcTime(iso)}
              </text>
              {showDate && step < 1440 * MINUTE ? (
                <text x={x(at)} y={AXIS_Y + 34} textAnchor="middle" className="tl-tick tl-tick-date">
                  {formatUtcDate(iso)}
                </text>
              ) : null}
            </g>
          );
        })}

        {/* events: a numbered marker on the axis, a leader line down to the label's row */}
        {labels.map((l) => {
          const y = ROWS_TOP + l.row * ROW_HEIGHT;
          const dx = l.anchor === "start" ? 6 : -6;
          return (
            <g key={l.n} className="tl-event">
              <title>{`${l.time} UTC: ${l.full}`}</title>
              <line x1={l.x} x2={l.x} y1={AXIS_Y} y2={y + 4} className="tl-leader" />
              <text x={l.x + dx} y={y} textAnchor={l.anchor} className="tl-event-time">
                {l.n}. {l.time}
              </text>
              <text x={l.x + dx} y={y + 16} textAnchor={l.anchor} className="tl-event-text">
                {l.text}
              </text>
              <circle cx={l.x} cy={AXIS_Y} r={6} className="tl-marker" />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
