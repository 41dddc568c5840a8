// Any unknown path: a 404 rendered by the root ErrorBoundary, in the user's language.
export const loader = () => {
  throw new Response("errors.not_found", { status: 404 });
};

export default function NotFound() {
  return null;
}
