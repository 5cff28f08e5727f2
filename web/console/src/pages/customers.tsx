export function CustomersPage() {
  return <p>CustomersPage </p>;
}
