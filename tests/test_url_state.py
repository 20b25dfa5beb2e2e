"""URL parameters are untrusted: parsing never raises, never returns a value outside the page's options, and says so."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.url_state import (MAX_PARAMETER_LENGTH, FilterOptions, ItemFilter, Selection, default_selection, parse_language,
                                 parse_selection, selection_to_params)

OPTIONS = FilterOptions(
    fiscal_years=(2021, 2022, 2023), groups=("all", "pref", "ward", "designated", "city", "town_village"),
    default_fiscal_years=(2023,), default_groups=("all", "pref", "ward", "designated", "city", "town_village"),
    item_filters=(ItemFilter("items", ("a", "b", "c"), ("a", "b", "c")),),
)

hostile_text = st.one_of(
    st.text(max_size=600),
    st.sampled_from(["<script>alert(1)</script>", "'; drop table facts; --", "%00", "\u202e", "2021,2021,2021", ",,,",
                     "2023" * 200, "pref,PREF, pref ", "../../etc/passwd", "NaN", "-1", "2.023e3"]),
)
parameters = st.dictionaries(st.sampled_from(["years", "groups", "items", "other", "lang"]), hostile_text, max_size=5)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(parameters)
def test_parsing_never_raises_and_stays_within_the_options(params):
    parsed = parse_selection(params, OPTIONS)
    selection = parsed.selection
    assert set(selection.fiscal_years) <= set(OPTIONS.fiscal_years)
    assert set(selection.groups) <= set(OPTIONS.groups)
    assert set(selection.items_for("items")) <= {"a", "b", "c"}
    assert list(selection.fiscal_years) == sorted(selection.fiscal_years), "display order, whatever the URL's order"
    for notice in parsed.notices:
        assert notice.parameter in ("years", "groups", "items")


@settings(max_examples=200, database=None)
@given(st.lists(st.sampled_from(OPTIONS.fiscal_years), unique=True, min_size=1),
       st.lists(st.sampled_from(OPTIONS.groups), unique=True, min_size=1),
       st.lists(st.sampled_from(["a", "b", "c"]), unique=True))
def test_a_selection_survives_the_round_trip_through_the_url(years, groups, items):
    selection = Selection(tuple(sorted(years)), tuple(g for g in OPTIONS.groups if g in groups),
                          (("items", tuple(i for i in ("a", "b", "c") if i in items)),))
    parsed = parse_selection(selection_to_params(selection, OPTIONS), OPTIONS)
    assert parsed.selection == selection and parsed.notices == []


def test_unknown_values_fall_back_to_the_default_with_a_notice():
    parsed = parse_selection({"years": "1999,abc", "groups": "<b>x</b>"}, OPTIONS)
    assert parsed.selection == default_selection(OPTIONS)
    assert [(n.parameter, n.partial) for n in parsed.notices] == [("years", False), ("groups", False)]


def test_partly_known_values_keep_the_known_part():
    parsed = parse_selection({"years": "2022,1999", "groups": "town_village,pref,nowhere"}, OPTIONS)
    assert parsed.selection.fiscal_years == (2022,)
    assert parsed.selection.groups == ("pref", "town_village")
    assert [(n.parameter, n.partial) for n in parsed.notices] == [("years", True), ("groups", True)]


def test_overlong_values_are_refused_whole():
    parsed = parse_selection({"years": "2021," * (MAX_PARAMETER_LENGTH // 5 + 1)}, OPTIONS)
    assert parsed.selection.fiscal_years == (2023,) and parsed.notices[0].parameter == "years"


def test_an_explicitly_empty_selection_is_kept_empty():
    assert parse_selection({"groups": ""}, OPTIONS).selection.groups == ()


@given(st.text(max_size=50))
def test_language_is_japanese_unless_english_is_asked_for(raw):
    language, refused = parse_language(raw)
    assert language == ("en" if raw == "en" else "ja")
    assert refused == (raw not in ("ja", "en"))


def test_the_csv_encoding_is_read_from_the_url_and_refused_by_name():
    from dashboard.url_state import encoding_to_param, parse_encoding

    assert parse_encoding(None) == ("utf-8-sig", False)
    assert parse_encoding("cp932") == ("cp932", False)
    assert parse_encoding("latin-1") == ("utf-8-sig", True)
    assert encoding_to_param("cp932") == "cp932" and encoding_to_param("utf-8-sig") == "utf8"


def test_the_benchmark_view_round_trips_and_never_holds_an_entry():
    from dashboard.url_state import BenchmarkView, benchmark_view_to_params, parse_benchmark_view

    view = BenchmarkView("multiple", None, "print", "behind")
    params = benchmark_view_to_params(view)
    assert params == {"mode": "multiple", "view": "print", "sort": "behind"}
    assert parse_benchmark_view(params, ["town"], ["input", "behind"]) == (view, [])
    refused = parse_benchmark_view({"mode": "all", "type": "<b>", "view": "print"}, ["town"], ["input"])
    assert refused[0] == BenchmarkView(view="print") and [n.parameter for n in refused[1]] == ["mode", "type"]


def test_the_benchmark_view_names_the_government_chosen_by_search_and_nothing_typed():
    from dashboard.url_state import BenchmarkView, benchmark_view_to_params

    chosen = benchmark_view_to_params(BenchmarkView("single", "core", "screen", "input", "012025"))
    assert chosen == {"mode": "single", "view": "screen", "type": "core", "code": "012025"}
    assert "code" not in benchmark_view_to_params(BenchmarkView("single", "core"))


# --- a topic page's distribution view --------------------------------------------------------------------------------

from dashboard.url_state import (DistributionFilters, distribution_to_params, parse_distribution_filters,  # noqa: E402
                                 parse_distribution_indicator)

INDICATORS = ("dx_muni_cio", "dx_muni_ai")
TYPES, ANSWER_WORDS, PREFECTURES = ("ward", "core", "town"), ("implemented", "not_surveyed"), ("01", "17", "47")
distribution_parameters = st.dictionaries(st.sampled_from(["dist", "dist_types", "dist_answers", "dist_pref", "other"]),
                                          hostile_text, max_size=5)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(distribution_parameters, st.booleans())
def test_distribution_parsing_never_raises_and_stays_within_the_options(params, with_answers):
    indicator, notices = parse_distribution_indicator(params, INDICATORS)
    filters, more = parse_distribution_filters(params, TYPES, ANSWER_WORDS if with_answers else (), PREFECTURES)
    assert indicator in INDICATORS
    assert set(filters.types) <= set(TYPES) and list(filters.types) == [t for t in TYPES if t in filters.types]
    assert set(filters.answers) <= (set(ANSWER_WORDS) if with_answers else set())
    assert filters.prefecture in (None, *PREFECTURES)
    assert {n.parameter for n in notices + more} <= {"dist", "dist_types", "dist_answers", "dist_pref"}


@settings(max_examples=200, database=None)
@given(st.sampled_from(INDICATORS), st.lists(st.sampled_from(TYPES), unique=True), st.lists(st.sampled_from(ANSWER_WORDS), unique=True),
       st.sampled_from((None, *PREFECTURES)))
def test_a_distribution_view_survives_the_round_trip_through_the_url(indicator, types, answers, prefecture):
    filters = DistributionFilters(tuple(t for t in TYPES if t in types), tuple(a for a in ANSWER_WORDS if a in answers), prefecture)
    params = distribution_to_params(indicator, filters)
    assert parse_distribution_indicator(params, INDICATORS) == (indicator, [])
    assert parse_distribution_filters(params, TYPES, ANSWER_WORDS, PREFECTURES) == (filters, [])
    assert all(params.values()), "an empty filter is left out of the URL, not written empty"


def test_unknown_distribution_values_are_named_and_dropped():
    indicator, notices = parse_distribution_indicator({"dist": "<b>x</b>"}, INDICATORS)
    assert indicator == "dx_muni_cio" and [n.parameter for n in notices] == ["dist"]
    filters, notices = parse_distribution_filters({"dist_types": "core,bogus", "dist_pref": "48", "dist_answers": "実施"},
                                                  TYPES, ANSWER_WORDS, PREFECTURES)
    assert filters == DistributionFilters(("core",), (), None)
    assert [(n.parameter, n.partial) for n in notices] == [("dist_types", True), ("dist_answers", False), ("dist_pref", False)]
