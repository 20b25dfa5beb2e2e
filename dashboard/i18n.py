"""UI language: Japanese first, English on request. Labels of data come from the database; this holds the UI's own words."""
from __future__ import annotations

import streamlit as st

from dashboard.url_state import parse_language

LANGUAGES = ("ja", "en")
LANGUAGE_KEY = "ui_language"            # the session's language: plain state, kept whatever a run draws
LANGUAGE_SWITCH_KEY = "language_switch"  # the sidebar radio, which mirrors it

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("自治体DX 進捗ダッシュボード", "Municipal DX progress dashboard"),
    "language": ("言語 / Language", "言語 / Language"),
    "nav_overview": ("概要", "Overview"),
    "nav_topics": ("分野別", "Topics"),
    "nav_tools": ("比較とデータ", "Benchmark and data"),
    "nav_benchmark": ("自団体の位置（ベンチマーク）", "Benchmark your municipality"),
    "nav_data": ("データと出典", "Data and sources"),
    "nav_ai_rpa": ("AI・RPA", "AI and RPA"),
    "fiscal_years": ("年度", "Fiscal years"),
    "groups": ("団体区分", "Groups"),
    "indicators": ("指標", "Indicators"),
    "value": ("値", "Value"),
    "percent": ("割合（%）", "Share (%)"),
    "cases": ("件数（件）", "Cases"),
    "count_entities": ("団体数", "Entities"),
    "count_cards": ("枚数", "Cards"),
    "as_of": ("時点", "As of"),
    "source": ("出典", "Source"),
    "source_line": ("出典資料の行", "Line in source document"),
    "group": ("区分", "Group"),
    "fiscal_year": ("年度", "Fiscal year"),
    "indicator": ("指標", "Indicator"),
    "item": ("項目", "Item"),
    "not_published": ("公表なし（－）", "not published (–)"),
    "nothing_selected": ("表示する項目を1つ以上選んでください。", "Select at least one item to show."),
    "no_rows": ("この組合せで公表された数値はありません。", "No published figure for this selection."),
    "download_csv": ("CSVをダウンロード", "Download CSV"),
    "encoding": ("文字コード", "Encoding"),
    "encoding_help": ("Excelでそのまま開くにはUTF-8（BOM付き）を選んでください。Shift_JIS（cp932）は古いツール向けです。",
                      "UTF-8 with BOM opens correctly in Excel; Shift_JIS (cp932) is for older tools."),
    "notes": ("注記・転記メモ・母数", "Notes, transcription and bases"),
    "printed_notes": ("資料の（注）", "Notes printed in the source"),
    "printed_notes_language": ("（資料の原文・日本語）", "(as printed, in Japanese)"),
    "transcription_notes": ("転記メモ（判断と根拠）", "Transcription notes (judgements and evidence)"),
    "base_notes": ("母数（回答団体数）", "Responding bases"),
    "coarser_groups": ("この指標は {types} を個別に公表していません。{peer}に含まれます。",
                       "This indicator does not publish {types} separately; they are part of {peer}."),
    "sources_heading": ("出典と時点", "Sources and as-of dates"),
    "printed_in": ("掲載箇所：自治体DX推進計画 別紙1 {section}（出典資料 {first}〜{last}行）",
                   "Printed in: 自治体DX推進計画, 別紙1 {section} (lines {first}–{last} of the source document)"),
    "table_of_chart": ("グラフの数値（表）", "Figures in the chart (table)"),
    "url_notice": ("URLの指定「{param}」に使えない値があったため、既定の表示に戻しました。",
                   "The link's “{param}” setting had values that cannot be used; showing the default instead."),
    "url_partial_notice": ("URLの指定「{param}」の一部に使えない値があったため、その値を除きました。",
                           "Some values of the link's “{param}” setting cannot be used and were left out."),
    "full_dataset_missing": ("全データのファイルがまだ作成されていません。`python -m etl` で作成されます（データベースは下から取得できます）。",
                             "The full-data files have not been built yet; `python -m etl` builds them (the database can be downloaded below)."),
    "full_dataset_updating": ("データを更新中です。数秒後にページを再読み込みしてください。",
                              "The data is being updated. Reload the page in a few seconds."),
    "cp932_failed": ("Shift_JISで保存できない文字があります。", "Some characters cannot be saved as Shift_JIS."),
    "database_missing": ("データベース（data/dx.duckdb）がありません。`python -m etl` を実行して作成してください。",
                         "The database (data/dx.duckdb) is missing. Build it with `python -m etl`."),
    "database_unusable": ("データベース（data/dx.duckdb）を読み込めません。壊れているか、ETLが作成したデータベースではありません"
                          "（空のファイル、フォルダ、リンク切れなど）。`python -m etl` を実行して作り直してください。",
                          "The database (data/dx.duckdb) cannot be read: it is damaged or not a database the ETL built (an "
                          "empty file, a folder, a broken link …). Rebuild it with `python -m etl`."),
    "database_kept": ("入力した内容は保持されています。データベースが使えるようになったら「再試行」を押してください"
                      "（ページを再読み込みすると入力内容は失われます）。",
                      "What you entered is kept. Press “Retry” once the database is available again (reloading the page "
                      "would lose what you entered)."),
    "database_retry": ("再試行", "Retry"),
    "same_value_as": ("{groups}と同じ値", "same value as {groups}"),
    "export_note": ("注記", "Note"),
    "points": ("ポイント", "points"),
    "as_of_suffix": ("時点", ""),
    "change_since_year": ("{year}比", "vs {year}"),
    "target": ("目標", "Target"),
    "target_gap": ("最新値との差：{gap}ポイント。", "Gap to the latest value: {gap} points."),
    "not_published_short": ("公表なし", "Not published"),
    "digital_divide_note": ("別紙1は見出しのみで、数値を掲載していません。", "別紙1 prints the heading only, with no figures."),
    "overview_intro": ("総務省「自治体DX推進計画」別紙1に掲載された全国の取組状況を、団体区分・年度別に見られるようにしたものです。"
                       "数値はすべて資料に印字された値で、各グラフの下に出典・時点・注記があります。",
                       "The national progress figures printed in 別紙1 of the 自治体DX推進計画 (Ministry of Internal Affairs and "
                       "Communications), by type of municipality and fiscal year. Every number is the one printed; sources, as-of "
                       "dates and notes sit under each chart."),
    "overview_footnote": ("前年度差は印字された値どうしの差です。AI・RPAの「その他市区町村」は指定都市以外の市区町村です。",
                          "Changes are differences between printed values. For AI and RPA, 'other municipalities' are all "
                          "municipalities except designated cities."),
}


