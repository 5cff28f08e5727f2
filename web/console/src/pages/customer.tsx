export function CustomerPage(_props: { id?: string }) {
  return <p>CustomerPage </p>;
}
