"""Record what a page drew (AppTest's element tree) and draw the same elements again from memory.

The replay is the "minimal script" of the page benchmark: the same titles, texts, widgets, charts, tables and
downloads in the same containers, with none of our own work (no queries, no caches, no computation). The ratio of
the page's rerun time to the replay's is the cost of our own code on top of Streamlit's."""
from __future__ import annotations

from dataclasses import dataclass, field

import plotly.io
import streamlit as st

TEXT_KINDS = {"title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "error", "success"}


@dataclass
class Node:
    kind: str
    payload: dict = field(default_factory=dict)
    children: list["Node"] = field(default_factory=list)


def record(block, downloads) -> list[Node]:
    """The tree below an AppTest block as Nodes; figures rebuilt and download bytes fetched here, outside timing."""
    nodes = []
    for child in getattr(block, "children", {}).values():
        kind = getattr(child, "type", "")
        if kind == "expander":
            nodes.append(Node("expander", {"label": child.label},
                              record(child, downloads)))
        elif type(child).__name__ == "Column":
            nodes.append(Node("column", {}, record(child, downloads)))
        elif hasattr(child, "children") and not isinstance(getattr(child, "children"), (list, str)) and kind not in TEXT_KINDS:
            nodes.append(Node("container", {}, record(child, downloads)))
        elif kind in TEXT_KINDS:
            nodes.append(Node(kind, {"body": child.value}))
        elif kind == "divider":
            nodes.append(Node("divider"))
        elif kind == "metric":
            nodes.append(Node("metric", {"label": child.label, "value": child.value, "delta": child.delta or None}))
        elif kind == "plotly_chart":
            nodes.append(Node("plotly_chart", {"figure": plotly.io.from_json(child.proto.spec)}))
        elif kind in ("arrow_data_frame", "dataframe"):
            nodes.append(Node("dataframe", {"data": child.value}))
        elif kind == "table":
            nodes.append(Node("table", {"data": child.value}))
        elif kind == "download_button":
            nodes.append(Node("download_button", {"label": child.label, "data": downloads.of(child),
                                                  "deferred": bool(child.proto.deferred_file_id)}))
        elif kind == "button_group":
            nodes.append(Node("pills", {"label": child.proto.label, "options": child.options}))
        elif kind == "radio":
            nodes.append(Node("radio", {"label": child.label, "options": child.options}))
        elif kind == "selectbox":
            nodes.append(Node("selectbox", {"label": child.label, "options": child.options}))
        elif kind in ("number_input", "text_input", "toggle", "checkbox", "file_uploader"):
            nodes.append(Node(kind, {"label": child.label}))
    return nodes


def replay(nodes: list[Node], prefix: str = "w") -> None:
    columns = [node for node in nodes if node.kind == "column"]
    slots = iter(st.columns(len(columns))) if columns else iter(())
    for number, node in enumerate(nodes):
        key = f"{prefix}{number}"
        if node.kind == "column":
            with next(slots):
                replay(node.children, key)
        elif node.kind == "container":
            with st.container():
                replay(node.children, key)
        elif node.kind == "expander":
            with st.expander(node.payload["label"]):
                replay(node.children, key)
        elif node.kind in TEXT_KINDS:
            getattr(st, node.kind)(node.payload["body"])
        elif node.kind == "divider":
            st.divider()
        elif node.kind == "metric":
            st.metric(node.payload["label"], node.payload["value"], node.payload["delta"])
        elif node.kind == "plotly_chart":
            st.plotly_chart(node.payload["figure"], key=key, width="stretch")
        elif node.kind == "dataframe":
            st.dataframe(node.payload["data"], hide_index=True)
        elif node.kind == "table":
            st.table(node.payload["data"], hide_index=True)
        elif node.kind == "download_button":
            data = node.payload["data"]
            st.download_button(node.payload["label"], (lambda: data) if node.payload["deferred"] else data, file_name="x.csv",
                               key=key, on_click="ignore")
        elif node.kind == "pills":
            st.pills(node.payload["label"], node.payload["options"], selection_mode="multi", key=key)
        elif node.kind in ("radio", "selectbox"):
            getattr(st, node.kind)(node.payload["label"], node.payload["options"], key=key)
        elif node.kind in ("number_input", "text_input", "toggle", "checkbox", "file_uploader"):
            getattr(st, node.kind)(node.payload["label"], key=key)
