// Draws one newspaper laid out by tests/newspaper_pdfkit.py with PDFKit (Node.js), and reports what it drew.
//
//   node tests/newspaper_pdfkit.mjs SPEC.json OUT.pdf|- LOG.json
//
// SPEC holds the fonts, the pages and each page's drawing operations, in drawing order:
//   {op: "rect", x, y, w, h, fill?, stroke?, lw?}          a box, a tint, a reversed label's ground
//   {op: "line", x1, y1, x2, y2, lw?, color?}              a rule
//   {op: "flow", id, regions: [{x, y, w, h, columns?, gap?}], text, font, size, lineGap?, paragraphGap?,
//    indent?, align?, color?, bold?, fallback?}
// A flow is PDFKit's own text layout: its line breaker (UAX #14), its column flow inside a region
// (`columns`, `columnGap`: a paragraph goes on in the next column mid-sentence), its paragraph indent and
// gaps. When a region is full the rest of the text goes on in the next region of the chain (a column beside a
// photo, under a pull quote); what did not fit in the last region is reported as `rest`. `align: "justify"`
// spreads a line of CJK text by character spacing (PDFKit's own justification only widens spaces).
// A flow whose font lacks one of its characters is drawn in `fallback` (the flow's font is logged).
// `bold` draws the glyphs filled and stroked (synthetic bold). Coordinates are PDFKit's: points, y downwards.
// LOG gets {flows: {id: {lines: [{page, region, text, x, y}], rest}}}. With OUT "-" nothing is written
// (the layout program measures with it). PDFKIT_HOME names the folder whose node_modules holds pdfkit.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const home = process.env.PDFKIT_HOME || path.join(path.dirname(new URL(import.meta.url).pathname), "..", ".pdfkit");
const require = createRequire(path.join(path.resolve(home), "package.json"));
const PDFDocument = require("pdfkit");

const [specPath, outPath, logPath] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specPath, "utf8"));
const first = spec.pages[0];
const doc = new PDFDocument({ size: [first.width, first.height], margin: 0, autoFirstPage: false, compress: true });
doc.info.Producer = "PDFKit";
doc.info.Title = spec.title || "newspaper";
if (outPath !== "-") doc.pipe(fs.createWriteStream(outPath));
for (const [name, font] of Object.entries(spec.fonts)) {
  if (font.family) doc.registerFont(name, font.path, font.family);
  else doc.registerFont(name, font.path);
}

let current = null; // the line log of the flow being drawn
const fragment = doc._fragment.bind(doc);
doc._fragment = function (text, x, y, options) {
  if (current) current.lines.push({ page: current.page, region: current.region, text, x, y });
  const plain = `${text}`.replace(/\n/g, "");
  if (options.cjkJustify && !/\s/.test(plain.trim()) && plain.length > 1 && options.align === "justify") {
    const natural = doc.widthOfString(plain, { ...options, characterSpacing: 0 });
    const spread = (options.lineWidth - natural) / (plain.length - 1);
    if (spread > 0 && spread < options.cjkJustify) {
      return fragment(text, x, y, { ...options, align: "left", characterSpacing: spread, textWidth: natural });
    }
    return fragment(text, x, y, { ...options, align: "left" });
  }
  return fragment(text, x, y, options.align === "justify" ? { ...options, align: "left" } : options);
};

function squeezedLength(s) {
  return s.replace(/\s/g, "").length;
}

function restAfter(text, drawn) {
  // The text after its first `drawn` non-space characters; a paragraph break there is not carried over.
  let seen = 0;
  let at = 0;
  while (at < text.length && seen < drawn) {
    if (!/\s/.test(text[at])) seen += 1;
    at += 1;
  }
  let rest = text.slice(at);
  if (rest.startsWith("\n")) rest = rest.slice(1);
  return rest;
}

const log = { flows: {} };
spec.pages.forEach((page, pageIndex) => {
  doc.addPage({ size: [page.width, page.height], margin: 0 });
  for (const op of page.ops) {
    if (op.op === "rect") {
      doc.save();
      doc.lineWidth(op.lw ?? 0.6);
      doc.rect(op.x, op.y, op.w, op.h);
      if (op.fill && op.stroke) doc.fillAndStroke(op.fill, op.stroke);
      else if (op.fill) doc.fill(op.fill);
      else doc.stroke(op.stroke || "#000000");
      doc.restore();
    } else if (op.op === "line") {
      doc.save();
      doc.lineWidth(op.lw ?? 0.5);
      doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke(op.color || "#000000");
      doc.restore();
    } else if (op.op === "flow") {
      const entry = { lines: [], rest: "" };
      log.flows[op.id] = entry;
      let text = op.text;
      doc.font(op.font).fontSize(op.size);
      const missing = [...text].some((ch) => !/\s/.test(ch) && !doc._font.font.hasGlyphForCodePoint(ch.codePointAt(0)));
      if (missing && op.fallback) doc.font(op.fallback).fontSize(op.size); // a 宋体 without a character: 黑体 for the flow
      entry.font = missing && op.fallback ? op.fallback : op.font;
      doc.fillColor(op.color || "#000000");
      if (op.bold) doc.strokeColor(op.color || "#000000").lineWidth(op.size * 0.035);
      op.regions.forEach((region, k) => {
        if (!text) return;
        current = { lines: entry.lines, page: pageIndex + 1, region: k };
        const before = entry.lines.length;
        doc.text(text, region.x, region.y, {
          width: region.w,
          height: region.h,
          columns: region.columns || 1,
          columnGap: region.gap ?? 0,
          lineGap: op.lineGap ?? 0,
          paragraphGap: op.paragraphGap ?? 0,
          indent: op.indent ?? 0,
          align: op.align || "left",
          cjkJustify: op.align === "justify" ? op.size * 0.6 : 0,
          fill: true,
          stroke: !!op.bold,
          lineBreak: true,
        });
        current = null;
        const drawn = entry.lines.slice(before).reduce((n, line) => n + squeezedLength(line.text), 0);
        text = restAfter(text, drawn);
      });
      entry.rest = text;
    } else {
      throw new Error(`unknown op ${op.op}`);
    }
  }
});
doc.end();
fs.writeFileSync(logPath, JSON.stringify(log));
