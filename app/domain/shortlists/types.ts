import type { WorkerProfileInput } from "../workers/profile-schema";

/** The competency part of a worker profile (what the workers table keeps in `profile`). */
export type WorkerCompetencies = Pick<
  WorkerProfileInput,
  "experiences" | "languages" | "certificates" | "preferredCountries"
>;
