/** Which book service version answered: the footer the lab reads to see live versus mirror. */
export function ServedBy({ tags }: { readonly tags: readonly (string | null)[] }) {
  const known = [...new Set(tags.filter((tag): tag is string => tag !== null && tag !== ''))];
  if (known.length === 0) return null;
  return (
    <footer className="served-by" data-testid="served-by">
      Served by{' '}
      {known.map((tag, i) => (
        <span key={tag}>
          {i > 0 && ', '}
          <code>{tag}</code>
        </span>
      ))}
    </footer>
  );
}
