"""Prefecture outlines for an offline map: 地球地図日本's TopoJSON decoded into one GeoJSON feature per prefecture."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import orjson
import pandas as pd

from etl.checks import Failure
from etl.governments.outcome import SOURCE_ROOT, Outcome, where
from etl.sources import SourceError

TOPOJSON = "geo/japan.topojson"
ATTRIBUTION = "出典：地球地図日本"


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Quantised, delta-encoded arcs → longitude/latitude (the TopoJSON specification, section 2.1.3), one array per arc."""
    lengths = [len(arc) for arc in topology["arcs"]]
    points = np.asarray([point[:2] for arc in topology["arcs"] for point in arc], dtype=np.float64).reshape(-1, 2)
    starts = np.cumsum([0] + lengths[:-1]).astype(np.int64)
    transform = topology.get("transform")
    if transform is not None:
        (scale_x, scale_y), (shift_x, shift_y) = transform["scale"], transform["translate"]
        deltas = points.astype(np.int64)
        # every arc's deltas summed in one pass (not one per arc: 1,100 arcs), the running sum restarted at each arc
        positions = np.cumsum(deltas, axis=0)
        positions -= np.repeat(positions[starts] - deltas[starts], lengths, axis=0)
        points = np.round(positions * (scale_x, scale_y) + (shift_x, shift_y), 6)
    return [points[start:start + length] for start, length in zip(starts.tolist(), lengths)]


def ring(arc_indexes: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """A closed ring from its arcs: a negative index ~i is arc i reversed; each arc after the first drops its first point."""
    parts = [arcs[index] if index >= 0 else arcs[~index][::-1] for index in arc_indexes]
    return np.concatenate(parts[:1] + [part[1:] for part in parts[1:]])


def run(data_dir: Path, governments: pd.DataFrame) -> Outcome:
    """One row per prefecture (its code, name and GeoJSON Feature); names and codes checked against the list."""
    outcome = Outcome()
    try:
        topology = orjson.loads((data_dir / SOURCE_ROOT / TOPOJSON).read_bytes())
        geometries = topology["objects"]["japan"]["geometries"]
    except (OSError, ValueError, KeyError) as error:
        raise SourceError(f"{where(TOPOJSON)}: cannot read the outlines: {error}") from error
    arcs = decode_arcs(topology)
    prefectures = {code[:2]: (code, name) for code, name in zip(governments.government_code.tolist(), governments.name_ja.tolist())
                   if code[2:5] == "000"}
    rows, failures = [], []
    for position, geometry in enumerate(geometries):
        code = f"{int(geometry['properties']['id']):02d}"
        government, name = prefectures.get(code, (None, None))
        if government is None or name != geometry["properties"]["nam_ja"]:
            failures.append(Failure("outlines_match_prefectures", where(TOPOJSON, None, None, f"geometry {position + 1}"),
                                    f"id {code} {geometry['properties']['nam_ja']!r} is not a prefecture of the list"))
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shape = {"type": "MultiPolygon", "coordinates": [[ring(r, arcs) for r in polygon] for polygon in polygons]}
        open_rings = sum(not np.array_equal(r[0], r[-1]) for polygon in shape["coordinates"] for r in polygon)
        if open_rings:
            failures.append(Failure("outlines_match_prefectures", where(TOPOJSON, None, None, code), f"{open_rings} rings do not close"))
        feature = {"type": "Feature", "id": government, "geometry": shape,
                   "properties": {"government_code": government, "prefecture_code": code, "name_ja": name}}
        rows.append(dict(prefecture_code=code, government_code=government, name_ja=name, geojson=orjson.dumps(feature, option=orjson.OPT_SERIALIZE_NUMPY).decode()))
    if len(rows) != 47 and not failures:
        failures.append(Failure("outlines_match_prefectures", where(TOPOJSON), f"{len(rows)} prefectures, expected 47"))
    outcome.check("outlines_match_prefectures", TOPOJSON, len(geometries), failures)
    outcome.frames["prefecture_outlines"] = pd.DataFrame(rows, columns=["prefecture_code", "government_code", "name_ja", "geojson"]).assign(
        attribution_ja=ATTRIBUTION).sort_values("prefecture_code", ignore_index=True)
    return outcome
