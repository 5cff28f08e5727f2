export function SalesPage() {
  return <p>sales</p>;
}
export function SalePage({ id }: { id: string }) {
  return <p>{id}</p>;
}
