export function CardsPage(_props: { number?: string }) {
  return <p>CardsPage </p>;
}
