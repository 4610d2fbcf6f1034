// Reads the JSON Schema named on the command line, then one JSON document per line on
// standard input, and answers each with a line: "1" valid, "0" invalid (ajv, JSON Schema
// 2020-12, with ajv-formats). Used by tests/test_schema_ajv.py.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const schema = JSON.parse(readFileSync(process.argv[2], "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.length > 0) {
    process.stdout.write(validate(JSON.parse(line)) ? "1\n" : "0\n");
  }
}
