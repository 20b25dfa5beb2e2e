"""The floor of the browser benchmark: the smallest Streamlit page with one Plotly chart, served by the same server
settings as the dashboard. Its time to first chart is what Streamlit and Plotly cost on this machine before any of
our own code runs."""
import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])))
