"""Benchmark floor for warm navigation: st.navigation between two one-line pages."""

import streamlit as st


def first():
    st.write("First")


def second():
    st.write("Second")


st.navigation([st.Page(first, title="First", url_path="first", default=True),
               st.Page(second, title="Second", url_path="second")]).run()
