"""Benchmark floor for warm navigation (issue 21): st.navigation between two pages of one trivial plotly chart."""

import plotly.graph_objects as go
import streamlit as st


def first():
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), key="first")


def second():
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[2, 1])), key="second")


st.navigation([st.Page(first, title="First", url_path="first", default=True),
               st.Page(second, title="Second", url_path="second")]).run()
