// The floor: csv-parse alone reading a file as a stream, counting the rows.
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

let rows = 0;
for await (const record of createReadStream(process.argv[2]).pipe(parse({ bom: true }))) if (record.length > 0) rows += 1;
process.stdout.write(`${rows}\n`);
