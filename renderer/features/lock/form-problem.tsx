/** A form's problem, read out when it appears (role=alert); nothing when there is none. */
export function FormProblem({ text, testId }: { text: string | null; testId?: string }) {
  if (!text) return null;
  return (
    <p className="message error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
