"""概要: a tile per topic with the latest national figure, the change from the previous year, any target, and a trend."""
import streamlit as st

from dashboard import charts
from dashboard.db import query
from dashboard.formatting import format_count, format_date, format_points
from dashboard.i18n import language, pick, t
from dashboard.overview import HEADLINES, change_in_points, headline_label, measured_targets, other_targets, series

lang = language()
st.title(t("app_title"))
st.write(t("overview_intro"))

topics = query("topics").set_index("topic_code")
columns = st.columns(3)
for index, headline in enumerate(HEADLINES):
    rows = series(headline)
    latest = rows.iloc[-1]
    with columns[index % 3].container(border=True):
        st.markdown(f"#### {pick(topics.at[headline.topic_code, 'label_ja'], topics.at[headline.topic_code, 'label_en'])}")
        st.caption(headline_label(headline, latest))
        change = change_in_points(rows)
        st.metric(label=pick(latest.fiscal_year_label_ja, latest.fiscal_year_label_en), value=f"{latest.value_printed}%",
                  delta=format_points(float(change), lang) if change is not None else None, delta_color="normal")
        counted = format_count(latest["count"], latest.count_unit, lang)
        previous = (t("change_since_year", year=pick(rows.fiscal_year_label_ja.iloc[-2], rows.fiscal_year_label_en.iloc[-2])) + "　"
                    if change is not None else "")
        st.caption(previous + (f"{counted}　" if counted else "") + f"{format_date(latest.as_of, lang)}{t('as_of_suffix')}　"
                   + latest.source_ja)
        if len(rows) > 1:
            st.plotly_chart(charts.sparkline([pick(a, b) for a, b in zip(rows.fiscal_year_label_ja, rows.fiscal_year_label_en)],
                                             list(rows.value)),
                            config={"displayModeBar": False}, width="stretch", key=f"spark_{headline.topic_code}")
        for target, gap in measured_targets(headline, rows):
            st.markdown(f":material/flag: **{t('target')}** {pick(target.deadline_ja, target.deadline_en)}："
                        f"{pick(target.label_ja, target.label_en)}")
            st.caption(t("target_gap", gap=gap) + " " + pick(target.link_note_ja, target.link_note_en))
        for target in other_targets(headline):
            st.caption(f"{t('target')}（{pick(target.deadline_ja, target.deadline_en)}）：{pick(target.label_ja, target.label_en)}"
                       f" — {pick(target.link_note_ja, target.link_note_en)}")

with columns[len(HEADLINES) % 3].container(border=True):
    topic = topics.loc["digital_divide"]
    st.markdown(f"#### {pick(topic.label_ja, topic.label_en)}")
    st.metric(label="別紙1", value=t("not_published_short"))
    st.caption(t("digital_divide_note"))

st.caption(t("overview_footnote"))
