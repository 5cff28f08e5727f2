export function AdminPage(_props: { tab?: string }) {
  return <p>AdminPage </p>;
}