def language() -> str:
    value = st.session_state.get(LANGUAGE_KEY, "ja")
    return value if value in LANGUAGES else "ja"


def restore_language() -> list[str]:
    """Take the language from the URL on a session's first run; returns refused parameters to report."""
    if LANGUAGE_KEY in st.session_state:
        return []
    value, refused = parse_language(st.query_params.get("lang"))
    st.session_state[LANGUAGE_KEY] = value
    return ["lang"] if refused else []


def language_switch() -> None:
    """The sidebar's 日本語 / English radio. Widget state is dropped on any run that does not draw the widget, so the
    choice itself lives in LANGUAGE_KEY and the radio only mirrors it."""
    st.session_state[LANGUAGE_SWITCH_KEY] = language()
    st.radio(t("language"), LANGUAGES, format_func={"ja": "日本語", "en": "English"}.get, key=LANGUAGE_SWITCH_KEY,
             horizontal=True, on_change=lambda: st.session_state.update({LANGUAGE_KEY: st.session_state[LANGUAGE_SWITCH_KEY]}))


def t(key: str, **fields) -> str:
    ja, en = TEXT[key]
    return (ja if language() == "ja" else en).format(**fields)


def pick(ja: str | None, en: str | None) -> str:
    """A database label in the UI language, falling back to Japanese where no English exists."""
    if language() == "en" and en:
        return en
    return ja or en or ""
