"""The SQL console. Its engine has no Streamlit: check (refuse before running), runner (worker processes under
limits), worker, launcher, errors, examples. Its page parts use Streamlit: state, canned, schema_docs."""
