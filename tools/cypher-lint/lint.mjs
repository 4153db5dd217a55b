// Lints Cypher text with Neo4j's own front end (@neo4j-cypher/language-support):
// parser plus semantic analysis (variable scoping, removed Neo4j 4 syntax, deprecations).
//
// stdin:  {"files": [{"path": "...", "text": "..."}], "dbSchema": {...}?}
//         (a bare list of {path, text} is accepted too)
// stdout: {"<path>": [{"line": 1, "column": 1, "severity": "error"|"warning"|..., "message": "..."}]}
// Lines and columns are 1-based. Exit code 0 even when diagnostics are found; 2 on bad input.
//
// dbSchema (optional) is the library's DbSchema: labels + relationshipTypes (both needed) and
// propertyKeys turn on "not present in the database" warnings. Undeclared $parameters are
// reported as errors by the library; they are dropped unless dbSchema.parameters is given.
// functions/procedures default to the catalogue bundled with the package (Neo4j built-ins plus
// APOC and GDS), so unknown or removed ones (e.g. distance(), toInt()) and wrong argument counts
// are errors; pass null for either to switch that check off.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError, testData } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

const input = JSON.parse(readFileSync(0, 'utf8'));
const files = Array.isArray(input) ? input : input.files;
const { functions, procedures } = testData.mockSchema;
const dbSchema = { functions, procedures, ...(Array.isArray(input) ? {} : input.dbSchema) };
if (!Array.isArray(files)) {
  console.error('lint.mjs: expected {"files": [{path, text}, ...]} on stdin');
  process.exit(2);
}
const checkParams = dbSchema.parameters != null;

const results = {};
for (const { path, text } of files) {
  let diagnostics;
  try {
    // Files are sent to Neo4j by a driver, so console commands (:param, :use) are errors.
    ({ diagnostics } = lintCypherQuery(text, dbSchema, { consoleCommandsEnabled: false }));
  } catch (err) {
    const message = `linter crashed: ${err?.stack ?? err}`;
    diagnostics = [{ range: { start: { line: 0, character: 0 } }, severity: 1, message }];
  }
  results[path] = diagnostics
    .filter((d) => checkParams || isNotParamError(d))
    .map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: SEVERITY[d.severity] ?? 'error',
      message: d.message,
    }));
}
process.stdout.write(JSON.stringify(results));
