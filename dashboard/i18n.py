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


# --- Governments: search, profile, prefecture and map pages ------------------------------------------------------------
# One block, kept apart so that it can move into the shared text catalogue as it is.
TEXT.update({
    "nav_places": ("団体別", "By government"),
    "nav_municipality": ("団体のプロフィール", "Government profile"),
    "nav_prefecture": ("都道府県と地図", "Prefectures and map"),
    "search_label": ("団体を検索", "Find a government"),
    "search_placeholder": ("名前・よみ・ローマ字・団体コード", "Name, kana, romanised name or code"),
    "search_help": ("ひらがな・カタカナ、全角・半角、「市」「町」「村」の有無を問いません。団体コードは検査数字があってもなくても検索できます。",
                    "Hiragana or katakana, full or half width, with or without 市/町/村; a code with or without its check digit."),
    "search_more": ("ほか{count}件。もう少し詳しく入力してください。", "{count} more; type a little more to narrow the list."),
    "search_no_match": ("該当する団体がありません。", "No government matches."),
    "search_too_long": ("入力が長すぎます（{limit}文字まで）。", "The text is too long (up to {limit} characters)."),
    "search_bad_check_digit": ("団体コードの検査数字（末尾）が正しくありません。末尾は{digit}のはずです。",
                               "The code's check digit (its last digit) is wrong; it should be {digit}."),
    "search_unknown_code": ("団体コード{code}の団体はありません。", "There is no government with the code {code}."),
    "search_prefecture_range": ("都道府県番号「{prefecture}」は01〜47の範囲外です。", "The prefecture number “{prefecture}” is outside 01–47."),
    "search_code_length": ("団体コードは6桁（検査数字なしなら5桁）です。", "A code has 6 digits (5 without its check digit)."),
    "code_missing": ("団体が選ばれていません。サイドバーの検索から団体を選んでください。",
                     "No government is selected. Find one with the search in the sidebar."),
    "code_invalid": ("URLの団体コード（code）が正しくありません：{reason}", "The link's government code (code) is not valid: {reason}"),
    "code_unknown": ("URLの団体コード（code）に該当する団体がありません。", "No government has the code given in the link (code)."),
    "prefecture_code_invalid": ("URLの都道府県コード（code）は01〜47の2桁の数字です。全国の地図を表示します。",
                                "The link's prefecture code (code) must be two digits 01–47; showing the national map."),
    "type": ("団体区分", "Type"),
    "prefecture": ("都道府県", "Prefecture"),
    "population": ("人口", "Population"),
    "population_value": ("{population}人（{date}時点）", "{population} ({date})"),
    "population_missing": ("人口の公表値なし", "no published population"),
    "government_code": ("団体コード", "Code"),
    "profile_intro": ("この団体の公表値を、同じ団体区分・同じ都道府県・同じ人口規模の団体と並べて示します。割合・中央値・順位は公表値から本ダッシュボードが計算した値です。",
                      "This government's published values beside those of governments of the same type, the same prefecture "
                      "and the same population band. Shares, medians and ranks are computed here from the published values."),
    "peers_type": ("同じ区分（{label}）", "Same type ({label})"),
    "peers_prefecture": ("同じ都道府県（{label}内）", "Same prefecture (in {label})"),
    "peers_population": ("同じ人口規模（{label}）", "Same population band ({label})"),
    "band_label": ("{low}〜{high}人", "{low}–{high}"),
    "band_label_open": ("{low}人以上", "{low} and over"),
    "indicators_heading": ("取組状況（デジタル庁）", "Progress (Digital Agency)"),
    "value_printed": ("値（公表のまま）", "Value (as published)"),
    "status_done": ("実施", "Done"),
    "status_not_done": ("未実施", "Not done"),
    "status_not_surveyed": ("調査無し", "Not surveyed"),
    "status_not_reported": ("報告なし", "Not reported"),
    "peer_answer_cell": ("{done}/{answered}（{share}%）が実施", "{done} of {answered} ({share}%) done"),
    "peer_number_cell": ("中央値{median}（{count}団体）、順位{rank}", "median {median} ({count}), rank {rank}"),
    "peer_number_cell_unranked": ("中央値{median}（{count}団体）", "median {median} ({count})"),
    "peer_none": ("回答なし", "no answers"),
    "sentence_answer": ("{indicator}：{value}。回答した{peer}{answered}{counter}のうち{done}{counter}（{share}%）が実施（{as_of}{missing}）。",
                        "{indicator}: {value}. Among {peer}, {done} of the {answered} that answered ({share}%) have done it ({as_of}{missing})."),
    "sentence_number": ("{indicator}：{value}。報告した{peer}{count}{counter}の中央値は{median}、四分位範囲は{low}〜{high}。{rank_text}（{as_of}{missing}）。",
                        "{indicator}: {value}. Among {peer}, the {count} that report it have a median of {median} and an interquartile range of {low}–{high}. {rank_text} ({as_of}{missing})."),
    "sentence_rank": ("高い方から{rank}位（{count}{counter}中）", "Rank {rank} from the top of {count}"),
    "sentence_no_rank": ("この団体は報告していません", "This government does not report it"),
    "sentence_no_base": ("{indicator}：{value}。{peer}で回答した団体はありません（{as_of}{missing}）。",
                         "{indicator}: {value}. None of the {peer} answered ({as_of}{missing})."),
    "missing_not_surveyed": ("、{names}は調査無し", "; not surveyed: {names}"),
    "missing_not_reported": ("、{names}は報告なし", "; not reported: {names}"),
    "names_and_more": ("{names}ほか{count}団体", "{names} and {count} more"),
    "peer_set_type": ("{label}", "governments of type “{label}”"),
    "peer_set_prefecture": ("{label}内の市区町村", "municipalities in {label}"),
    "peer_set_population": ("人口{label}の市区町村", "municipalities of {label} residents"),
    "peer_set_prefectures": ("都道府県", "prefectures"),
    "counter_default": ("団体", ""),
    "computed_note": ("割合・中央値・四分位・順位は公表値から計算した値です（公表値ではありません）。調査無し・報告なしの団体は母数に含めません。",
                      "Shares, medians, quartiles and ranks are computed from the published values (they are not published "
                      "figures). Governments not surveyed or not reporting are left out of the base."),
    "mynumber_heading": ("マイナンバーカード交付率の推移", "My Number Card issuance rate over time"),
    "mynumber_self": ("この団体", "This government"),
    "mynumber_median": ("{peer}の中央値", "Median of {peer}"),
    "mynumber_band": ("{peer}の四分位範囲（25〜75%）", "Interquartile range of {peer} (25–75%)"),
    "mynumber_prefecture": ("{prefecture}（県全体）", "{prefecture} (whole prefecture)"),
    "mynumber_axis": ("交付率（人口に対する交付枚数、%）", "Issuance rate (cards issued per resident, %)"),
    "mynumber_caption": ("総務省「マイナンバーカード交付状況について」（Code for Japanによる集計データ）。交付率は人口算出基準日の人口に対する累計交付枚数の割合（公表値）。中央値・四分位範囲は計算値。",
                         "総務省 「マイナンバーカード交付状況について」 (as compiled by Code for Japan). The rate is cumulative cards "
                         "issued per resident at the population date (published). Median and interquartile range are computed."),
    "online_heading": ("行政手続のオンライン申請率", "Online application rates of procedures"),
    "online_reported": ("52手続のうち{count}手続で申請率を報告しています。", "Reports an online application rate for {count} of the 52 procedures."),
    "procedure": ("手続", "Procedure"),
    "own_rate": ("この団体", "This government"),
    "peer_median_rate": ("{peer}の中央値", "Median of {peer}"),
    "peer_reporting": ("報告団体数", "Reporting"),
    "later_heading": ("別紙1の同じ指標：その後の推移（団体区分の値）", "The same indicator in 別紙1: how the group moved since"),
    "later_caption": ("自治体DX推進計画 別紙1の公表値。{group}は、この団体を含む最も細かい公表区分です。",
                      "Published in 別紙1 of the 自治体DX推進計画. {group} is the finest published group containing this government."),
    "download_profile": ("このプロフィールをCSVで保存", "Download this profile as CSV"),
    "print_view_toggle": ("印刷用の表示", "Print view"),
    "print_hint": ("ブラウザの印刷機能（Ctrl+P / ⌘P）で印刷できます。", "Print with the browser (Ctrl+P / ⌘P)."),
    "attribution_heading": ("出典・帰属", "Sources and attribution"),
    "profile_link": ("プロフィール", "Profile"),
    "open_profile": ("開く", "Open"),
    "prefecture_view_intro": ("この都道府県の市区町村の取組状況（デジタル庁）。●実施 ○未実施 ×調査無し －報告なし。名前からプロフィールを開けます。",
                              "The progress of this prefecture's municipalities (Digital Agency). ● done ○ not done × not surveyed "
                              "– not reported. Each name opens its profile."),
    "symbol_legend": ("●＝実施　○＝未実施　×＝調査無し　－＝報告なし", "● done   ○ not done   × not surveyed   – not reported"),
    "heatmap_title": ("{prefecture}の市区町村 × 取組", "Municipalities of {prefecture} × initiatives"),
    "counts_heading": ("取組ごとの実施数と全国の割合", "Done per initiative, against the national share"),
    "count_in_prefecture": ("県内：実施/回答", "In prefecture: done / answered"),
    "share_in_prefecture": ("県内の割合（%）", "Share in prefecture (%)"),
    "share_national": ("全国の割合（%）", "National share (%)"),
    "not_answered": ("調査無し・報告なし", "Not surveyed / not reported"),
    "lacking_heading": ("取組ごとの未実施の団体（支援の対象候補）", "Municipalities without each initiative (candidates for support)"),
    "lacking_none": ("未実施の団体はありません。", "No municipality lacks it."),
    "lacking_count": ("{indicator}：未実施 {count}団体", "{indicator}: {count} without"),
    "municipality": ("市区町村", "Municipality"),
    "download_prefecture": ("市区町村×取組の表をCSVで保存", "Download municipalities × initiatives as CSV"),
    "map_heading": ("地図：{indicator}", "Map: {indicator}"),
    "map_indicator": ("地図に示す取組", "Initiative on the map"),
    "map_share_legend": ("実施の割合（回答した市区町村のうち）", "Share done (of municipalities that answered)"),
    "map_points": ("市区町村（庁舎の位置）", "Municipalities (office location)"),
    "map_caption": ("都道府県の色：その都道府県の市区町村のうち回答した団体に占める実施の割合（計算値）。点：各市区町村の庁舎の位置と回答。クリックすると開きます。",
                    "Prefecture colour: the share of its municipalities that answered which have done it (computed). "
                    "Points: each municipality's office and its answer. Click to open."),
    "map_table": ("都道府県別の表", "By prefecture (table)"),
    "national_heading": ("全国：都道府県別の取組状況", "Japan: progress by prefecture"),
    "choose_prefecture": ("都道府県を選ぶ", "Choose a prefecture"),
    "open_prefecture": ("{prefecture}の市区町村を見る", "See the municipalities of {prefecture}"),
    "prefecture_own_profile": ("{prefecture}自身のプロフィール", "{prefecture}'s own profile"),
    "section": ("表", "Table"),
    "as_of_undetermined": ("時点未確定", "date undetermined"),
    "status_not_applicable": ("該当なし（%のみ）", "not applicable (bare %)"),
    "more_sentences": ("同じ都道府県・同じ人口規模との比較（文章）", "Against the same prefecture and population band (sentences)"),
    "no_government_data": ("この団体の取組状況は公表されていません。", "No progress data is published for this government."),
})
