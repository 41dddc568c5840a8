// Serves the built app against already-running PostgreSQL and Meilisearch (all configuration from the
// environment). `npm start` does more (starts services, migrates, seeds); the test suite runs this directly.
import { cookieSecure, EnvError, parseEnv, ServerEnvSchema } from "~/env.server";
import { startHttpServer } from "./http-server";

try {
  const env = parseEnv(ServerEnvSchema, process.env);
  const server = await startHttpServer(env, { cookieSecure: cookieSecure(env) });
  console.log(`[serve] listening on ${server.url}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (e) {
  if (e instanceof EnvError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
