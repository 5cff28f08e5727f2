export function ProgramsPage(_props: { id?: string }) {
  return <p>ProgramsPage </p>;
}
