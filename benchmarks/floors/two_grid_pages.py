"""Benchmark floor for warm navigation (issue 21): st.navigation between two pages of one st.dataframe each, of the
explorer's size (189 rows, 8 columns). The grid builds its accessibility table (the rows as an HTML grid for screen
readers) 200 ms after its last change (glide-data-grid's debounce), so no page with a grid settles sooner."""

import pandas as pd
import streamlit as st

FRAME = pd.DataFrame({f"column {c}": [f"row {r} text {c}" if c % 2 else r * c for r in range(189)]
                      for c in range(8)})


def first():
    st.dataframe(FRAME, hide_index=True, key="first")


def second():
    st.dataframe(FRAME.iloc[::-1], hide_index=True, key="second")


st.navigation([st.Page(first, title="First", url_path="first", default=True),
               st.Page(second, title="Second", url_path="second")]).run()
