// Render a certificate for each row with docxtemplater, as a user of docxtemplater writes it:
// node render.js TEMPLATE ROWS.json OUT_DIR
// ROWS.json holds { "facts": {tag: value}, "rows": [{column: value}], "names": [file name] }.
// Tags keep reportgen's {{ … }} delimiters; each tag's text is looked up as written
// (row.name in the row, the report's facts such as "date | cn_date" already printed).
"use strict";
const fs = require("fs");
const path = require("path");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");

const [template, rowsFile, outDir] = process.argv.slice(2);
const { facts, rows, names } = JSON.parse(fs.readFileSync(rowsFile, "utf8"));
const content = fs.readFileSync(template);
fs.mkdirSync(outDir, { recursive: true });

function parser(tag) {
  const key = tag.trim();
  return {
    get(scope) {
      if (key.startsWith("row.")) return scope.row[key.slice(4)];
      return facts[key];
    },
  };
}

rows.forEach((row, index) => {
  const document = new Docxtemplater(new PizZip(content), {
    delimiters: { start: "{{", end: "}}" },
    parser,
    paragraphLoop: true,
    linebreaks: true,
  });
  document.render({ row });
  const buffer = document.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
  fs.writeFileSync(path.join(outDir, names[index]), buffer);
});
