/** A success or information message, announced politely. */
export function Notice({ text }: { text?: string | null }) {
  if (!text) return null;
  return (
    <p className="notice" role="status">
      {text}
    </p>
  );
}
