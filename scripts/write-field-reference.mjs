// Writes docs/template-fields.md from src/compose/fields.ts and helper-specs.ts (run after `npm run build`).
import { mkdirSync, writeFileSync } from "node:fs";
import { FIELD_REFERENCE_PATH, renderFieldReference } from "../dist/compose/field-reference.js";

const target = new URL(`../${FIELD_REFERENCE_PATH}`, import.meta.url);
mkdirSync(new URL(".", target), { recursive: true });
writeFileSync(target, renderFieldReference());
