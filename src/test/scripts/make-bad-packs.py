#!/usr/bin/env python3
"""Writes the tampered and hostile packs of the bad-input corpus (src/test/resources/bad-input/pack-*).

Run from the repository root: python3 src/test/scripts/make-bad-packs.py. The output is committed; this script
says how each case was made. Each case has its line in bad-input/cases.tsv.
"""
import hashlib, json, os, shutil, struct, zipfile, zlib

OUT = "src/test/resources/bad-input"

DESCRIPTION = b"""apiVersion: dossier/v1
kind: AISystem
metadata:
  name: Corpus System
  version: "1.0"
spec:
  provider: {name: Corpus B.V., country: NL}
"""
FINDINGS = json.dumps({"tool": {"name": "dossier", "version": "0.1.0"}, "file": "corpus.yaml", "asOf": "2026-11-23",
                       "classification": None, "findings": []}, indent=2).encode() + b"\n"
REGISTRATION = json.dumps({"registration": "none", "reason": "corpus"}, indent=2).encode() + b"\n"
JUNIT = b'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="0" failures="0"/>\n'


def base_files():
    return {"description.yaml": DESCRIPTION, "findings.json": FINDINGS, "junit.xml": JUNIT, "registration.json": REGISTRATION}


def manifest(files):
    m = {"format": "dossier/pack/v1", "tool": {"name": "dossier", "version": "0.1.0"},
         "rulePack": {"id": "eu-ai-act", "version": "1.0.0", "sha256": "0" * 64},
         "input": {"file": "corpus.yaml", "sha256": hashlib.sha256(DESCRIPTION).hexdigest()}, "asOf": "2026-11-23",
         "files": [{"name": n, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in sorted(files.items())]}
    return json.dumps(m, indent=2).encode() + b"\n"


def pack(files=None):
    files = dict(files or base_files())
    files["manifest.json"] = manifest(files)
    return files


def folder(name, files):
    d = os.path.join(OUT, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for n, b in files.items():
        with open(os.path.join(d, n), "wb") as f:
            f.write(b)
    return d


def zipped(name, entries, compress=zipfile.ZIP_DEFLATED):
    """entries: list of (ZipInfo or name, bytes)."""
    p = os.path.join(OUT, name)
    with zipfile.ZipFile(p, "w", compress) as z:
        for info, data in entries:
            if isinstance(info, str):
                info = zipfile.ZipInfo(info, (1980, 1, 1, 0, 0, 0))
                info.compress_type = compress
            z.writestr(info, data)
    return p


def in_root(files, root="cv"):
    return [(root + "/" + n, b) for n, b in files.items()]


# folders
folder("pack-01-intact-unsigned", pack())
p = pack(); p["findings.json"] = p["findings.json"].replace(b'"findings"', b'"findingz"'); folder("pack-02-one-byte-changed", p)
p = pack(); del p["registration.json"]; folder("pack-03-file-missing", p)
p = pack(); p["notes.txt"] = b"added after the pack was made\n"; folder("pack-04-extra-file", p)
p = pack(); p["manifest.json"] = p["manifest.json"].replace(hashlib.sha256(DESCRIPTION).hexdigest().encode(), b"0" * 64, 2)
folder("pack-05-manifest-hash-edited", p)
p = pack(); p["junit.xml"] = p["junit.xml"] + b"\n"; folder("pack-06-size-changed", p)
d = folder("pack-11-symlink-in-folder", pack()); os.symlink("../cases.tsv", os.path.join(d, "leak.txt"))
p = pack(); p["manifest.json"] = p["manifest.json"].replace(b'"asOf": "2026-11-23",', b'"asOf": "2026-11-23",,', 1); folder("pack-14-malformed-json", p)
f = base_files(); f["findings.json"] = b"[" * 100 + b"]" * 100 + b"\n"; folder("pack-15-deeply-nested-json", pack(f))
f = base_files(); f["registration.json"] = b'{"registration": "' + b"A" * 100 + b'"}\n'; folder("pack-16-huge-string", pack(f))
p = pack(); del p["manifest.json"]; folder("pack-17-not-a-pack", p)
p = pack(); m = json.loads(p["manifest.json"]); m["files"][1]["sha256"] = "not a hash"; p["manifest.json"] = json.dumps(m, indent=2).encode()
folder("pack-18-manifest-wrong-shape", p)
p = pack(); p["manifest.json"] = p["manifest.json"].replace(b'"asOf"', b'"format": "dossier/pack/v1",\n  "asOf"', 1)
folder("pack-20-duplicate-key-json", p)

# zips
zipped("pack-07-duplicate-entry.zip", in_root(pack()) + [("cv/findings.json", b'{"findings": [], "classification": null}\n')])
zipped("pack-08-dotdot-entry.zip", in_root(pack()) + [("cv/../../evil.sh", b"echo pwned\n")])
zipped("pack-09-absolute-entry.zip", [("/etc/cron.d/evil", b"* * * * * root true\n")] + in_root(pack()))
link = zipfile.ZipInfo("cv/leak.txt", (1980, 1, 1, 0, 0, 0)); link.create_system = 3; link.external_attr = (0o120777 << 16)
zipped("pack-10-symlink-entry.zip", in_root(pack()) + [(link, b"/etc/passwd")])
f = base_files(); f["junit.xml"] = b"\0" * (20 * 1024 * 1024); zipped("pack-12-zip-bomb.zip", in_root(pack(f)))
f = base_files()
for i in range(61):
    f["extra-%02d.txt" % i] = b"x\n"
zipped("pack-13-too-many-entries.zip", in_root(pack(f)))
zipped("pack-19-subfolder-entry.zip", in_root(pack()) + [("cv/more/findings.json", b"{}\n")])
zipped("pack-21-case-clash.zip", in_root(pack()) + [("cv/Manifest.json", b"{}\n")])
with open(os.path.join(OUT, "pack-22-not-a-zip.zip"), "wb") as fh:
    fh.write(b"this is a text file named like a zip\n")
zipped("pack-23-intact.zip", in_root(pack()))
p = zipped("pack-24-damaged-crc.zip", in_root(pack()), zipfile.ZIP_STORED)
data = bytearray(open(p, "rb").read()); i = data.index(b"Corpus System"); data[i] ^= 0x20; open(p, "wb").write(bytes(data))
p = zipped("pack-25-declared-huge-entry.zip", in_root(pack()))
data = bytearray(open(p, "rb").read()); c = data.index(b"PK\x01\x02")  # first central directory record: its uncompressed size
struct.pack_into("<I", data, c + 24, 100 * 1024 * 1024); open(p, "wb").write(bytes(data))

# a lone PDF without a signature, and a file that is neither
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
pdf = bytearray(b"%PDF-1.7\n")
offsets = []
for n, o in enumerate(objs, 1):
    offsets.append(len(pdf)); pdf += b"%d 0 obj\n" % n + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % x for x in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(os.path.join(OUT, "pack-26-unsigned.pdf"), "wb").write(bytes(pdf))
open(os.path.join(OUT, "pack-27-neither-pack-nor-pdf.txt"), "wb").write(b"hello\n")
