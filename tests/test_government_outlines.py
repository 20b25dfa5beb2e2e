"""Prefecture outlines for a map on plain axes: rings joined with gaps, islets dropped, the main island always kept."""
from __future__ import annotations

import math

import pytest

from governments.outlines import aspect_ratio, outline, outlines, polygons_of, simplify


def square(x0: float, y0: float, size: float, steps: int = 40) -> list[list[float]]:
    """A closed square ring with `steps` points on each side."""
    side = [i * size / steps for i in range(steps)]
    ring = ([[x0 + d, y0] for d in side] + [[x0 + size, y0 + d] for d in side]
            + [[x0 + size - d, y0 + size] for d in side] + [[x0, y0 + size - d] for d in side])
    return ring + [ring[0]]


def test_a_multipolygon_becomes_rings_separated_by_gaps():
    geometry = {"type": "MultiPolygon", "coordinates": [[square(135, 35, 1)], [square(137, 35, 0.5)]]}
    drawn = outline("27", geometry, spacing=0.1)
    assert drawn.x.count(None) == 1 and drawn.y.count(None) == 1
    assert len(drawn.x) == len(drawn.y)
    assert drawn.points == len(drawn.x) - 1


def test_islets_smaller_than_the_drawing_are_dropped_but_the_main_island_stays():
    geometry = {"type": "MultiPolygon", "coordinates": [[square(135, 35, 0.01)], [square(130, 30, 0.001)]]}
    drawn = outline("47", geometry, spacing=0.001, smallest=0.04)
    assert None not in drawn.x, "the islet is left out"
    assert min(v for v in drawn.x if v is not None) == 135, "the largest polygon is kept however small it is"


def test_simplification_keeps_the_ring_closed_and_drops_points_closer_than_the_spacing():
    ring = [tuple(point) for point in square(135, 35, 1, steps=200)]
    kept = simplify(ring, 0.05)
    assert kept[0] == kept[-1] == ring[0]
    assert 4 <= len(kept) < len(ring) / 5
    for x, y in ring:  # nothing moves further than the spacing: every point dropped has a kept point that near
        assert min(max(abs(x - kx), abs(y - ky)) for kx, ky in kept) <= 0.05


def test_a_polygon_with_a_hole_draws_its_outer_ring_only():
    geometry = {"type": "Polygon", "coordinates": [square(135, 35, 1), square(135.4, 35.4, 0.2)]}
    assert None not in outline("25", geometry, spacing=0.01).x


def test_outlines_come_in_code_order():
    features = [("13", {"type": "Polygon", "coordinates": [square(139, 35, 1)]}),
                ("01", {"type": "Polygon", "coordinates": [square(141, 43, 1)]})]
    assert [o.code for o in outlines(features)] == ["01", "13"]


@pytest.mark.parametrize("geometry", [{"type": "Point", "coordinates": [135, 35]}, {"type": "MultiPolygon", "coordinates": []}])
def test_what_is_not_an_outline_is_refused_with_the_prefecture_named(geometry):
    with pytest.raises(ValueError, match="Polygon|prefecture 99"):
        outline("99", geometry)


def test_polygons_of_drops_altitude():
    assert polygons_of({"type": "Polygon", "coordinates": [[[1, 2, 30], [3, 4, 30], [5, 6, 30], [1, 2, 30]]]}) == \
        [[[(1.0, 2.0), (3.0, 4.0), (5.0, 6.0), (1.0, 2.0)]]]


def test_aspect_ratio_stretches_latitude_by_the_secant():
    assert aspect_ratio(0) == 1
    assert aspect_ratio(60) == pytest.approx(2.0)
    assert math.isclose(aspect_ratio(), 1 / math.cos(math.radians(36)))
