// GS1's own libraries as the peer that judges hoptac's output: every EPCIS document given
// (a file) must pass epcis2.js's validation, and every GS1 Digital Link in it or given on
// the command line must pass digital-link.js. Prints one JSON line; exits 1 on any failure.
// Usage: node check.js [--epcis FILE]... [--link URI]...
'use strict';
const fs = require('node:fs');
const { validateEpcisDocument } = require('epcis2.js');
const { DigitalLink } = require('digital-link.js');

const args = process.argv.slice(2);
const out = { documents: 0, events: 0, links: 0, errors: [] };
const links = [];
for (let i = 0; i < args.length; i += 2) {
  const [flag, value] = [args[i], args[i + 1]];
  if (flag === '--link') {
    links.push(value);
  } else if (flag === '--epcis') {
    const doc = JSON.parse(fs.readFileSync(value, 'utf8'));
    const r = validateEpcisDocument(doc, false);
    out.documents += 1;
    out.events += doc.epcisBody.eventList.length;
    if (!r.success) out.errors.push({ file: value, errors: r.errors });
    // every Digital Link the document names
    JSON.stringify(doc, (k, v) => {
      if (typeof v === 'string' && /^https:\/\/id\.gs1\.org\/0[01]\//.test(v)) links.push(v);
      return v;
    });
  } else {
    out.errors.push({ argument: flag });
  }
}
for (const uri of links) {
  out.links += 1;
  let ok = false;
  try {
    ok = DigitalLink(uri).isValid();
  } catch (e) {
    ok = false;
  }
  if (!ok) out.errors.push({ link: uri });
}
console.log(JSON.stringify(out));
process.exit(out.errors.length === 0 && (out.documents + out.links) > 0 ? 0 : 1);
