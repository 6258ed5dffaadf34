/** The fields of a case (title, summary, owner, deadline, and status when editing), for the new-case and edit forms. */
import { toDateTimeLocal } from "~/domain/case-due";
import { CASE_STATUSES, type CaseStatus } from "~/domain/workflow";
import { CASE_STATUS_LABELS } from "./case-badges";

export interface CaseFieldValues {
  title: string;
  summary: string;
  ownerId: string | null;
  dueAt: string | null;
  status?: CaseStatus;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

export function CaseFields({
  idPrefix,
  values,
  owners,
  errors = {},
  withStatus = false,
}: {
  idPrefix: string;
  values: CaseFieldValues;
  owners: Array<{ id: string; name: string; email: string }>;
  errors?: Record<string, string>;
  withStatus?: boolean;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const invalid = (name: string) => (errors[name] ? true : undefined);
  return (
    <>
      <div className="field">
        <label htmlFor={id("title")}>Title</label>
        <input
          id={id("title")}
          name="title"
          type="text"
          required
          maxLength={200}
          defaultValue={values.title}
          aria-invalid={invalid("title")}
          aria-describedby={errors.title ? id("title-error") : undefined}
        />
        <FieldError id={id("title-error")} message={errors.title} />
      </div>
      <div className="field">
        <label htmlFor={id("summary")}>Summary</label>
        <textarea
          id={id("summary")}
          name="summary"
          rows={3}
          defaultValue={values.summary}
          aria-describedby={`${id("summary-hint")}${errors.summary ? ` ${id("summary-error")}` : ""}`}
          aria-invalid={invalid("summary")}
        />
        <span className="hint" id={id("summary-hint")}>
          What the story says, and what the company needs to answer.
        </span>
        <FieldError id={id("summary-error")} message={errors.summary} />
      </div>
      <div className="grid-3">
        <div className="field">
          <label htmlFor={id("owner")}>Owner</label>
          <select id={id("owner")} name="ownerId" defaultValue={values.ownerId ?? ""} aria-invalid={invalid("ownerId")} aria-describedby={errors.ownerId ? id("owner-error") : undefined}>
            <option value="">No owner yet</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.email})
              </option>
            ))}
          </select>
          <FieldError id={id("owner-error")} message={errors.ownerId} />
        </div>
        <div className="field">
          <label htmlFor={id("due")}>Respond by (UTC)</label>
          <input
            id={id("due")}
            name="dueAt"
            type="datetime-local"
            defaultValue={toDateTimeLocal(values.dueAt)}
            aria-invalid={invalid("dueAt")}
            aria-describedby={errors.dueAt ? id("due-error") : undefined}
          />
          <FieldError id={id("due-error")} message={errors.dueAt} />
        </div>
        {withStatus ? (
          <div className="field">
            <label htmlFor={id("status")}>Status</label>
            <select id={id("status")} name="status" defaultValue={values.status ?? "open"} aria-invalid={invalid("status")}>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CASE_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <FieldError id={id("status-error")} message={errors.status} />
          </div>
        ) : null}
      </div>
    </>
  );
}
