"""Benchmark floor: a page with one trivial plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])))
