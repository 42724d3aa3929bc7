"""Self-hosting entry: the same app as dashboard.py, plus a read-only data API (jiangbei/reuse/api.py) at /api/.

    streamlit run serve.py            # or: uvicorn serve:app --host 0.0.0.0 --port 8501

dashboard.py stays the main file on Streamlit Community Cloud, which serves only Streamlit's own routes.
"""

import streamlit as st

from jiangbei.reuse import api

app = st.App("dashboard.py", routes=api.routes())
