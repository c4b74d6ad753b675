// Writes schema/briefkit.config.schema.json from the zod schema in src/config.ts (run after `npm run build`).
import { writeFileSync } from "node:fs";
import { configJsonSchema } from "../dist/config.js";

writeFileSync(new URL("../schema/briefkit.config.schema.json", import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
