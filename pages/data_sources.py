"""データと出典: every indicator's definition, unit, as-of date, survey and notes; bases; checks; full downloads."""
import streamlit as st

from dashboard.db import database_version, query
from dashboard.exports import encoding_choice
from dashboard.full_dataset import full_dataset_downloads
from dashboard.i18n import language, pick, t
from dashboard.notes import indicator_context
from dashboard.routing import require_router

require_router()

lang = language()
english = lang == "en"
st.title(t("nav_data"))
info = dict(query("build_info").values)
st.caption(("ビルド日時 {built_at}（UTC）・元データのSHA-256 {digest}…・公表数値 {cells}件" if not english else
            "Built {built_at} (UTC) · sources SHA-256 {digest}… · {cells} published numbers")
           .format(built_at=info["built_at"], digest=info["sources_sha256"][:16], cells=info["published_cells"]))

st.header("ダウンロード" if not english else "Downloads")
encoding = encoding_choice("data__encoding")
downloads = full_dataset_downloads(encoding, language(), database_version())
if downloads.problem:
    st.error(downloads.problem)
columns = st.columns(3)
# Files are handed over on click (a callable), not on every run: the database alone is megabytes to hash per run.
columns[0].download_button("全データ（CSV）" if not english else "All data (CSV)", lambda: downloads.csv, "dx_facts_all.csv",
                           "text/csv", on_click="ignore", key="download_facts_csv")
columns[1].download_button("全データ（Parquet）" if not english else "All data (Parquet)", lambda: downloads.parquet,
                           "dx_facts_all.parquet", "application/vnd.apache.parquet", on_click="ignore", key="download_facts_parquet")
columns[2].download_button("データベース（DuckDB）" if not english else "Database (DuckDB)", lambda: downloads.database, "dx.duckdb",
                           "application/octet-stream", on_click="ignore", key="download_duckdb")
st.caption("CSVは縦持ち（1行1数値）。「value」が空欄の行は資料に「－」と印字された未公表の値で、0ではありません。"
           if not english else "Long format, one published number per row. An empty value is printed 「－」 (not published), not zero.")

st.header("指標の定義・時点・出典" if not english else "Indicators: definitions, dates and sources")
indicators = query("all_indicators")
for row in indicators.itertuples():
    with st.expander(f"{pick(row.topic_label_ja, row.topic_label_en)} ｜ {pick(row.title_ja, row.title_en)}"):
        st.text("\n".join([
            f"{'定義' if not english else 'Definition'}：{pick(row.definition_ja, row.definition_en)}",
            f"{'単位' if not english else 'Unit'}：{'%' if row.unit == 'pct' else ('件' if not english else 'cases')}",
            f"{t('as_of')}：{pick(row.as_of_ja, row.as_of_en) or '－'}",
            f"{t('source')}：{row.source_ja or '－'}",
            t("printed_in", section=row.section_ja, first=row.printed_first_line, last=row.printed_last_line),
        ]))
        notes = indicator_context(row.indicator_code, language(), database_version())[0]
        if notes.printed:
            st.markdown(f"**{t('printed_notes')}** {t('printed_notes_language') if english else ''}")
            st.text("\n".join(notes.printed))
        if notes.transcription:
            st.markdown(f"**{t('transcription_notes')}**")
            for note in notes.transcription:
                st.text(note)

st.header(t("base_notes"))
st.write("割合と団体数の両方が印字されている数値について、団体数÷割合から母数を導き、全団体数（国の区分ごとの団体数）と照合しています。"
         if not english else "Where both a share and a count are printed, the base is derived from count ÷ share and compared "
         "with the number of entities in the group.")
bases = query("all_responding_bases")
reduced = bases[bases.reason_ja.notna() & (bases.base_unit == "entities")]
for reason, rows in reduced.groupby("reason_ja", sort=False):
    st.warning(pick(reason, rows.reason_en.iloc[0]), icon=":material/info:")
st.dataframe(bases.drop(columns=["reason_ja", "reason_en"] + (["indicator_label_ja", "group_label_ja"] if english else
                                                               ["indicator_label_en", "group_label_en"])),
             hide_index=True, width="stretch")

st.header("照合（再集計による検算）" if not english else "Reconciliation checks")
log = query("reconciliation_log")
st.dataframe(log.drop(columns=["label_en"] if not english else ["label_ja"]), hide_index=True, width="stretch")
exceptions = query("reconciliation_exceptions")
for row in exceptions.itertuples():
    st.info(pick(row.reason_ja, row.reason_en), icon=":material/rule:")

st.header("本文の数値と目標" if not english else "Figures and targets in the body text")
figures = query("body_figures")
st.dataframe(figures, hide_index=True, width="stretch")
st.dataframe(query("targets"), hide_index=True, width="stretch")
