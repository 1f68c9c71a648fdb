/** A challenge's score, 0 to 3 stars, readable as text. */
export function Stars({ count }: { count: number }) {
  return (
    <span className="stars" role="img" aria-label={`${count} of 3 stars`}>
      {"★".repeat(count)}
      <span className="stars-off">{"☆".repeat(Math.max(0, 3 - count))}</span>
    </span>
  );
}
