/** Placeholder rows with the height of real cards, so nothing jumps when the articles arrive. */
export function ArticleListSkeleton({ rows = 5, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="grid grid-cols-[1fr_auto] gap-4 border-b border-line py-4" aria-hidden="true">
          <div>
            <div className="skeleton h-3 w-20" />
            <div className="skeleton mt-2 h-5 w-11/12" />
            <div className="skeleton mt-2 h-4 w-full" />
            <div className="skeleton mt-1.5 h-4 w-3/4" />
            <div className="skeleton mt-3 h-3 w-24" />
          </div>
          <div className="skeleton aspect-video w-28 sm:w-40" />
        </div>
      ))}
    </div>
  );
}
