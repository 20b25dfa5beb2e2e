"""Prefecture outlines for an offline map: 地球地図日本's TopoJSON decoded into one GeoJSON feature per prefecture."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from etl.checks import Failure
from etl.governments.outcome import SOURCE_ROOT, Outcome, where
from etl.sources import SourceError

TOPOJSON = "geo/japan.topojson"
ATTRIBUTION = "出典：地球地図日本"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Quantised, delta-encoded arcs → longitude/latitude (the TopoJSON specification, section 2.1.3)."""
    transform = topology.get("transform")
    if transform is None:
        return [[tuple(point) for point in arc] for arc in topology["arcs"]]
    (scale_x, scale_y), (shift_x, shift_y) = transform["scale"], transform["translate"]
    decoded = []
    for arc in topology["arcs"]:
        points = np.cumsum(np.asarray(arc, dtype=np.int64)[:, :2], axis=0) * (scale_x, scale_y) + (shift_x, shift_y)
        decoded.append([tuple(point) for point in np.round(points, 6).tolist()])
    return decoded


def ring(arc_indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """A closed ring from its arcs: a negative index ~i is arc i reversed; each arc after the first drops its first point."""
    points: list[tuple[float, float]] = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc if not points else arc[1:]
    return [list(point) for point in points]


def run(data_dir: Path, governments: pd.DataFrame) -> Outcome:
    """One row per prefecture (its code, name and GeoJSON Feature); names and codes checked against the list."""
    outcome = Outcome()
    try:
        topology = json.loads((data_dir / SOURCE_ROOT / TOPOJSON).read_text(encoding="utf-8"))
        geometries = topology["objects"]["japan"]["geometries"]
    except (OSError, ValueError, KeyError) as error:
        raise SourceError(f"{where(TOPOJSON)}: cannot read the outlines: {error}") from error
    arcs = decode_arcs(topology)
    names = governments.set_index("government_code").name_ja
    rows, failures = [], []
    for position, geometry in enumerate(geometries):
        code = f"{int(geometry['properties']['id']):02d}"
        government = next((g for g in names.index if g.startswith(code) and g[2:5] == "000"), None)
        if government is None or names[government] != geometry["properties"]["nam_ja"]:
            failures.append(Failure("outlines_match_prefectures", where(TOPOJSON, None, None, f"geometry {position + 1}"),
                                    f"id {code} {geometry['properties']['nam_ja']!r} is not a prefecture of the list"))
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shape = {"type": "MultiPolygon", "coordinates": [[ring(r, arcs) for r in polygon] for polygon in polygons]}
        open_rings = sum(r[0] != r[-1] for polygon in shape["coordinates"] for r in polygon)
        if open_rings:
            failures.append(Failure("outlines_match_prefectures", where(TOPOJSON, None, None, code), f"{open_rings} rings do not close"))
        feature = {"type": "Feature", "id": government, "geometry": shape,
                   "properties": {"government_code": government, "prefecture_code": code, "name_ja": names[government]}}
        rows.append(dict(prefecture_code=code, government_code=government, name_ja=names[government],
                         geojson=json.dumps(feature, ensure_ascii=False, separators=(",", ":"))))
    if len(rows) != 47 and not failures:
        failures.append(Failure("outlines_match_prefectures", where(TOPOJSON), f"{len(rows)} prefectures, expected 47"))
    outcome.check("outlines_match_prefectures", TOPOJSON, len(geometries), failures)
    outcome.frames["prefecture_outlines"] = pd.DataFrame(rows, columns=["prefecture_code", "government_code", "name_ja", "geojson"]).assign(
        attribution_ja=ATTRIBUTION).sort_values("prefecture_code", ignore_index=True)
    return outcome
