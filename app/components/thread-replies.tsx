/** A comment thread's messages and its reply, resolve and reopen form: the same wherever a thread is shown. */
import { Form } from "@remix-run/react";

export function ThreadReplies({
  thread,
  formClassName,
}: {
  thread: { id: string; status: string; comments: { id: string; authorName: string; body: string }[] };
  formClassName?: string;
}) {
  return (
    <>
      <ul>
        {thread.comments.map((c) => (
          <li key={c.id}>
            <strong>{c.authorName}</strong>: {c.body}
          </li>
        ))}
      </ul>
      <Form method="post" className={formClassName}>
        <input type="hidden" name="threadId" value={thread.id} />
        <label>
          Reply <input name="body" />
        </label>
        <button type="submit" name="intent" value="reply">
          Reply
        </button>{" "}
        <button type="submit" name="intent" value={thread.status === "open" ? "resolve" : "reopen"}>
          {thread.status === "open" ? "Resolve" : "Reopen"}
        </button>
      </Form>
    </>
  );
}
