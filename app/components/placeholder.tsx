/** A page that a later release fills, saying so plainly. */
export function Placeholder({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <div className="empty-state">
        <p className="empty-title">Not available yet</p>
        <div>{children}</div>
      </div>
    </>
  );
}
