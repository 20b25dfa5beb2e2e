"""The text catalogue (common/texts/): every text in both languages, and no page showing a key instead of a text."""
from __future__ import annotations

import pytest
from google.protobuf.message import Message

from common.texts import LANGUAGES, TEXTS, text
from tests.apptest_support import ALL_PAGES, open_page

@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_has_both_languages_and_neither_is_empty(key):
    assert len(TEXTS[key]) == len(LANGUAGES), key
    assert all(words.strip() for words in TEXTS[key]), key


def test_a_text_is_asked_for_by_key_and_language():
    assert text("fiscal_year_short", "ja", year=2023) == "2023年度"
    assert text("fiscal_year_short", "en", year=2023) == "FY2023"
    assert LANGUAGES == ("ja", "en")


def shown_strings(node) -> list[str]:
    """Every string in the protobuf messages of an AppTest tree: labels, values, options, captions, table cells."""
    found: list[str] = []

    def walk(message: Message) -> None:
        for _, value in message.ListFields():
            for item in value if isinstance(value, (list, tuple)) or hasattr(value, "append") else [value]:
                if isinstance(item, str):
                    found.append(item)
                elif isinstance(item, Message):
                    walk(item)

    def visit(element) -> None:
        proto = getattr(element, "proto", None)
        if isinstance(proto, Message):
            walk(proto)
        for child in getattr(element, "children", {}).values():
            visit(child)

    visit(node)
    return found


def assert_no_key_shown(app) -> None:
    assert not app.exception, [e.value for e in app.exception]
    strings = shown_strings(app.main) + shown_strings(app.sidebar)
    assert len(strings) > 10, "the walk found the page's texts"
    keys = [value for value in strings if value.strip() in TEXTS]
    assert not keys, keys


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ALL_PAGES)
def test_no_page_shows_a_key_instead_of_a_text(page, language):
    assert_no_key_shown(open_page(page, {"lang": language}))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_benchmark_report_and_print_view_show_no_key(language):
    app = open_page("benchmark", {"lang": language})
    app.selectbox(key="bench__form_type").set_value("town")
    app.radio(key="bench__form__governance_overall_policy").set_value("yes")
    app.selectbox(key="bench__form__telework_staff_band").set_value("unknown")
    app.run()
    assert_no_key_shown(app)
    app.toggle(key="bench__print").set_value(True)
    app.run()
    assert_no_key_shown(app)


def test_no_key_is_written_twice_in_the_catalogue():
    """A second entry with the same key silently replaces the first in a dict literal, changing another page's text;
    the parts are read as written (a duplicate inside one literal never reaches the merged catalogue)."""
    import ast
    import collections
    from pathlib import Path

    import common.texts
    counts = collections.Counter()
    for part in common.texts.PARTS:
        tree = ast.parse(Path(part.__file__).read_text(encoding="utf-8"))
        catalogue = next(node.value for node in tree.body if isinstance(node, ast.AnnAssign) and node.target.id == "TEXTS")
        counts.update(key.value for key in catalogue.keys)
    assert sum(counts.values()) > 0
    assert [key for key, count in counts.items() if count > 1] == []
